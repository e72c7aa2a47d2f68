package io.jenkins.plugins.dcom.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.lab.LabFault;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remediation in gated waves: it stops at the first wave that does not come back, and can put that wave back. */
class RolloutTest {
    private static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"};
    private static final List<String> ORIGINAL = Arrays.asList(NT4);
    private static final List<String> FIXED = Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx");

    @TempDir
    Path dir;

    /** Six site servers in waves of two; the third does not reboot (its restart is aborted), so wave 2 fails. */
    private static LabRun fleet() throws Exception {
        return new LabRun(LabHostSpec.host("S1", NT4).downtime(300), LabHostSpec.host("S2", NT4).downtime(300),
                LabHostSpec.host("S3", NT4).fault(LabFault.RESTART_ABORTED), LabHostSpec.host("S4", NT4).downtime(300),
                LabHostSpec.host("S5", NT4).downtime(300), LabHostSpec.host("S6", NT4).downtime(300));
    }

    private RunResult remediate(LabRun lab, boolean autoRevert) throws Exception {
        RestartPolicy restart = RestartPolicy.after(new RestartRequest(0, "KB272937 fix"), 1, 3, 100);
        return lab.run(lab.options(Mode.REMEDIATE, dir).restart(restart)
                .rollout(new Rollout(0, 2, 0, 0, autoRevert, Rollout.SiteServers.IN_ORDER)).build());
    }

    @Test
    void aHostThatDoesNotRebootInWave2StopsTheRunWithWave3Untouched() throws Exception {
        try (LabRun lab = fleet()) {
            RunResult run = remediate(lab, false);

            assertThat(lab.result(run, "S1").getStatus()).isEqualTo(HostStatus.REMEDIATED);
            assertThat(lab.result(run, "S3").getStatus()).isEqualTo(HostStatus.RESTART_PENDING);
            for (String untouched : new String[] {"S5", "S6"}) {
                assertThat(lab.result(run, untouched).getStatus()).isEqualTo(HostStatus.SKIPPED);
                assertThat(lab.result(run, untouched).getMessage()).contains("not touched").contains("wave 2 of 3");
                assertThat(lab.fleet.host(untouched).registry().data()).as(untouched).containsExactlyElementsOf(ORIGINAL);
                assertThat(lab.fleet.host(untouched).restarts()).isEmpty();
            }
            assertThat(lab.fleet.host("S3").registry().data()).as("no auto-revert asked").containsExactlyElementsOf(FIXED);
            assertThat(run.getRolloutLog()).hasSize(3);
            assertThat(run.getRolloutLog().get(2)).contains("gate closed").contains("S3");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.NON_COMPLIANT);
        }
    }

    @Test
    void autoRevertPutsTheFailedWaveBackAsItWasVerifiedByReadingIt() throws Exception {
        try (LabRun lab = fleet()) {
            RunResult run = remediate(lab, true);

            for (String reverted : new String[] {"S3", "S4"}) {
                assertThat(lab.fleet.host(reverted).registry().data()).as(reverted).containsExactlyElementsOf(ORIGINAL);
                assertThat(lab.result(run, reverted).getMessage()).startsWith("auto-revert after its wave failed");
            }
            assertThat(lab.result(run, "S4").getStatus()).isEqualTo(HostStatus.ROLLED_BACK);
            assertThat(lab.result(run, "S4").getMessage()).as("restarted again, so the old list is in effect").contains("restarted");
            assertThat(lab.fleet.host("S4").completedRestarts()).isEqualTo(2);
            assertThat(lab.result(run, "S3").getStatus()).as("written back, but its restart is still aborted")
                    .isEqualTo(HostStatus.RESTART_PENDING);
            assertThat(lab.fleet.host("S1").registry().data()).as("earlier waves stay").containsExactlyElementsOf(FIXED);
            assertThat(lab.fleet.host("S5").registry().data()).containsExactlyElementsOf(ORIGINAL);
        }
    }

    @Test
    void aWaveWhoseChangeMakesAConsolePairFailClosesTheGateBeforeTheServerIsTouched() throws Exception {
        // A policy that forbids TCP: the console's new list [ncacn_spx] no longer reaches a Server 2003, which
        // listens on TCP only ([MS-DCOM] note 51). The console goes first; the server must be left alone.
        String policy = "name: no-tcp\nforbidden: [ncacn_ip_tcp]\nobsoleteNames: warning\n";
        try (LabRun lab = new LabRun(LabHostSpec.host("SERVER", "ncacn_ip_tcp", "ncacn_spx").role("site-server").windows("5.2"),
                LabHostSpec.host("CONSOLE", "ncacn_ip_tcp", "ncacn_spx").role("console").windows("5.0"))) {
            RunResult run = lab.run(lab.options(Mode.REMEDIATE, dir).policy(new io.jenkins.plugins.dcom.policy.PolicyParser()
                    .parse(policy, "p")).rollout(new Rollout(0, 1, 0, 0, false, Rollout.SiteServers.LAST)).build());

            assertThat(run.getRolloutLog().get(1)).contains("gate closed").contains("fail");
            assertThat(lab.result(run, "SERVER").getStatus()).isEqualTo(HostStatus.SKIPPED);
            assertThat(lab.fleet.host("SERVER").registry().data()).containsExactly("ncacn_ip_tcp", "ncacn_spx");
        }
    }

    @Test
    void wavesTakeTheCanaryFirstThenFixedSizesOrAPercentageAndCanPutSiteServersLast() throws Exception {
        List<Target> targets = new InventoryParser().parse("s1 role=site-server\nc1 role=console\ns2 role=site-server\n"
                + "c2 role=console\nc3 role=console\n", "inv").getTargets();

        assertThat(names(new Rollout(1, 2, 0, 0, false, Rollout.SiteServers.IN_ORDER).waves(targets)))
                .isEqualTo("[[s1], [c1, s2], [c2, c3]]");
        assertThat(names(new Rollout(0, 0, 40, 0, false, Rollout.SiteServers.LAST).waves(targets)))
                .isEqualTo("[[c1, c2], [c3, s1], [s2]]");
        assertThat(Rollout.ALL_AT_ONCE.isStaged()).isFalse();
    }

    private static String names(List<List<Target>> waves) {
        return waves.stream().map(wave -> wave.stream().map(Target::getHost).collect(Collectors.toList())).collect(Collectors.toList()).toString();
    }
}
