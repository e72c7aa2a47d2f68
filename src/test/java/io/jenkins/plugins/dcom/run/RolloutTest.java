package io.jenkins.plugins.dcom.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.policy.PolicyParser;
import io.jenkins.plugins.dcom.policy.Presets;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import io.jenkins.plugins.dcom.transport.memory.MemoryFleet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remediation in gated waves: it stops at the first wave that does not come back, and can put that wave back. About
 * waves and gates, not a wire: the hosts are in memory ({@link MemoryFleet}, which keeps the transport contract).
 */
class RolloutTest {
    private static final String PASSWORD = "Lab-Passw0rd";
    private static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"};
    private static final List<String> ORIGINAL = Arrays.asList(NT4);
    private static final List<String> FIXED = Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx");

    private final MemoryFleet fleet = new MemoryFleet(PASSWORD);

    @TempDir
    Path dir;

    /** Six site servers in waves of two; the third does not reboot (its restart is aborted), so wave 2 fails. */
    private Inventory sixServers() throws Exception {
        for (String name : new String[] {"S1", "S2", "S3", "S4", "S5", "S6"}) {
            fleet.add(name).protocols(NT4);
        }
        fleet.host("S3").restartAborted();
        return new InventoryParser().parse(fleet.inventory(), "memory");
    }

    private RunOptions.Builder options(Mode mode) throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder(new Credentials("labadmin", PASSWORD)).build();
        return RunOptions.builder(mode, new Transports("winrm", fleet), settings)
                .policy(Presets.get(Presets.KB272937)).backups(new BackupStore(dir.resolve("backups"))).concurrency(4);
    }

    private static RunResult run(RunOptions options, Inventory inventory) throws InterruptedException {
        return new ComplianceEngine(options, ProgressListener.NONE).run("test-run", inventory);
    }

    private RunResult remediate(Inventory inventory, boolean autoRevert) throws Exception {
        // an aborted restart is known after delay + both limits: 2 s here (memory hosts boot at once)
        RestartPolicy restart = RestartPolicy.after(new RestartRequest(0, "KB272937 fix"), 1, 1, 50);
        return run(options(Mode.REMEDIATE).restart(restart)
                .rollout(new Rollout(0, 2, 0, 0, autoRevert, Rollout.SiteServers.IN_ORDER)).build(), inventory);
    }

    private static HostResult result(RunResult run, String name) {
        for (HostResult host : run.getHosts()) {
            if (name.equals(host.getTarget().getHost())) {
                return host;
            }
        }
        throw new AssertionError("no result for " + name);
    }

    @Test
    void aHostThatDoesNotRebootInWave2StopsTheRunWithWave3Untouched() throws Exception {
        RunResult run = remediate(sixServers(), false);

        assertThat(result(run, "S1").getStatus()).isEqualTo(HostStatus.REMEDIATED);
        assertThat(result(run, "S3").getStatus()).isEqualTo(HostStatus.RESTART_PENDING);
        for (String untouched : new String[] {"S5", "S6"}) {
            assertThat(result(run, untouched).getStatus()).isEqualTo(HostStatus.SKIPPED);
            assertThat(result(run, untouched).getMessage()).contains("not touched").contains("wave 2 of 3");
            assertThat(fleet.host(untouched).protocols()).as(untouched).containsExactlyElementsOf(ORIGINAL);
            assertThat(fleet.host(untouched).restarts()).isZero();
        }
        assertThat(fleet.host("S3").protocols()).as("no auto-revert asked").containsExactlyElementsOf(FIXED);
        assertThat(run.getRolloutLog()).hasSize(3);
        assertThat(run.getRolloutLog().get(2)).contains("gate closed").contains("S3");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NON_COMPLIANT);
    }

    @Test
    void autoRevertPutsTheFailedWaveBackAsItWasVerifiedByReadingIt() throws Exception {
        RunResult run = remediate(sixServers(), true);

        for (String reverted : new String[] {"S3", "S4"}) {
            assertThat(fleet.host(reverted).protocols()).as(reverted).containsExactlyElementsOf(ORIGINAL);
            assertThat(result(run, reverted).getMessage()).startsWith("auto-revert after its wave failed");
        }
        assertThat(result(run, "S4").getStatus()).isEqualTo(HostStatus.ROLLED_BACK);
        assertThat(result(run, "S4").getMessage()).as("restarted again, so the old list is in effect").contains("restarted");
        assertThat(fleet.host("S4").restarts()).isEqualTo(2);
        assertThat(result(run, "S3").getStatus()).as("written back, but its restart is still aborted")
                .isEqualTo(HostStatus.RESTART_PENDING);
        assertThat(fleet.host("S1").protocols()).as("earlier waves stay").containsExactlyElementsOf(FIXED);
        assertThat(fleet.host("S5").protocols()).containsExactlyElementsOf(ORIGINAL);
    }

    @Test
    void aWaveWhoseChangeMakesAConsolePairFailClosesTheGateBeforeTheServerIsTouched() throws Exception {
        // A policy that forbids TCP: the console's new list [ncacn_spx] no longer reaches a Server 2003, which
        // listens on TCP only ([MS-DCOM] note 51). The console goes first; the server must be left alone.
        String policy = "name: no-tcp\nforbidden: [ncacn_ip_tcp]\nobsoleteNames: warning\n";
        fleet.add("SERVER").protocols("ncacn_ip_tcp", "ncacn_spx").windows("5.2");
        fleet.add("CONSOLE").protocols("ncacn_ip_tcp", "ncacn_spx").windows("5.0");
        Inventory inventory = new InventoryParser().parse("SERVER role=site-server\nCONSOLE role=console\n", "memory");

        RunResult run = run(options(Mode.REMEDIATE).policy(new PolicyParser().parse(policy, "p"))
                .rollout(new Rollout(0, 1, 0, 0, false, Rollout.SiteServers.LAST)).build(), inventory);

        assertThat(run.getRolloutLog().get(1)).contains("gate closed").contains("fail");
        assertThat(result(run, "SERVER").getStatus()).isEqualTo(HostStatus.SKIPPED);
        assertThat(fleet.host("SERVER").protocols()).containsExactly("ncacn_ip_tcp", "ncacn_spx");
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
