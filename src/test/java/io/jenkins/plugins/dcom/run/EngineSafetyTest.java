package io.jenkins.plugins.dcom.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.policy.Presets;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.memory.MemoryFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the engine never does on a production server unasked, whatever the wire: no write in an audit or a dry run, no
 * write without a saved backup, no rollback over a change made since. On the in-memory fleet ({@link MemoryFleet},
 * which keeps the transport contract); the same over WinRM, with its commands counted, is in {@code ComplianceEngineTest}.
 */
class EngineSafetyTest {
    private static final String PASSWORD = "Lab-Passw0rd";
    private static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"};
    private static final List<String> FIXED = Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx");

    private final MemoryFleet fleet = new MemoryFleet(PASSWORD);

    @TempDir
    Path dir;

    private Inventory hosts(String... names) throws Exception {
        for (String name : names) {
            fleet.add(name).protocols(NT4);
        }
        return new InventoryParser().parse(fleet.inventory(), "memory");
    }

    private RunOptions.Builder options(Mode mode, Path backups) throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder(new Credentials("labadmin", PASSWORD)).build();
        return RunOptions.builder(mode, new Transports("winrm", fleet), settings)
                .policy(Presets.get(Presets.KB272937)).backups(new BackupStore(backups)).concurrency(4);
    }

    private static RunResult run(RunOptions options, Inventory inventory) throws InterruptedException {
        return new ComplianceEngine(options, ProgressListener.NONE).run("test-run", inventory);
    }

    @Test
    void anAuditOrADryRunNeverWritesNorRestartsNorSavesABackup() throws Exception {
        Inventory inventory = hosts("NT4");

        run(options(Mode.AUDIT, dir.resolve("audit")).build(), inventory);
        RunResult dry = run(options(Mode.REMEDIATE, dir.resolve("dry")).dryRun(true).build(), inventory);

        assertThat(fleet.host("NT4").protocols()).containsExactly(NT4);
        assertThat(fleet.host("NT4").writes()).isZero();
        assertThat(fleet.host("NT4").restarts()).isZero();
        assertThat(dir.resolve("dry")).doesNotExist();
        HostResult result = dry.getHosts().get(0);
        assertThat(result.getStatus()).isEqualTo(HostStatus.NON_COMPLIANT);
        assertThat(result.getPlanned()).containsExactlyElementsOf(FIXED);
        assertThat(result.getMessage()).startsWith("dry run: would write");
    }

    @Test
    void aHostIsNotWrittenWhenItsBackupCannotBeSaved() throws Exception {
        Path notADirectory = Files.createFile(dir.resolve("file"));

        HostResult result = run(options(Mode.REMEDIATE, notADirectory).build(), hosts("NT4")).getHosts().get(0);

        assertThat(result.getStatus()).isEqualTo(HostStatus.ERROR);
        assertThat(result.getMessage()).contains("not changed: the backup could not be saved");
        assertThat(fleet.host("NT4").writes()).isZero();
    }

    @Test
    void aRollbackRestoresTheSavedValueButLeavesAHostChangedSinceAlone() throws Exception {
        Inventory inventory = hosts("A", "B");
        run(options(Mode.REMEDIATE, dir).build(), inventory);
        fleet.host("B").protocols("ncacn_http");
        List<BackupRecord> records = new BackupStore(dir).loadAll().getRecords();

        RunResult run = new ComplianceEngine(options(Mode.ROLLBACK, dir).build(), ProgressListener.NONE)
                .rollback("undo", inventory.getTargets(), records);

        assertThat(run.getHosts()).extracting(HostResult::getStatus).containsExactly(HostStatus.ROLLED_BACK, HostStatus.SKIPPED);
        assertThat(fleet.host("A").protocols()).containsExactly(NT4);
        assertThat(fleet.host("B").protocols()).containsExactly("ncacn_http");
        assertThat(run.getHosts().get(1).getMessage()).contains("--force");
    }
}
