package io.jenkins.plugins.dcom.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.lab.LabFault;
import io.jenkins.plugins.dcom.lab.LabHost;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.plan.RemediationPlanner;
import io.jenkins.plugins.dcom.policy.Presets;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import io.jenkins.plugins.dcom.transport.winrm.WinRmTransportFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one invariant every run keeps, whatever the mode and the faults: each host's value is afterwards either
 * unchanged or exactly the plan for it, and every host that changed has a backup holding its value from before the
 * run, which rollback writes back. Over WinRM that works for values reg.exe can take; the others (a look-alike
 * letter, an empty entry, the text \0) are refused with the advice to roll back over rrp, which restores bytes
 * exactly (HostileValuesOverSambaTest proves that on Samba).
 */
class FleetInvariantTest {
    private static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"};
    private static final List<String> UNSAFE_FOR_REG_EXE = Arrays.asList("EMPTY-ENTRY", "LOOK-ALIKE", "BACKSLASH-ZERO");

    @TempDir
    Path dir;

    private static LabHostSpec[] fleet() {
        return new LabHostSpec[] {
            LabHostSpec.host("NT4", NT4).downtime(300), LabHostSpec.host("W2K", "ncacn_ip_tcp"),
            LabHostSpec.host("EMPTY-ENTRY", "ncadg_ip_udp", "", "ncacn_ip_tcp").downtime(300),
            LabHostSpec.host("LOOK-ALIKE", "ncacn_ip_t\u0163p", "ncadg_ip_udp").downtime(300),
            LabHostSpec.host("BACKSLASH-ZERO", "ncacn_ip_tcp\\0ncadg_ip_udp").downtime(300),
            LabHostSpec.host("READ-ONLY", NT4).fault(LabFault.DENY_WRITE),
            LabHostSpec.host("DOWN", NT4).fault(LabFault.UNREACHABLE),
            LabHostSpec.host("BADPW", NT4).fault(LabFault.WRONG_PASSWORD),
            LabHostSpec.host("MISSING").fault(LabFault.VALUE_MISSING),
            LabHostSpec.host("REGSZ", "ncacn_ip_tcp").fault(LabFault.REG_SZ)};
    }

    static Stream<Arguments> runs() {
        return Stream.of(Arguments.of("an audit", Mode.AUDIT, false, false),
                Arguments.of("a dry run", Mode.REMEDIATE, true, false),
                Arguments.of("a remediation", Mode.REMEDIATE, false, false),
                Arguments.of("a remediation with restart", Mode.REMEDIATE, false, true));
    }

    @ParameterizedTest(name = "after {0}, every host is unchanged or exactly planned, and rollback restores the changed ones")
    @MethodSource("runs")
    void everyHostIsUnchangedOrExactlyPlannedAndEveryChangeIsUndoable(String name, Mode mode, boolean dryRun, boolean restart)
            throws Exception {
        try (LabRun lab = new LabRun(fleet())) {
            Map<String, List<String>> before = values(lab);
            Path backups = dir.resolve("backups");
            RunOptions.Builder options = lab.options(mode, backups).dryRun(dryRun);
            if (restart) {
                options.restart(RestartPolicy.after(new RestartRequest(0, "KB272937 fix"), 10, 20, 50));
            }

            lab.run(options.build());

            Map<String, List<String>> after = values(lab);
            RemediationPlanner planner = new RemediationPlanner(Presets.get(Presets.KB272937));
            List<String> changed = new ArrayList<>();
            for (String host : before.keySet()) {
                List<String> planned = planner.plan(before.get(host)).getAfter();
                assertThat(after.get(host)).as(host).isIn(before.get(host), planned);
                if (!after.get(host).equals(before.get(host))) {
                    changed.add(host);
                }
            }
            if (mode == Mode.AUDIT || dryRun) {
                assertThat(changed).as("an audit and a dry run change nothing").isEmpty();
                assertThat(backups).doesNotExist();
                return;
            }
            assertThat(changed).contains("NT4", "EMPTY-ENTRY", "LOOK-ALIKE", "BACKSLASH-ZERO");
            List<BackupRecord> records = new BackupStore(backups).loadAll().getRecords();
            List<String> recorded = new ArrayList<>();
            for (BackupRecord record : records) {
                recorded.add(nameOf(lab, record.getHost(), record.getPort()));
            }
            assertThat(recorded).containsExactlyInAnyOrderElementsOf(changed);

            RunResult undo = rollBack(lab, records);

            for (HostResult host : undo.getHosts()) {
                String label = nameOf(lab, host.getTarget().getHost(), host.getTarget().getPort());
                if (UNSAFE_FOR_REG_EXE.contains(label)) {
                    assertThat(host.getFailure()).isEqualTo(FailureKind.INVALID_VALUE);
                    assertThat(host.getMessage()).contains("transport=rrp").contains("nothing was sent");
                } else {
                    assertThat(host.getStatus()).as(host.getMessage()).isEqualTo(HostStatus.ROLLED_BACK);
                    assertThat(values(lab).get(label)).isEqualTo(before.get(label));
                }
            }
            for (BackupRecord record : records) {
                assertThat(record.getBeforeValue().toValue().protocols(record.getHost()))
                        .isEqualTo(before.get(nameOf(lab, record.getHost(), record.getPort())));
            }
        }
    }

    /** @return each host's entries; a missing value reads as one "(missing)" entry */
    private static Map<String, List<String>> values(LabRun lab) {
        Map<String, List<String>> values = new HashMap<>();
        for (Target target : lab.inventory.getTargets()) {
            LabHost host = lab.fleet.host(target.getName());
            values.put(target.getName(), host.registry().type() == null ? Arrays.asList("(missing)") : host.registry().data());
        }
        return values;
    }

    /** The lab's hosts share one address and differ by port. */
    private static String nameOf(LabRun lab, String host, Integer port) {
        for (Target target : lab.inventory.getTargets()) {
            LabHost candidate = lab.fleet.host(target.getName());
            if (candidate.address().equals(host) && Integer.valueOf(candidate.port()).equals(port)) {
                return target.getName();
            }
        }
        throw new AssertionError(host + ":" + port);
    }

    private static RunResult rollBack(LabRun lab, List<BackupRecord> records) throws Exception {
        List<Target> targets = new ArrayList<>();
        for (BackupRecord record : records) {
            targets.add(Target.of(record.getHost(), record.getPort(), record.getTransport()));
        }
        RunOptions options = RunOptions.builder(Mode.ROLLBACK, new Transports("winrm", new WinRmTransportFactory()),
                LabRun.settings(5000)).build();
        return new ComplianceEngine(options, ProgressListener.NONE).rollback("undo", targets, records);
    }
}
