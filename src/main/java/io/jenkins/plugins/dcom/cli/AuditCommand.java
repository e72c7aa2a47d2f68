package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.run.ChangeHistory;
import io.jenkins.plugins.dcom.run.ComplianceEngine;
import io.jenkins.plugins.dcom.run.Mode;
import io.jenkins.plugins.dcom.run.RunOptions;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Reads every host's DCOM protocol list and compares it with the policy; never writes. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Read each host's DCOM protocol order and check it against the policy. Writes nothing.")
final class AuditCommand implements Callable<Integer> {
    @ParentCommand
    DcomComplianceCommand parent;

    @Mixin
    FleetOptions fleet;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws UsageException {
        ConnectionSettings settings = connection.settings(parent.environment);
        RunOptions options = RunOptions.builder(Mode.AUDIT, TransportChoice.of(connection.transport, settings), settings)
                .policy(fleet.loadPolicy()).concurrency(fleet.checkedConcurrency())
                .maxAuthFailures(connection.maxAuthFailures()).history(ChangeHistory.in(fleet.backupRoot())).build();
        return FleetRun.run("Audit", ComplianceEngine.newRunId(), options, fleet.loadInventory(), fleet.reportDir, parent.out);
    }
}
