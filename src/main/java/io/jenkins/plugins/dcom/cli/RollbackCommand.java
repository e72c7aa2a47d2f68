package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.backup.RecordSet;
import io.jenkins.plugins.dcom.contract.Defaults;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.run.ChangeHistory;
import io.jenkins.plugins.dcom.run.ComplianceEngine;
import io.jenkins.plugins.dcom.run.Mode;
import io.jenkins.plugins.dcom.run.RunOptions;
import io.jenkins.plugins.dcom.text.UntrustedText;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes back the values a remediation run saved, on the hosts it changed. */
final class RollbackCommand extends Subcommand {
    private ConnectionOptions connection;
    private RestartOptions restart;
    private Path backupDir;
    private String run;
    private boolean dryRun;
    private boolean force;
    private long concurrency;
    private Path reportDir;

    RollbackCommand(DcomComplianceCommand parent) {
        super(parent);
    }

    @Override
    String name() {
        return "rollback";
    }

    @Override
    String description() {
        return "Write back the values a remediation run saved before it changed each host. A host whose value changed "
                + "since that run is left alone unless --force.";
    }

    @Override
    void declare(OptionTable table) {
        ConnectionOptions.declare(table);
        RestartOptions.declare(table);
        table.value("backup-dir", "DIR", "dcom-report/backups", "The folder remediate kept its runs' backups in")
                .value("run", "RUN-ID", "The run to undo (default: the latest run in --backup-dir).")
                .flag("dry-run", "Show what would be written back; write nothing.")
                .flag("force", "Also overwrite hosts whose value changed since the run.")
                .value("concurrency", "N", "" + Defaults.CONCURRENCY, "Hosts processed at once, 1-" + Defaults.MAX_CONCURRENCY)
                .value("report-dir", "DIR", "dcom-report/rollback", "Where the reports go");
    }

    @Override
    void read(Arguments arguments) throws UsageException {
        connection = new ConnectionOptions(arguments);
        restart = new RestartOptions(arguments);
        backupDir = arguments.path("backup-dir");
        run = arguments.text("run");
        dryRun = arguments.flag("dry-run");
        force = arguments.flag("force");
        concurrency = arguments.number("concurrency");
        reportDir = arguments.path("report-dir");
    }

    @Override
    int call() throws UsageException {
        Path runDir = backupDir.resolve(run == null ? latestRun() : run);
        List<BackupRecord> records = load(runDir);
        List<Target> targets = new ArrayList<>();
        for (BackupRecord record : records) {
            targets.add(Target.of(record.getHost(), record.getPort(), record.getTransport()));
        }
        ChangeHistory history = ChangeHistory.in(backupDir);
        ConnectionSettings settings = connection.settings(parent.environment);
        RunOptions options = RunOptions.builder(Mode.ROLLBACK, TransportChoice.of(connection.transport, settings), settings)
                .dryRun(dryRun).force(force).restart(restart.policy()).concurrency(Bounds.concurrency(concurrency))
                .maxAuthFailures(connection.maxAuthFailures()).history(history).build();
        FleetRun.prepare(reportDir);
        parent.out.println("Rollback of run " + runDir.getFileName() + ": " + records.size() + " hosts" + (dryRun ? ", dry run" : ""));
        FleetRun.warn(parent.out, history.getWarnings());
        ComplianceEngine engine = new ComplianceEngine(options, new ConsoleProgress(parent.out));
        String runId = ComplianceEngine.newRunId();
        return FleetRun.streamed(parent.out, "Rollback", reportDir, targets, ComplianceEngine.rollbackName(records),
                sink -> engine.rollback(runId, targets, records, sink));
    }

    private String latestRun() throws UsageException {
        List<String> runs = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(backupDir)) {
            for (Path entry : stream) {
                if (Files.isDirectory(entry)) {
                    runs.add(entry.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UsageException("--backup-dir " + backupDir + ": cannot be read; give the folder remediate printed", e);
        }
        if (runs.isEmpty()) {
            throw new UsageException("--backup-dir " + backupDir + " holds no run; nothing to roll back");
        }
        runs.sort(null);
        return runs.get(runs.size() - 1);
    }

    private static List<BackupRecord> load(Path runDir) throws UsageException {
        if (!Files.isDirectory(runDir)) {
            throw new UsageException(runDir + ": no such run folder; see the folders under --backup-dir");
        }
        try {
            RecordSet set = new BackupStore(runDir).loadAll();
            if (set.getRecords().isEmpty()) {
                throw new UsageException(runDir + (set.getSkipped().isEmpty() ? " holds no backup record: that run changed no host"
                        : " holds no usable backup record; skipped as damaged or foreign: " + UntrustedText.line(String.join("; ", set.getSkipped()))));
            }
            return set.getRecords();
        } catch (IOException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

}
