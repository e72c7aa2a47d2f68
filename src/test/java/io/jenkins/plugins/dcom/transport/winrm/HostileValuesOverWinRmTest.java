package io.jenkins.plugins.dcom.transport.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.cli.DcomComplianceCommand;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values no Windows tool would write, read over WinRM: classified, and quoted only in part. */
class HostileValuesOverWinRmTest {
    @TempDir
    Path dir;

    @Test
    void anEntryHoldingANulIsAMalformedValueAndAHugeUnknownEntryIsQuotedClipped() throws Exception {
        StringBuilder huge = new StringBuilder("ncacn_");
        while (huge.length() < 30_000) {
            huge.append("zz");
        }
        try (LabFleet fleet = LabFixture.start(Arrays.asList(
                LabHostSpec.host("NUL", "ncacn_ip_tcp\u0000ncadg_ip_udp", "ncacn_spx"),
                LabHostSpec.host("HUGE", "ncadg_ip_udp", "ncacn_ip_tcp", huge.toString())), false)) {
            Path inventory = fleet.writeInventory(dir.resolve("inventory.txt"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true);

            int exit = DcomComplianceCommand.execute(new String[] {"audit", "--inventory", inventory.toString(), "--user",
                "labadmin", "--password-env", "LAB_PASSWORD", "--report-dir", dir.toString()}, print, print,
                    Collections.singletonMap("LAB_PASSWORD", LabFixture.PASSWORD));

            String console = new String(out.toByteArray(), StandardCharsets.UTF_8);
            assertThat(exit).as(console).isEqualTo(3);
            Map<String, JsonNode> hosts = new HashMap<>();
            for (JsonNode host : new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("hosts")) {
                hosts.put(host.get("name").asText(), host);
            }
            assertThat(hosts.get("NUL").get("failure").asText()).isEqualTo("MALFORMED_VALUE");
            assertThat(hosts.get("NUL").get("message").asText()).contains("NUL");
            assertThat(hosts.get("HUGE").get("status").asText()).isEqualTo("NON_COMPLIANT");
            assertThat(hosts.get("HUGE").get("message").asText()).contains("characters in all").hasSizeLessThan(2_000);
            assertThat(console).doesNotContain("please report it");
        }
    }
}
