package io.jenkins.plugins.dcom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.lab.LabFault;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHost;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.lab.Pywinrm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab addressed as a fleet is: every host on its own loopback address on one port, all served by one listener.
 * Debian's pywinrm judges that each address answers with its own host's registry; the command line audits such a
 * fleet and reports a host that is away as failed while the others are read.
 */
class AddressedLabTest {
    private static final String PASSWORD = "Lab-Passw\u00f6rd!";
    private static final String RPC = "HKLM\\SOFTWARE\\Microsoft\\Rpc";

    @TempDir
    Path dir;

    private static List<LabHostSpec> fleet() {
        return Arrays.asList(LabHostSpec.host("NT4-0001", "ncadg_ip_udp", "ncacn_ip_tcp"),
                LabHostSpec.host("W2K-0002", "ncacn_ip_tcp", "ncadg_ip_udp"),
                LabHostSpec.host("NT4-0003", "ncadg_ip_udp", "ncacn_spx"));
    }

    @Test
    void everyHostAnswersOnItsOwnLoopbackAddressWithItsOwnRegistryAsPywinrmSeesIt() throws Exception {
        Pywinrm.require();
        try (LabFleet fleet = LabFleet.startOnAddresses(fleet(), PASSWORD, null, 0)) {
            assertThat(fleet.hosts()).extracting(LabHost::address).containsExactly("127.1.0.1", "127.1.0.2", "127.1.0.3");
            assertThat(fleet.hosts()).extracting(LabHost::port).containsOnly(fleet.hosts().get(0).port());

            for (LabHost host : fleet.hosts()) {
                JsonNode answer = Pywinrm.run(host, PASSWORD, "ntlm", "always", "65001", "reg", "query", RPC, "/v",
                        "\"DCOM Protocols\"");
                assertThat(answer.path("exit").asInt(-1)).as(host.spec().getName()).isZero();
                assertThat(Pywinrm.text(answer, "stdout", StandardCharsets.UTF_8))
                        .contains(String.join("\\0", host.registry().data()));
                assertThat(host.counters().sealedMessages()).as(host.spec().getName()).isPositive();
            }
        }
    }

    @Test
    void theCommandLineAuditsAnAddressedFleetAndReportsAHostThatIsAwayAsFailed() throws Exception {
        List<LabHostSpec> specs = Arrays.asList(fleet().get(0), fleet().get(1), fleet().get(2).fault(LabFault.UNREACHABLE));
        try (LabFleet fleet = LabFleet.startOnAddresses(specs, PASSWORD, null, 0)) {
            Path inventory = fleet.writeInventory(dir.resolve("inventory.txt"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int exit = DcomComplianceCommand.execute(new String[] {"audit", "--inventory", inventory.toString(), "--user",
                "labadmin", "--password-env", "LAB_PASSWORD", "--timeout", "5", "--report-dir", dir.resolve("report").toString()},
                    new PrintStream(out, true), new PrintStream(out, true), Collections.singletonMap("LAB_PASSWORD", PASSWORD));

            assertThat(exit).as(out.toString("UTF-8")).isEqualTo(3);
            JsonNode hosts = new ObjectMapper().readTree(Files.readAllBytes(dir.resolve("report/report.json"))).get("hosts");
            assertThat(hosts).extracting(host -> host.get("address").asText())
                    .containsExactly(fleet.hosts().get(0).address() + ":" + fleet.hosts().get(0).port(),
                            fleet.hosts().get(1).address() + ":" + fleet.hosts().get(1).port(),
                            fleet.hosts().get(2).address() + ":" + fleet.hosts().get(2).port());
            assertThat(hosts).extracting(host -> host.get("status").asText())
                    .startsWith("NON_COMPLIANT", "COMPLIANT").doesNotContain("ERROR_UNKNOWN");
            assertThat(hosts.get(2).get("outcome").asText()).isEqualTo("FAILED");
        }
    }
}
