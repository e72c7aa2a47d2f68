package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.run.ChangeHistory;
import io.jenkins.plugins.dcom.run.ComplianceEngine;
import io.jenkins.plugins.dcom.run.Mode;
import io.jenkins.plugins.dcom.run.RunOptions;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.inventory.Inventory;
import java.io.IOException;

/** Writes the smallest compliant change to every non-compliant host, after saving its previous value. */
final class RemediateCommand extends Subcommand {
    private FleetOptions fleet;
    private ConnectionOptions connection;
    private RestartOptions restart;
    private RolloutOptions rollout;
    private boolean dryRun;

    RemediateCommand(DcomComplianceCommand parent) {
        super(parent);
    }

    @Override
    String name() {
        return "remediate";
    }

    @Override
    String description() {
        return "Move each non-compliant host to the policy's order with the smallest change. The previous value is saved "
                + "first (--backup-dir); every write is read back. Hosts restart only with --restart; a dry run writes nothing.";
    }

    @Override
    void declare(OptionTable table) {
        FleetOptions.declare(table);
        ConnectionOptions.declare(table);
        RestartOptions.declare(table);
        RolloutOptions.declare(table);
        table.flag("dry-run", "Show what would be written to each host; write nothing, restart nothing.");
    }

    @Override
    void read(Arguments arguments) throws UsageException {
        fleet = new FleetOptions(arguments);
        connection = new ConnectionOptions(arguments);
        restart = new RestartOptions(arguments);
        rollout = new RolloutOptions(arguments);
        dryRun = arguments.flag("dry-run");
    }

    @Override
    int call() throws UsageException {
        if (dryRun && restart.restart) {
            throw new UsageException("--dry-run and --restart contradict each other: a dry run changes nothing, so nothing needs a restart");
        }
        ConnectionSettings settings = connection.settings(parent.environment);
        RunOptions.Builder options = RunOptions.builder(Mode.REMEDIATE, TransportChoice.of(connection.transport, settings), settings)
                .policy(fleet.loadPolicy()).concurrency(fleet.checkedConcurrency()).dryRun(dryRun)
                .restart(restart.policy()).history(ChangeHistory.in(fleet.backupRoot()))
                .maxAuthFailures(connection.maxAuthFailures()).rollout(rollout.rollout(dryRun));
        Inventory inventory = fleet.loadInventory();
        FleetRun.prepare(fleet.reportDir); // named first: the backups go below the reports by default
        BackupStore backups = dryRun ? null : reserveBackups();
        String runId = backups == null ? ComplianceEngine.newRunId() : backups.getRunId();
        int exit = FleetRun.run(dryRun ? "Remediate (dry run)" : "Remediate", runId, options.backups(backups).build(), inventory,
                fleet.reportDir, parent.out);
        if (backups != null) {
            parent.out.println("Backups: " + backups.getDirectory().toAbsolutePath() + " (undo with: rollback --backup-dir "
                    + fleet.backupRoot() + " --run " + runId + ")");
        }
        return exit;
    }

    /** @return this run's own backup folder, made now, so that no other run (even of the same second) shares it */
    private BackupStore reserveBackups() throws UsageException {
        try {
            return BackupStore.reserve("--backup-dir", fleet.backupRoot(), ComplianceEngine.newRunId());
        } catch (IOException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
