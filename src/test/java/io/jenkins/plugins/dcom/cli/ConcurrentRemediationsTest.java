package io.jenkins.plugins.dcom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHost;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.transport.winrm.LabFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two remediations over one backup folder (a Jenkins workspace's, a team's share) must each keep the values they found,
 * and rollback must give every host back the value it had before the tool first changed it, whichever run found what.
 */
class ConcurrentRemediationsTest {
    private static final Map<String, String> ENV = Collections.singletonMap("LAB_PASSWORD", LabFixture.PASSWORD);
    private static final List<String> ORIGINAL = Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx");

    @TempDir
    Path dir;

    private static List<LabHostSpec> eightNt4Hosts() {
        List<LabHostSpec> hosts = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            hosts.add(LabHostSpec.host("NT4-" + i, ORIGINAL.toArray(new String[0])));
        }
        return hosts;
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true);
        int exit = DcomComplianceCommand.execute(args, print, print, ENV);
        return "exit " + exit + "\n" + new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private String remediate(Path inventory, String policy, String reports) {
        return run("remediate", "--inventory", inventory.toString(), "--policy", policy, "--user", "labadmin",
                "--password-env", "LAB_PASSWORD", "--report-dir", dir.resolve(reports).toString(),
                "--backup-dir", dir.resolve("backups").toString());
    }

    private String rollback(String runId) {
        List<String> args = new ArrayList<>(Arrays.asList("rollback", "--backup-dir", dir.resolve("backups").toString(),
                "--user", "labadmin", "--password-env", "LAB_PASSWORD", "--report-dir", dir.resolve("rollback-" + runId).toString()));
        args.addAll(Arrays.asList("--run", runId));
        return run(args.toArray(new String[0]));
    }

    private List<String> runFolders() throws Exception {
        try (Stream<Path> runs = Files.list(dir.resolve("backups"))) {
            return runs.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void twoRemediationsStartedTogetherKeepTheirOwnBackupsAndRollbackRestoresEveryOriginal() throws Exception {
        try (LabFleet fleet = LabFixture.start(eightNt4Hosts(), false)) {
            Path inventory = fleet.writeInventory(dir.resolve("inventory.txt"));
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // Two policies, so that a run that finds the other's value still changes it: the chain case.
                List<Callable<String>> runs = Arrays.asList(
                    () -> { start.await(); return remediate(inventory, "kb272937", "report-a"); },
                    () -> { start.await(); return remediate(inventory, "tcp-only", "report-b"); });
                for (Future<String> done : pool.invokeAll(runs)) {
                    assertThat(done.get()).doesNotContain("exit 1");
                }
            } finally {
                pool.shutdownNow();
            }
            List<String> folders = runFolders();
            assertThat(folders).as("each run has a folder of its own").hasSize(2);

            // Undo as the console said, newest first, then the other; then the other way round must also be safe.
            String newest = rollback(folders.get(1));
            String oldest = rollback(folders.get(0));

            for (LabHost host : fleet.hosts()) {
                assertThat(host.registry().data()).as(host.spec().getName() + "\n" + newest + "\n" + oldest).isEqualTo(ORIGINAL);
            }
            assertThat(newest + oldest).doesNotContain("ERROR");
        }
    }

    @Test
    void rollingBackALaterRunThatFoundAnEarlierRunsValueRestoresTheValueFromBeforeBoth() throws Exception {
        try (LabFleet fleet = LabFixture.start(eightNt4Hosts().subList(0, 2), false)) {
            Path inventory = fleet.writeInventory(dir.resolve("inventory.txt"));
            assertThat(remediate(inventory, "kb272937", "report-a")).contains("exit 2"); // written, restart pending
            assertThat(remediate(inventory, "tcp-only", "report-b")).contains("exit 2");
            List<String> folders = runFolders();
            assertThat(folders).hasSize(2);
            for (LabHost host : fleet.hosts()) {
                assertThat(host.registry().data()).isEqualTo(Collections.singletonList("ncacn_ip_tcp"));
            }

            String undone = rollback(folders.get(1));

            assertThat(undone).contains("exit 0").contains("the value from before run " + folders.get(0));
            for (LabHost host : fleet.hosts()) {
                assertThat(host.registry().data()).as(undone).isEqualTo(ORIGINAL);
            }
            String again = rollback(folders.get(0));
            assertThat(again).contains("already holds");
            for (LabHost host : fleet.hosts()) {
                assertThat(host.registry().data()).isEqualTo(ORIGINAL);
            }
        }
    }
}
