package io.jenkins.plugins.dcom.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.policy.Presets;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.winrm.WinRmTransportFactory;
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
    private static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp"};

    @TempDir
    Path dir;

    private static LabHostSpec[] fleet(int size) {
        LabHostSpec[] hosts = new LabHostSpec[size];
        for (int i = 0; i < size; i++) {
            hosts[i] = LabHostSpec.host("H" + i, NT4);
        }
        return hosts;
    }

    private static RunOptions.Builder wrongPassword(Mode mode, Path backups) throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder(new Credentials("labadmin", "Wr0ng-Passw0rd")).allowHttp()
                .timeouts(2000, 5000).build();
        return RunOptions.builder(mode, new Transports("winrm", new WinRmTransportFactory()), settings)
                .policy(Presets.get(Presets.KB272937)).backups(new io.jenkins.plugins.dcom.backup.BackupStore(backups)).concurrency(8);
    }

    private static long rejectedLogons(LabRun lab) {
        long rejected = 0;
        for (int i = 0; i < lab.inventory.size(); i++) {
            rejected += lab.fleet.host("H" + i).counters().rejectedLogons();
        }
        return rejected;
    }

    @Test
    void aWrongPasswordIsTriedOnOneHostAndTheOthersAreSkippedWithTheReason() throws Exception {
        try (LabRun lab = new LabRun(fleet(12))) {
            RunResult run = lab.run(wrongPassword(Mode.REMEDIATE, dir).build());

            List<HostStatus> statuses = new ArrayList<>();
            for (HostResult host : run.getHosts()) {
                statuses.add(host.getStatus());
            }
            assertThat(statuses).containsOnlyOnce(HostStatus.AUTH_FAILED).contains(HostStatus.SKIPPED);
            assertThat(statuses).filteredOn(status -> status == HostStatus.SKIPPED).hasSize(11);
            assertThat(rejectedLogons(lab)).as("failed logons sent to hosts").isEqualTo(1);
            HostResult skipped = run.getHosts().stream().filter(host -> host.getStatus() == HostStatus.SKIPPED).findFirst().get();
            assertThat(skipped.getMessage()).contains("not tried after 1 failed logon").contains("--max-auth-failures");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        }
    }

    @Test
    void maxAuthFailuresAllowsAsManyTriesAsAsked() throws Exception {
        try (LabRun lab = new LabRun(fleet(6))) {
            RunResult run = lab.run(wrongPassword(Mode.AUDIT, dir).maxAuthFailures(3).build());

            assertThat(run.getHosts()).filteredOn(host -> host.getFailure() == FailureKind.AUTH_FAILED).hasSize(3);
            assertThat(run.getHosts()).filteredOn(host -> host.getStatus() == HostStatus.SKIPPED).hasSize(3);
            assertThat(rejectedLogons(lab)).isEqualTo(3);
        }
    }

    @Test
    void aRightPasswordRunsTheFleetInParallelAsBefore() throws Exception {
        try (LabRun lab = new LabRun(fleet(12))) {
            RunResult run = lab.run(lab.options(Mode.AUDIT, dir).concurrency(8).build());

            assertThat(run.getHosts()).allSatisfy(host -> assertThat(host.getStatus()).isEqualTo(HostStatus.NON_COMPLIANT));
            assertThat(rejectedLogons(lab)).isZero();
        }
    }
}
