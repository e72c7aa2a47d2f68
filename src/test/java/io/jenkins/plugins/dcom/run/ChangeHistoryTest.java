package io.jenkins.plugins.dcom.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.inventory.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change history an audit reads: the newest record per host across runs; what cannot be read is passed over. */
class ChangeHistoryTest {
    @TempDir
    Path root;

    private void save(String run, String host, String savedAt, String marker) throws Exception {
        new BackupStore(root.resolve(run)).save(host, new BackupRecord(BackupRecord.SCHEMA, run, host, null, "winrm", savedAt,
                Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp"), Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp"), null, marker));
    }

    @Test
    void theNewestRecordOfAHostWinsWhicheverRunFolderItIsIn() throws Exception {
        save("run-b", "site01", "2026-12-01T10:00:00Z", "old-boot");
        save("run-a", "site01", "2026-12-02T10:00:00Z", "new-boot");
        save("run-a", "site02", "2026-12-02T10:00:00Z", null);

        ChangeHistory history = ChangeHistory.in(root);

        assertThat(history.latestFor(Target.of("SITE01", null, null)).getBootMarker()).isEqualTo("new-boot");
        assertThat(history.latestFor(Target.of("site02", null, null)).getBootMarker()).isNull();
        assertThat(history.latestFor(Target.of("site01", 5986, null))).as("another port is another endpoint").isNull();
    }

    @Test
    void aDamagedRecordOrAMissingFolderCostsOnlyTheHint() throws Exception {
        save("run-a", "site01", "2026-12-02T10:00:00Z", "boot");
        Files.write(root.resolve("run-a/site02.json"), "{not json".getBytes(StandardCharsets.UTF_8));

        assertThat(ChangeHistory.in(root).latestFor(Target.of("site01", null, null))).isNotNull();
        assertThat(ChangeHistory.in(root).latestFor(Target.of("site02", null, null))).isNull();
        assertThat(ChangeHistory.in(root.resolve("nowhere")).latestFor(Target.of("site01", null, null))).isNull();
    }
}
