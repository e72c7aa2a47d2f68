package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.report.ReportSpool;
import io.jenkins.plugins.dcom.report.ReportWriter;
import io.jenkins.plugins.dcom.run.ComplianceEngine;
import io.jenkins.plugins.dcom.run.ResultSink;
import io.jenkins.plugins.dcom.run.RunOptions;
import io.jenkins.plugins.dcom.run.RunResult;
import io.jenkins.plugins.dcom.text.OutputFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** Runs the engine over an inventory, writes the reports (also when hosts failed) and prints the summary. */
final class FleetRun {
    private FleetRun() {
    }

    /** @return the exit code: the run's, or {@link ExitCodes#REPORTS_NOT_WRITTEN} */
    static int run(String title, String runId, RunOptions options, Inventory inventory, Path reportDir, PrintStream out)
            throws UsageException {
        try {
            options.getTransports().checkDistinct(inventory.getTargets(), options.getConnection());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        prepareOutputs(options, reportDir);
        out.println(title + ": " + inventory.size() + " hosts, " + describe(options) + ", run " + runId);
        warn(out, options.getHistory().getWarnings());
        ComplianceEngine engine = new ComplianceEngine(options, new ConsoleProgress(out));
        return streamed(out, title, reportDir, inventory.getTargets(), options.getPolicy().getName(),
                sink -> engine.run(runId, inventory, sink));
    }

    /** One run of the engine whose hosts go to a sink as they finish. */
    @FunctionalInterface
    interface EngineRun {
        RunResult run(ResultSink sink) throws InterruptedException;
    }

    /**
     * Runs the engine with each host's result going to a spool in the report folder as it finishes, so that memory does
     * not grow with the fleet, then writes the reports from the spool and prints the summary.
     *
     * @param targets the run's hosts in inventory order; policy what the reports name as the run's policy
     * @return the run's exit code, or {@link ExitCodes#REPORTS_NOT_WRITTEN}
     */
    static int streamed(PrintStream out, String title, Path reportDir, List<Target> targets, String policy, EngineRun engine)
            throws UsageException {
        ReportSpool spool;
        try {
            spool = ReportSpool.open(reportDir, targets, policy);
        } catch (IOException e) {
            throw new UsageException("--report-dir " + reportDir + " cannot take the run's reports: " + e.getMessage(), e);
        }
        try (ReportSpool open = spool) {
            RunResult result = engine.run(open);
            return finish(out, title, result, reportDir, open);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted", e);
        } catch (IOException e) {
            out.println("Warning: the report spool " + reportDir + " could not be deleted: " + e.getMessage());
            return ExitCodes.REPORTS_NOT_WRITTEN;
        }
    }

    /** Prints one line per input the run passes over (a damaged backup record: its file and why). */
    static void warn(PrintStream out, List<String> warnings) {
        for (String warning : warnings) {
            out.println("Warning: skipped " + warning);
        }
    }

    /** Checks the report folder before the run, so that a run never changes hosts it cannot report on. */
    static void prepare(Path reportDir) throws UsageException {
        prepareOutputs(null, reportDir);
    }

    /**
     * Checks every folder the run must write to before it touches a host: the reports, then (for a remediation that
     * writes) the backups, which go below the reports by default.
     */
    private static void prepareOutputs(RunOptions options, Path reportDir) throws UsageException {
        try {
            OutputFiles.prepare("--report-dir", reportDir);
            if (options != null && options.getBackups() != null && !options.isDryRun()) {
                options.getBackups().prepare();
            }
        } catch (IOException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /**
     * Writes the reports and prints the summary. When the reports cannot be written, the progress lines (and, for a run
     * that holds its hosts, the summary) list every host and what happened to it, so that the console records what the
     * run changed.
     *
     * @return the run's exit code, or {@link ExitCodes#REPORTS_NOT_WRITTEN}
     */
    private static int finish(PrintStream out, String title, RunResult result, Path reportDir, ReportSpool spool) {
        try {
            ReportWriter.write(result, reportDir, spool);
        } catch (IOException e) {
            Summary.print(out, title, result, null);
            Summary.everyHost(out, result);
            out.println("The reports could not be written to " + reportDir + " (" + e.getMessage() + "); the lines above "
                    + "are the only record of this run. Exit code " + ExitCodes.REPORTS_NOT_WRITTEN + ".");
            return ExitCodes.REPORTS_NOT_WRITTEN;
        }
        Summary.print(out, title, result, reportDir);
        return result.exitCode();
    }

    private static String describe(RunOptions options) {
        String policy = options.getPolicy() == null ? "" : options.getPolicy() + ", ";
        return policy + options.getConnection() + (options.isDryRun() ? ", dry run (writes nothing)" : "")
                + (options.getRestart().isEnabled() ? ", restart after change" : "");
    }
}
