package io.jenkins.plugins.dcom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.transport.winrm.LabFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup folder is shared and may hold anything: damaged, foreign or forged records, links and pipes. None of it
 * stops an audit, a remediation or a rollback; each unusable file is named once, in the console and in report.json.
 */
class DamagedBackupsTest {
    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner();

    /** A run folder of the backup root with one damaged file of each kind; @return how many were planted */
    private int plantDamage(Path run) throws Exception {
        Files.createDirectories(run);
        String good = "{\"schema\":3,\"runId\":\"r0\",\"host\":\"127.0.0.1\",\"port\":1,\"transport\":\"winrm\","
                + "\"savedAt\":\"2026-12-01T10:00:00Z\",\"before\":[\"a\"],\"written\":[\"b\"],\"bootMarker\":\"x\"}";
        Map<String, String> damaged = new LinkedHashMap<>();
        damaged.put("null-host.json", good.replace("\"127.0.0.1\"", "null"));
        damaged.put("null-saved.json", good.replace("\"2026-12-01T10:00:00Z\"", "null"));
        damaged.put("truncated.json", good.substring(0, 40));
        damaged.put("schema99.json", good.replace("\"schema\":3", "\"schema\":99"));
        damaged.put("future.json", good.replace("2026-12-01", "2999-12-01"));
        damaged.put("null-list.json", good.replace("[\"a\"]", "null"));
        damaged.put("base64.json", good.replace("\"bootMarker\"", "\"beforeValue\":{\"type\":7,\"data\":\"%%\",\"exact\":true},\"bootMarker\""));
        for (Map.Entry<String, String> file : damaged.entrySet()) {
            Files.write(run.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        Files.createSymbolicLink(run.resolve("passwd.json"), Paths.get("/etc/passwd"));
        Process fifo = new ProcessBuilder("mkfifo", run.resolve("pipe.json").toString()).start();
        assertThat(fifo.waitFor(10, TimeUnit.SECONDS) && fifo.exitValue() == 0).isTrue();
        Files.createSymbolicLink(run.resolve("link-to-pipe.json"), run.resolve("pipe.json"));
        return damaged.size() + 3;
    }

    @Test
    void anAuditOverADamagedBackupFolderRunsAndNamesEachUnusableRecordOnce() throws Exception {
        int planted = plantDamage(dir.resolve("backups/20261201T100000Z"));
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", "ncadg_ip_udp", "ncacn_ip_tcp")), false)) {
            Path inventory = fleet.writeInventory(dir.resolve("inventory.txt"));

            int exit = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli.run("audit", "--inventory", inventory.toString(),
                    "--user", "labadmin", "--password-env", "LAB_PASSWORD", "--report-dir", dir.toString(),
                    "--backup-dir", dir.resolve("backups").toString()));

            assertThat(exit).as(cli.output()).isEqualTo(2);
            assertThat(cli.output().split("\n")).filteredOn(line -> line.startsWith("Warning: skipped")).hasSize(planted);
            JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
            List<String> warnings = new ArrayList<>();
            report.get("warnings").forEach(w -> warnings.add(w.asText()));
            assertThat(warnings).hasSize(planted);
            for (String name : Arrays.asList("null-host", "null-saved", "truncated", "schema99", "future", "null-list", "base64",
                    "passwd", "pipe", "link-to-pipe")) {
                assertThat(warnings).as(name).anyMatch(w -> w.contains("/" + name + ".json"));
            }
            assertThat(report.get("hosts").get(0).get("status").asText()).isEqualTo("NON_COMPLIANT");
        }
    }

    @Test
    void aRollbackNamesTheRecordsItCannotUseAndRollsBackTheOthers() throws Exception {
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", "ncadg_ip_udp", "ncacn_ip_tcp")), false)) {
            Path inventory = fleet.writeInventory(dir.resolve("inventory.txt"));
            assertThat(cli.run("remediate", "--inventory", inventory.toString(), "--user", "labadmin", "--password-env", "LAB_PASSWORD",
                    "--report-dir", dir.resolve("remediate").toString(), "--backup-dir", dir.resolve("backups").toString()))
                    .as(cli.output()).isEqualTo(2);
            Path run;
            try (Stream<Path> runs = Files.list(dir.resolve("backups"))) {
                run = runs.collect(Collectors.toList()).get(0);
            }
            int planted = plantDamage(run);

            int exit = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli.run("rollback", "--backup-dir",
                    dir.resolve("backups").toString(), "--user", "labadmin", "--password-env", "LAB_PASSWORD",
                    "--report-dir", dir.resolve("rollback").toString()));

            assertThat(exit).as(cli.output()).isZero();
            assertThat(cli.output()).contains("Rollback of run " + run.getFileName() + ": 1 hosts").contains("ROLLED_BACK");
            assertThat(cli.output().split("\n")).filteredOn(line -> line.startsWith("Warning: skipped")).hasSize(planted);
            assertThat(fleet.host("NT4").registry().data()).containsExactly("ncadg_ip_udp", "ncacn_ip_tcp");
        }
    }
}
