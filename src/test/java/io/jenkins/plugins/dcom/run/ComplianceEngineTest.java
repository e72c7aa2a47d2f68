package io.jenkins.plugins.dcom.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.lab.LabFault;
import io.jenkins.plugins.dcom.lab.LabHost;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import io.jenkins.plugins.dcom.transport.winrm.WinRmTransportFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplianceEngineTest {
    private static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"};
    private static final List<String> FIXED = Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx");

    @TempDir
    Path dir;

    @Test
    void shouldEndEveryFaultInItsOwnStatusAndKeepEveryHostInOrder() throws Exception {
        try (LabRun lab = new LabRun(LabHostSpec.host("NT4", NT4), LabHostSpec.host("W2K", "ncacn_ip_tcp"),
                LabHostSpec.host("DOWN", NT4).fault(LabFault.UNREACHABLE),
                LabHostSpec.host("BADPW", NT4).fault(LabFault.WRONG_PASSWORD),
                LabHostSpec.host("MISSING").fault(LabFault.VALUE_MISSING),
                LabHostSpec.host("REGSZ", "ncacn_ip_tcp").fault(LabFault.REG_SZ))) {
            RunResult run = lab.run(lab.options(Mode.AUDIT, dir).build());

            assertThat(run.getHosts()).extracting(host -> host.getTarget().getName())
                    .containsExactly("NT4", "W2K", "DOWN", "BADPW", "MISSING", "REGSZ");
            assertThat(run.getHosts()).extracting(HostResult::getStatus).containsExactly(HostStatus.NON_COMPLIANT,
                    HostStatus.COMPLIANT, HostStatus.UNREACHABLE, HostStatus.AUTH_FAILED, HostStatus.ERROR, HostStatus.ERROR);
            assertThat(lab.result(run, "MISSING").getFailure()).isEqualTo(FailureKind.VALUE_MISSING);
            assertThat(lab.result(run, "REGSZ").getFailure()).isEqualTo(FailureKind.WRONG_TYPE);
            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        }
    }

    @Test
    void shouldClassifyASlowHostAsATimeout() throws Exception {
        try (LabRun lab = new LabRun(LabHostSpec.host("SLOW", NT4).latency(1500))) {
            RunOptions options = RunOptions.builder(Mode.AUDIT, new Transports("winrm", new WinRmTransportFactory()),
                    LabRun.settings(400)).policy(lab.options(Mode.AUDIT, dir).build().getPolicy()).build();

            HostResult slow = lab.run(options).getHosts().get(0);

            assertThat(slow.getStatus()).isEqualTo(HostStatus.UNREACHABLE);
            assertThat(slow.getFailure()).isEqualTo(FailureKind.TIMEOUT);
        }
    }

    @Test
    void shouldSaveTheBackupBeforeWritingAndLeaveTheRestartToTheUser() throws Exception {
        try (LabRun lab = new LabRun(LabHostSpec.host("NT4", NT4))) {
            RunResult run = lab.run(lab.options(Mode.REMEDIATE, dir).build());

            HostResult result = run.getHosts().get(0);
            assertThat(result.getStatus()).isEqualTo(HostStatus.RESTART_PENDING);
            assertThat(result.getAfter()).containsExactlyElementsOf(FIXED);
            assertThat(lab.fleet.host("NT4").registry().data()).containsExactlyElementsOf(FIXED);
            assertThat(lab.fleet.host("NT4").restarts()).isEmpty();
            assertThat(lab.fleet.host("NT4").counters().commands())
                    .as("one read, the boot marker that tells a later audit the change waits for a restart, one write-and-read-back")
                    .isEqualTo(3);
            BackupRecord record = new BackupStore(dir).loadAll().getRecords().get(0);
            assertThat(record.getBefore()).containsExactly(NT4);
            assertThat(record.getWritten()).containsExactlyElementsOf(FIXED);
            assertThat(run.exitCode()).isEqualTo(ExitCodes.NON_COMPLIANT);
        }
    }

    @Test
    void shouldReportAHostThatRefusesWritesAsAccessDeniedAndUnchanged() throws Exception {
        try (LabRun lab = new LabRun(LabHostSpec.host("RO", NT4).fault(LabFault.DENY_WRITE))) {
            HostResult result = lab.run(lab.options(Mode.REMEDIATE, dir).build()).getHosts().get(0);

            assertThat(result.getStatus()).isEqualTo(HostStatus.ACCESS_DENIED);
            assertThat(result.getBefore()).containsExactly(NT4);
            assertThat(lab.fleet.host("RO").registry().data()).containsExactly(NT4);
        }
    }

    @Test
    void shouldRestartWaitForTheHostToComeBackAndAuditItAgain() throws Exception {
        try (LabRun lab = new LabRun(LabHostSpec.host("NT4", NT4).downtime(600), LabHostSpec.host("W2K", "ncacn_ip_tcp"))) {
            RestartPolicy restart = RestartPolicy.after(new RestartRequest(0, "KB272937 fix"), 10, 20, 50);
            RunResult run = lab.run(lab.options(Mode.REMEDIATE, dir).restart(restart).build());

            HostResult result = lab.result(run, "NT4");
            assertThat(result.getStatus()).as(result.getMessage()).isEqualTo(HostStatus.REMEDIATED);
            assertThat(result.getAfter()).containsExactlyElementsOf(FIXED);
            assertThat(result.getPhaseMillis()).containsKeys("read", "write", "restart-request", "wait-down", "wait-up", "total");
            LabHost host = lab.fleet.host("NT4");
            assertThat(host.completedRestarts()).isEqualTo(1);
            assertThat(host.restarts()).singleElement().satisfies(request -> {
                assertThat(request.getComment()).isEqualTo("KB272937 fix");
                assertThat(request.getDelaySeconds()).isZero();
                assertThat(request.getReason()).isEqualTo("p:2:4");
            });
            assertThat(lab.fleet.host("W2K").restarts()).as("only changed hosts restart").isEmpty();
            assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        }
    }

    @Test
    void shouldReportAHostThatDoesNotComeBackInTimeAsUnreachable() throws Exception {
        try (LabRun lab = new LabRun(LabHostSpec.host("NT4", NT4).downtime(5000))) {
            RestartPolicy restart = RestartPolicy.after(new RestartRequest(0, "KB272937 fix"), 1, 1, 100);
            HostResult result = lab.run(lab.options(Mode.REMEDIATE, dir).restart(restart).build()).getHosts().get(0);

            assertThat(result.getStatus()).isEqualTo(HostStatus.UNREACHABLE);
            assertThat(result.getMessage()).contains("did not answer within 2 s").contains("ncacn_ip_tcp: 2 -> 1");
            assertThat(result.getBackupFile()).isNotNull();
        }
    }

    @Test
    void shouldReportARestartAlreadyScheduledAsPendingWithTheReasonAndNotWaitForIt() throws Exception {
        try (LabRun lab = new LabRun(LabHostSpec.host("NT4", NT4).fault(LabFault.RESTART_ALREADY_SCHEDULED))) {
            RestartPolicy restart = RestartPolicy.after(new RestartRequest(0, "KB272937 fix"), 300, 900, 50);
            HostResult result = lab.run(lab.options(Mode.REMEDIATE, dir).restart(restart).build()).getHosts().get(0);

            assertThat(result.getStatus()).as(result.getMessage()).isEqualTo(HostStatus.RESTART_PENDING);
            assertThat(result.getFailure()).isEqualTo(FailureKind.RESTART_ALREADY_SCHEDULED);
            assertThat(result.getMessage()).contains("1190").contains("shutdown /a");
            assertThat(result.getPhaseMillis()).as("no wait for a restart that was not added").doesNotContainKeys("wait-down", "wait-up");
            assertThat(lab.fleet.host("NT4").registry().data()).containsExactlyElementsOf(FIXED);
        }
    }

    @Test
    void shouldProveTheRebootByTheBootTimeNotByAConnectionThatDroppedDuringTheCountdown() throws Exception {
        try (LabRun lab = new LabRun(LabHostSpec.host("NT4", NT4).fault(LabFault.NETWORK_BLIP).downtime(300))) {
            RestartPolicy restart = RestartPolicy.after(new RestartRequest(2, "KB272937 fix"), 10, 20, 50);

            HostResult result = lab.run(lab.options(Mode.REMEDIATE, dir).restart(restart).build()).getHosts().get(0);

            assertThat(lab.fleet.host("NT4").completedRestarts()).as("the run ended only after the real reboot").isEqualTo(1);
            assertThat(result.getStatus()).as(result.getMessage()).isEqualTo(HostStatus.REMEDIATED);
        }
    }

    @Test
    void shouldReportAnAbortedRestartAsNotRebootedWithTheValueWritten() throws Exception {
        try (LabRun lab = new LabRun(LabHostSpec.host("NT4", NT4).fault(LabFault.RESTART_ABORTED))) {
            RestartPolicy restart = RestartPolicy.after(new RestartRequest(0, "KB272937 fix"), 1, 1, 100);

            HostResult result = lab.run(lab.options(Mode.REMEDIATE, dir).restart(restart).build()).getHosts().get(0);

            assertThat(result.getStatus()).as(result.getMessage()).isEqualTo(HostStatus.RESTART_PENDING);
            assertThat(result.getFailure()).isEqualTo(FailureKind.NOT_REBOOTED);
            assertThat(result.getMessage()).contains("boot time");
            assertThat(lab.fleet.host("NT4").registry().data()).containsExactlyElementsOf(FIXED);
        }
    }
}
