package io.jenkins.plugins.dcom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHost;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.lab.Pywinrm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The article's fix on a fleet whose WinRM is as Windows Server ships it (HTTP, Negotiate, sealed messages required,
 * Basic off), with nothing but the command line's defaults: audit, remediate with restart, audit again; every SOAP
 * message sealed; and an independent client, pywinrm, reads the new order from each host afterwards.
 */
class DefaultWindowsFleetTest {
    private static final String PASSWORD = "Default-Fleet-\u00e9-1";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeAll
    static void needsPywinrm() {
        Pywinrm.require();
    }

    private int run(Path inventory, String... command) {
        java.util.List<String> args = new java.util.ArrayList<>(Arrays.asList(command));
        args.addAll(Arrays.asList("--inventory", inventory.toString(), "--user", "labadmin", "--password-env", "PW",
                "--report-dir", dir.resolve(command[0] + "-" + System.nanoTime()).toString()));
        return DcomComplianceCommand.execute(args.toArray(new String[0]), new PrintStream(out, true),
                new PrintStream(out, true), Collections.singletonMap("PW", PASSWORD));
    }

    @Test
    void auditRemediateWithRestartAndReauditWithTheDefaultsThenPywinrmReadsTheNewOrder() throws Exception {
        try (LabFleet fleet = LabFleet.start(Arrays.asList(
                LabHostSpec.host("SMS-SITE-01", "ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx").downtime(300),
                LabHostSpec.host("SMS-SITE-02", "ncadg_ip_udp", "ncacn_ip_tcp").downtime(300)), PASSWORD, null, 0)) {
            Path inventory = fleet.writeInventory(dir.resolve("inventory.txt"));

            assertThat(run(inventory, "audit")).isEqualTo(2);
            assertThat(run(inventory, "remediate", "--restart", "--restart-delay", "0", "--restart-poll", "200",
                    "--restart-wait-down", "20", "--restart-wait-up", "30")).as(text()).isZero();
            assertThat(run(inventory, "audit")).as(text()).isZero();

            for (LabHost host : fleet.hosts()) {
                assertThat(host.counters().sealedMessages()).as(host.spec().getName()).isPositive();
                assertThat(host.counters().plainMessages()).as(host.spec().getName()).isZero();
                assertThat(host.completedRestarts()).isEqualTo(1);
                JsonNode read = Pywinrm.run(host, PASSWORD, "ntlm", "always", "65001", "reg", "query",
                        "HKLM\\SOFTWARE\\Microsoft\\Rpc", "/v", "\"DCOM Protocols\"");
                assertThat(Pywinrm.text(read, "stdout", StandardCharsets.UTF_8)).contains("REG_MULTI_SZ    ncacn_ip_tcp\\0");
            }
            assertThat(text()).doesNotContain(PASSWORD);
        }
    }

    private String text() {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
}
