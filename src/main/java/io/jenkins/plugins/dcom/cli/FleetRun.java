package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.report.ReportWriter;
import io.jenkins.plugins.dcom.run.ComplianceEngine;
import io.jenkins.plugins.dcom.run.RunOptions;
import io.jenkins.plugins.dcom.run.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Runs the engine over an inventory, writes the reports (also when hosts failed) and prints the summary. */
final class FleetRun {
    private FleetRun() {
    }

    static RunResult run(String title, String runId, RunOptions options, Inventory inventory, Path reportDir, PrintStream out)
            throws UsageException {
        out.println(title + ": " + inventory.size() + " hosts, " + describe(options) + ", run " + runId);
        RunResult result;
        try {
            result = new ComplianceEngine(options, new ConsoleProgress(out)).run(runId, inventory);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted", e);
        }
        writeReports(result, reportDir);
        Summary.print(out, title, result, reportDir);
        return result;
    }

    static void writeReports(RunResult result, Path reportDir) throws UsageException {
        try {
            ReportWriter.write(result, reportDir);
        } catch (IOException e) {
            throw new UsageException("--report-dir " + reportDir + ": the reports cannot be written (" + e.getMessage() + ")", e);
        }
    }

    private static String describe(RunOptions options) {
        String policy = options.getPolicy() == null ? "" : options.getPolicy() + ", ";
        return policy + options.getConnection() + (options.isDryRun() ? ", dry run (writes nothing)" : "")
                + (options.getRestart().isEnabled() ? ", restart after change" : "");
    }
}
