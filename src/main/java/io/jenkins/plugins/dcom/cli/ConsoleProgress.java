package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.ProgressListener;
import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One line per host as it finishes, with running counts and the backup of what it changed: the console's record of
 * every host even when the reports cannot be written. Prints only result messages, which hold no secret; what a
 * host sent in them is shown through {@link UntrustedText#line(String)}, so no escape sequence reaches the terminal.
 */
final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void hostFinished(HostResult result, int done, int total, int ok, int nonCompliant, int failed) {
        Long millis = result.getPhaseMillis().get("total");
        out.println(String.format(Locale.ROOT, "[%d/%d] %-40s %-15s %s%s (%.1f s)  [ok %d, non-compliant %d, failed %d]",
                done, total, result.getTarget().label(), result.getStatus(), UntrustedText.line(result.getMessage()),
                result.getBackupFile() == null ? "" : " (backup " + result.getBackupFile() + ")",
                millis == null ? 0.0 : millis / 1000.0, ok, nonCompliant, failed));
        out.flush();
    }
}
