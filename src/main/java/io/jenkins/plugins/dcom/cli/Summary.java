package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.contract.Outcome;
import io.jenkins.plugins.dcom.contract.ReportSet;
import io.jenkins.plugins.dcom.report.ConnectivityReport;
import io.jenkins.plugins.dcom.run.Connectivity;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.HostStatus;
import io.jenkins.plugins.dcom.run.Mode;
import io.jenkins.plugins.dcom.run.RunResult;
import io.jenkins.plugins.dcom.run.RunTally;
import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** The closing lines of a run: counts, where the reports are, and what the exit code means. */
final class Summary {
    private Summary() {
    }

    static void print(PrintStream out, String title, RunResult run, Path reports) {
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<HostStatus, Integer> count : run.counts().entrySet()) {
            if (count.getValue() > 0) {
                counts.append(counts.length() == 0 ? "" : ", ").append(count.getValue()).append(' ').append(count.getKey());
            }
        }
        out.println();
        if (run.getMode() != Mode.ROLLBACK) {
            Connectivity connectivity = run.connectivity();
            out.print(ConnectivityReport.lines("Connectivity as found", connectivity.getBefore()));
            if (connectivity.getAfter() != null) {
                out.print(ConnectivityReport.lines(run.isDryRun() ? "Connectivity once the plan is in effect"
                        : "Connectivity once the new lists are in effect", connectivity.getAfter()));
            }
            if (!run.connectivityShortfalls().isEmpty()) {
                out.println("The policy requires every console to reach every site server at once on a connection-oriented "
                        + "protocol: " + run.connectivityShortfalls().size() + " pair(s) do not, so the run does not comply");
            }
        }
        for (String line : run.getRolloutLog()) {
            out.println(line);
        }
        out.println(title + ": " + run.hostCount() + " hosts: " + counts);
        if (reports != null) {
            out.println("Reports: " + reports.toAbsolutePath().resolve(ReportSet.HTML) + " (also " + ReportSet.JSON + ", " + ReportSet.JUNIT + ")");
        }
        out.println("Exit code " + run.exitCode() + ": " + meaning(run));
    }

    /**
     * Prints one line per host: where it ended and why (for a run whose reports could not be written). A run whose hosts
     * went to its reports as they finished holds none: the progress lines printed each one as it finished.
     */
    static void everyHost(PrintStream out, RunResult run) {
        for (HostResult host : run.getHosts()) {
            out.println("  " + host.getTarget().label() + ": " + host.getStatus() + ": " + UntrustedText.line(host.getMessage())
                    + (host.getBackupFile() == null ? "" : " (backup " + host.getBackupFile() + ")"));
        }
    }

    static String meaning(RunResult run) {
        switch (run.exitCode()) {
            case ExitCodes.OK:
                return "every host complies.";
            case ExitCodes.NON_COMPLIANT:
                return run.count(Outcome.NON_COMPLIANT) == 0
                        ? "every host complies, but " + run.connectivityShortfalls().size() + " console/site-server pair(s) "
                                + "do not connect as the policy requires."
                        : "some hosts do not comply yet: " + hosts(run, Outcome.NON_COMPLIANT) + ".";
            default:
                return "some hosts could not be checked or changed: " + hosts(run, Outcome.FAILED) + ".";
        }
    }

    /** @return the first {@value RunTally#NAMED} hosts with the outcome, and how many more there are: the reports list them all */
    private static String hosts(RunResult run, Outcome outcome) {
        int count = run.count(outcome);
        String names = String.join(", ", run.named(outcome));
        return count <= RunTally.NAMED ? names : names + " and " + (count - RunTally.NAMED) + " more (the reports list every host)";
    }
}
