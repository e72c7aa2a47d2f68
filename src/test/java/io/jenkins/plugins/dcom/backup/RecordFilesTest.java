package io.jenkins.plugins.dcom.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Backup records are read as untrusted input: every damaged, foreign or forged kind a shared backup folder can hold is
 * refused with the file's name and the reason, quickly and without reading more than a record's size.
 */
class RecordFilesTest {
    private static final String GOOD = "{\"schema\":3,\"runId\":\"r1\",\"host\":\"site01\",\"port\":null,\"transport\":\"winrm\","
            + "\"savedAt\":\"2026-12-01T10:00:00Z\",\"before\":[\"ncadg_ip_udp\",\"ncacn_ip_tcp\"],"
            + "\"written\":[\"ncacn_ip_tcp\",\"ncadg_ip_udp\"],\"beforeValue\":{\"type\":7,\"data\":\"AA==\",\"exact\":true},"
            + "\"bootMarker\":\"b\"}";

    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        return Files.write(dir.resolve(name), json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWholeRecordIsRead() throws Exception {
        assertThat(RecordFiles.read(write("good.json", GOOD)).getHost()).isEqualTo("site01");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated JSON       | {\"schema\":3,\"runId\":                         | not a backup record",
        "null host            | \"host\":\"site01\"=>\"host\":null                  | host null is not a host name",
        "hostile host         | \"host\":\"site01\"=>\"host\":\"a b\\u001b[2J\"     | is not a host name or address",
        "null savedAt         | \"savedAt\":\"2026-12-01T10:00:00Z\"=>\"savedAt\":null | has no 'savedAt'",
        "savedAt no date      | 2026-12-01T10:00:00Z=>yesterday                   | is not an ISO-8601 time",
        "schema 99            | \"schema\":3=>\"schema\":99                        | backup schema 99",
        "bad Base64           | \"data\":\"AA==\"=>\"data\":\"%%%\"                 | not Base64",
        "null before list     | \"before\":[\"ncadg_ip_udp\",\"ncacn_ip_tcp\"]=>\"before\":null | lacks its 'before' or 'written'",
        "null entry           | \"written\":[\"ncacn_ip_tcp\",=>\"written\":[null,     | lacks its 'before' or 'written'",
        "no run               | \"runId\":\"r1\"=>\"runId\":\"\"                    | names no run",
        "unknown transport    | \"transport\":\"winrm\"=>\"transport\":\"ssh\"       | is not one of",
        "port out of range    | \"port\":null=>\"port\":70000                      | is not a TCP port",
        "a JSON list          | *                                                  | not a backup record",
    })
    void aDamagedRecordIsRefusedWithItsFileAndTheReason(String kind, String edit, String reason) throws Exception {
        String json;
        if (edit.equals("*")) {
            json = "[1,2,3]";
        } else if (edit.startsWith("{")) {
            json = edit;
        } else {
            String[] change = edit.split("=>");
            assertThat(GOOD).contains(change[0]);
            json = GOOD.replace(change[0], change[1]);
        }
        Path file = write("damaged.json", json);

        assertThatThrownBy(() -> RecordFiles.read(file)).hasMessageStartingWith(file.toString()).hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
    }

    @Test
    void aRecordDatedInTheFutureIsRefusedSinceItWouldWinEveryLatestComparison() throws Exception {
        String future = Instant.now().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        Path file = write("forged.json", GOOD.replace("2026-12-01T10:00:00Z", future));

        assertThatThrownBy(() -> RecordFiles.read(file)).hasMessageContaining("lies in the future");
    }

    @Test
    void aLinkIsNotFollowedEvenToARealRecord() throws Exception {
        Path real = write("real.json", GOOD);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        Path passwd = Files.createSymbolicLink(dir.resolve("passwd.json"), Paths.get("/etc/passwd"));

        assertThatThrownBy(() -> RecordFiles.read(link)).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> RecordFiles.read(passwd)).hasMessageContaining("symbolic link");
    }

    @Test
    void aPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();

        assertThatThrownBy(() -> RecordFiles.read(fifo)).hasMessageContaining("not a regular file");
    }

    @Test
    void aHugeRecordIsRefusedByItsSizeBeforeAnyByteIsRead() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024); // sparse: 50 MB that cost no disk
        }

        assertThatThrownBy(() -> RecordFiles.read(huge)).hasMessageContaining("larger than " + RecordFiles.MAX_BYTES);
    }
}
