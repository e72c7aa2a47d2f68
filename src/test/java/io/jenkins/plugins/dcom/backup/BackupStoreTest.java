package io.jenkins.plugins.dcom.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's backups are its own: a folder no other run gets, and records that are never replaced. */
class BackupStoreTest {
    @TempDir
    Path root;

    static BackupRecord record(String run, String host) {
        return new BackupRecord(BackupRecord.SCHEMA, run, host, null, "winrm", "2026-12-01T10:00:00Z",
                Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp"), Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp"), null, "boot");
    }

    @Test
    void runsStartedInTheSameSecondGetFoldersOfTheirOwnThatSortInStartOrder() throws Exception {
        BackupStore first = BackupStore.reserve("--backup-dir", root, "20261207T010000Z");
        BackupStore second = BackupStore.reserve("--backup-dir", root, "20261207T010000Z");
        BackupStore third = BackupStore.reserve("--backup-dir", root, "20261207T010000Z");

        assertThat(Arrays.asList(first.getRunId(), second.getRunId(), third.getRunId()))
                .containsExactly("20261207T010000Z", "20261207T010000Z-02", "20261207T010000Z-03").isSorted();
        assertThat(Files.isDirectory(third.getDirectory())).isTrue();
    }

    @Test
    void aRecordIsNeverReplacedEvenByTheSameName() throws Exception {
        BackupStore store = BackupStore.reserve("--backup-dir", root, "run");
        Path file = store.save("host01", record("run", "host01"));

        assertThatThrownBy(() -> store.save("host01", record("other", "host01"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(RecordFiles.read(file).getRunId()).isEqualTo("run");
    }

    @Test
    void aReservationRefusesARootThatIsALink() throws Exception {
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(root.resolve("link"), elsewhere);

        assertThatThrownBy(() -> BackupStore.reserve("--backup-dir", link, "run"))
                .hasMessageContaining("--backup-dir").hasMessageContaining("symbolic link");
    }

    @Test
    void loadingAFolderSkipsWhatIsNotARecordAndNamesIt() throws Exception {
        BackupStore store = BackupStore.reserve("--backup-dir", root, "run");
        store.save("good", record("run", "good"));
        Files.write(store.getDirectory().resolve("bad.json"), "{\"schema\":3".getBytes(StandardCharsets.UTF_8));

        RecordSet set = store.loadAll();

        assertThat(set.getRecords()).extracting(BackupRecord::getHost).containsExactly("good");
        assertThat(set.getSkipped()).singleElement().asString().contains("bad.json").contains("not a backup record");
    }
}
