package io.jenkins.plugins.dcom.transport.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.cli.DcomComplianceCommand;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.lab.WinRmServiceSetting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No host can hang the run, sink it, or flood it: each hostile host ends with a classified status and a short message
 * within the run's time limits, and every other host keeps its result and its report line.
 */
class HostileHostsTest {
    private static final Map<String, String> ENV = Collections.singletonMap("LAB_PASSWORD", LabFixture.PASSWORD);

    @TempDir
    Path dir;

    private LabFleet lab;
    private final Map<HostileWinRmHost.Turn, HostileWinRmHost> hostile = new EnumMap<>(HostileWinRmHost.Turn.class);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void startHosts() throws Exception {
        lab = LabFleet.start(Arrays.asList(
                basicHost(LabHostSpec.host("HEALTHY", "ncadg_ip_udp", "ncacn_ip_tcp")),
                basicHost(LabHostSpec.host("BEHIND", "ncadg_ip_udp", "ncacn_ip_tcp"))), LabFixture.PASSWORD, null, 0);
        for (HostileWinRmHost.Turn turn : HostileWinRmHost.Turn.values()) {
            hostile.put(turn, new HostileWinRmHost(lab.host("BEHIND"), turn));
        }
    }

    private static LabHostSpec basicHost(LabHostSpec spec) {
        return spec.service(WinRmServiceSetting.BASIC).service(WinRmServiceSetting.ALLOW_UNENCRYPTED);
    }

    @AfterEach
    void stopHosts() throws Exception {
        for (HostileWinRmHost host : hostile.values()) {
            host.close();
        }
        lab.close();
    }

    private Map<String, JsonNode> auditEveryHost() throws Exception {
        StringBuilder inventory = new StringBuilder(lab.host("HEALTHY").address() + ":" + lab.host("HEALTHY").port()
                + " name=healthy\n");
        for (HostileWinRmHost host : hostile.values()) {
            inventory.append(host.inventoryLine()).append('\n');
        }
        Path file = Files.write(dir.resolve("inventory.txt"), inventory.toString().getBytes(StandardCharsets.UTF_8));
        PrintStream print = new PrintStream(out, true);
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(45), () -> DcomComplianceCommand.execute(new String[] {
            "audit", "--inventory", file.toString(), "--user", "labadmin", "--password-env", "LAB_PASSWORD", "--auth", "basic",
            "--allow-http", "--timeout", "2", "--connect-timeout", "1", "--concurrency", "8", "--report-dir", dir.toString()},
                print, print, ENV), "a hostile host held the run");
        assertThat(exit).as(output()).isEqualTo(3);
        Map<String, JsonNode> hosts = new HashMap<>();
        for (JsonNode host : new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("hosts")) {
            hosts.put(host.get("name").asText(), host);
        }
        return hosts;
    }

    private String output() {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void everyHostileHostEndsClassifiedAndTheHealthyHostKeepsItsResult() throws Exception {
        Map<String, JsonNode> hosts = auditEveryHost();

        assertThat(hosts).hasSize(1 + HostileWinRmHost.Turn.values().length);
        assertThat(hosts.get("healthy").get("status").asText()).isEqualTo("NON_COMPLIANT");
        assertThat(failure(hosts, "stream-forever")).isEqualTo("PROTOCOL_ERROR");
        assertThat(message(hosts, "stream-forever")).contains("printed more than 1048576 bytes");
        assertThat(failure(hosts, "running-empty")).isEqualTo("TIMEOUT");
        assertThat(failure(hosts, "endless-chunked")).isEqualTo("PROTOCOL_ERROR");
        assertThat(message(hosts, "endless-chunked")).contains("larger than").contains("aborted");
        assertThat(failure(hosts, "slow-drip")).isEqualTo("TIMEOUT");
        assertThat(message(hosts, "slow-drip")).contains("no whole answer within 3 s");
        assertThat(message(hosts, "huge-fault-subcode")).contains("characters in all");
        assertThat(failure(hosts, "endless-headers")).isEqualTo("PROTOCOL_ERROR");
        assertThat(message(hosts, "endless-headers")).contains("more than 100 header lines");
        List<String> lines = new ArrayList<>(Arrays.asList(output().split("\n")));
        for (JsonNode host : hosts.values()) {
            assertThat(host.get("message").asText().length()).as(host.get("name").asText()).isLessThan(2_000);
        }
        assertThat(lines).allMatch(line -> line.length() < 4_000, "no console line quotes a flood");
    }

    @Test
    void aFloodingHostIsCutOffNotDrainedAndAnEmptyOneIsNotPolledForEver() throws Exception {
        auditEveryHost();

        assertThat(hostile.get(HostileWinRmHost.Turn.ENDLESS_CHUNKED).bytesSent())
                .as("the connection is aborted past the 4 MiB cap, not read to its end").isLessThan(32L * 1024 * 1024);
        assertThat(hostile.get(HostileWinRmHost.Turn.ENDLESS_HEADERS).bytesSent())
                .as("the connection is aborted past 100 header lines, not read to its end").isLessThan(32L * 1024 * 1024);
        assertThat(hostile.get(HostileWinRmHost.Turn.RUNNING_EMPTY).receives()).isLessThanOrEqualTo(10);
        assertThat(hostile.get(HostileWinRmHost.Turn.STREAM_FOREVER).receives()).isLessThanOrEqualTo(5);
    }

    private static String failure(Map<String, JsonNode> hosts, String name) {
        return hosts.get(name).get("failure").asText();
    }

    private static String message(Map<String, JsonNode> hosts, String name) {
        return hosts.get(name).get("message").asText();
    }
}
