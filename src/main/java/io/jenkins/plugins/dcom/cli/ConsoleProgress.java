package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.ProgressListener;
import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.PrintStream;

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
        StringBuilder line = new StringBuilder(160).append('[').append(done).append('/').append(total).append("] ");
        padded(line, result.getTarget().label(), 40);
        padded(line, String.valueOf(result.getStatus()), 15);
        line.append(UntrustedText.line(result.getMessage()));
        if (result.getBackupFile() != null) {
            line.append(" (backup ").append(result.getBackupFile()).append(')');
        }
        line.append(" (").append(seconds(millis)).append(" s)  [ok ").append(ok)
                .append(", non-compliant ").append(nonCompliant).append(", failed ").append(failed).append(']');
        out.println(line);
        out.flush();
    }

    /** @return the time in seconds to a tenth, rounded half up; 0.0 when unknown */
    static String seconds(Long millis) {
        long tenths = millis == null ? 0 : (Math.max(0, millis) + 50) / 100;
        return tenths / 10 + "." + tenths % 10;
    }

    /** Appends the text, then spaces to {@code width} and one more: a column, as {@code %-<width>s } printed it. */
    private static void padded(StringBuilder line, String text, int width) {
        line.append(text);
        for (int i = text.length(); i < width; i++) {
            line.append(' ');
        }
        line.append(' ');
    }
}
