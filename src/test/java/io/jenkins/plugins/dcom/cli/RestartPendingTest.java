package io.jenkins.plugins.dcom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHost;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import io.jenkins.plugins.dcom.transport.winrm.LabFixture;
import io.jenkins.plugins.dcom.transport.winrm.WinRmTransportFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows marks nothing pending when DCOM Protocols changes, and DCOM reads the list at boot: a value this tool wrote
 * is reported RESTART_PENDING by any later audit until the server has restarted (its boot marker changed), and only
 * the value the run wrote counts.
 */
class RestartPendingTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(Path inventory, String... command) {
        List<String> args = new ArrayList<>(Arrays.asList(command));
        args.addAll(Arrays.asList("--inventory", inventory.toString(), "--user", "labadmin", "--password-env", "PW",
                "--report-dir", dir.resolve("reports").toString()));
        out.reset();
        return DcomComplianceCommand.execute(args.toArray(new String[0]), new PrintStream(out, true),
                new PrintStream(out, true), Collections.singletonMap("PW", LabFixture.PASSWORD));
    }

    private JsonNode host(String name) throws Exception {
        for (JsonNode host : new ObjectMapper().readTree(dir.resolve("reports/report.json").toFile()).get("hosts")) {
            if (name.equals(host.path("name").asText())) {
                return host;
            }
        }
        throw new AssertionError("no host " + name + " in the report");
    }

    @Test
    void aLaterAuditReportsTheWrittenValueAsPendingUntilTheServerRestarts() throws Exception {
        try (LabFleet fleet = LabFixture.start(Arrays.asList(
                LabHostSpec.host("SITE", "ncadg_ip_udp", "ncacn_ip_tcp").downtime(200),
                LabHostSpec.host("OTHER", "ncadg_ip_udp", "ncacn_ip_tcp")), false)) {
            Path inventory = fleet.writeInventory(dir.resolve("inventory.txt"));
            assertThat(run(inventory, "remediate")).isEqualTo(2);

            fleet.host("OTHER").registry().set("REG_MULTI_SZ", Arrays.asList("ncacn_ip_tcp", "ncacn_spx"));
            assertThat(run(inventory, "audit")).as(text()).isEqualTo(2);
            assertThat(host("SITE").path("status").asText()).isEqualTo("RESTART_PENDING");
            assertThat(host("SITE").path("message").asText()).contains("was written by run").contains("has not restarted since")
                    .as("the write's time to the second, as an auditor reads it")
                    .containsPattern(" at \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z \\(before: ");
            assertThat(host("OTHER").path("status").asText()).as("changed by someone else since: not ours to call pending")
                    .isEqualTo("COMPLIANT");

            restart(fleet.host("SITE"));
            assertThat(run(inventory, "audit")).as(text()).isZero();
            assertThat(host("SITE").path("status").asText()).isEqualTo("COMPLIANT");
        }
    }

    private static void restart(LabHost host) throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder(new Credentials("labadmin", LabFixture.PASSWORD)).build();
        try (RegistryTransport transport = new WinRmTransportFactory().open(Target.of(host.address(), host.port(), "winrm"),
                settings)) {
            transport.restart(new RestartRequest(0, "test restart"));
        }
        for (int i = 0; i < 100 && host.completedRestarts() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(host.completedRestarts()).isEqualTo(1);
    }

    private String text() {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
}
