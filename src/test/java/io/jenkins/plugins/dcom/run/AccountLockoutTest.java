package io.jenkins.plugins.dcom.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.policy.Presets;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.memory.MemoryFleet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrong password costs one failed logon, not one per host: every failed logon raises the domain account's
 * bad-password count, and a fleet at concurrency 8 would lock the account before anyone noticed the typo.
 */
class AccountLockoutTest {
    private static final String PASSWORD = "Right-Passw0rd";

    private final MemoryFleet fleet = new MemoryFleet(PASSWORD);

    @TempDir
    Path dir;

    private Inventory fleet(int size) throws Exception {
        for (int i = 0; i < size; i++) {
            fleet.add("h" + i).protocols("ncadg_ip_udp", "ncacn_ip_tcp");
        }
        return new InventoryParser().parse(fleet.inventory(), "memory");
    }

    private RunOptions.Builder options(Mode mode, String password) throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder(new Credentials("labadmin", password)).build();
        return RunOptions.builder(mode, new Transports("winrm", fleet), settings)
                .policy(Presets.get(Presets.KB272937)).backups(new BackupStore(dir.resolve("backups"))).concurrency(8);
    }

    private static RunResult run(RunOptions options, Inventory inventory) throws InterruptedException {
        return new ComplianceEngine(options, ProgressListener.NONE).run("test-run", inventory);
    }

    private long rejectedLogons(Inventory inventory) {
        long rejected = 0;
        for (int i = 0; i < inventory.size(); i++) {
            rejected += fleet.host("h" + i).rejectedLogons();
        }
        return rejected;
    }

    @Test
    void aWrongPasswordIsTriedOnOneHostAndTheOthersAreSkippedWithTheReason() throws Exception {
        Inventory inventory = fleet(12);

        RunResult run = run(options(Mode.REMEDIATE, "Wr0ng-Passw0rd").build(), inventory);

        List<HostStatus> statuses = new ArrayList<>();
        for (HostResult host : run.getHosts()) {
            statuses.add(host.getStatus());
        }
        assertThat(statuses).containsOnlyOnce(HostStatus.AUTH_FAILED).contains(HostStatus.SKIPPED);
        assertThat(statuses).filteredOn(status -> status == HostStatus.SKIPPED).hasSize(11);
        assertThat(rejectedLogons(inventory)).as("failed logons sent to hosts").isEqualTo(1);
        HostResult skipped = run.getHosts().stream().filter(host -> host.getStatus() == HostStatus.SKIPPED).findFirst().get();
        assertThat(skipped.getMessage()).contains("not tried after 1 failed logon").contains("--max-auth-failures");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(fleet.host("h0").writes() + fleet.host("h11").writes()).as("nothing written").isZero();
    }

    @Test
    void maxAuthFailuresAllowsAsManyTriesAsAsked() throws Exception {
        Inventory inventory = fleet(6);

        RunResult run = run(options(Mode.AUDIT, "Wr0ng-Passw0rd").maxAuthFailures(3).build(), inventory);

        assertThat(run.getHosts()).filteredOn(host -> host.getFailure() == FailureKind.AUTH_FAILED).hasSize(3);
        assertThat(run.getHosts()).filteredOn(host -> host.getStatus() == HostStatus.SKIPPED).hasSize(3);
        assertThat(rejectedLogons(inventory)).isEqualTo(3);
    }

    @Test
    void aRightPasswordRunsTheFleetInParallelAsBefore() throws Exception {
        Inventory inventory = fleet(12);

        RunResult run = run(options(Mode.AUDIT, PASSWORD).build(), inventory);

        assertThat(run.getHosts()).allSatisfy(host -> assertThat(host.getStatus()).isEqualTo(HostStatus.NON_COMPLIANT));
        assertThat(rejectedLogons(inventory)).isZero();
    }

    @Test
    void aLogonRefusedAfterTheAccountWasProvenDoesNotStopTheRun() throws Exception {
        Inventory inventory = fleet(6);
        fleet.host("h3").password("another-local-password");

        RunResult run = run(options(Mode.AUDIT, PASSWORD).build(), inventory);

        assertThat(run.getHosts()).filteredOn(host -> host.getFailure() == FailureKind.AUTH_FAILED).hasSize(1);
        assertThat(run.getHosts()).filteredOn(host -> host.getStatus() == HostStatus.NON_COMPLIANT).hasSize(5);
    }
}
