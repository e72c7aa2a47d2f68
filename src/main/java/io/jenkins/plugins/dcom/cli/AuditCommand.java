package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.run.ChangeHistory;
import io.jenkins.plugins.dcom.run.ComplianceEngine;
import io.jenkins.plugins.dcom.run.Mode;
import io.jenkins.plugins.dcom.run.RunOptions;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;

/** Reads every host's DCOM protocol list and compares it with the policy; never writes. */
final class AuditCommand extends Subcommand {
    private FleetOptions fleet;
    private ConnectionOptions connection;

    AuditCommand(DcomComplianceCommand parent) {
        super(parent);
    }

    @Override
    String name() {
        return "audit";
    }

    @Override
    String description() {
        return "Read each host's DCOM protocol order and check it against the policy. Writes nothing.";
    }

    @Override
    void declare(OptionTable table) {
        FleetOptions.declare(table);
        ConnectionOptions.declare(table);
    }

    @Override
    void read(Arguments arguments) throws UsageException {
        fleet = new FleetOptions(arguments);
        connection = new ConnectionOptions(arguments);
    }

    @Override
    int call() throws UsageException {
        ConnectionSettings settings = connection.settings(parent.environment);
        RunOptions options = RunOptions.builder(Mode.AUDIT, TransportChoice.of(connection.transport, settings), settings)
                .policy(fleet.loadPolicy()).concurrency(fleet.checkedConcurrency())
                .maxAuthFailures(connection.maxAuthFailures()).history(ChangeHistory.in(fleet.backupRoot())).build();
        return FleetRun.run("Audit", ComplianceEngine.newRunId(), options, fleet.loadInventory(), fleet.reportDir, parent.out);
    }
}
