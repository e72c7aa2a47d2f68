package io.jenkins.plugins.dcom.transport.rrp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.cli.DcomComplianceCommand;
import io.jenkins.plugins.dcom.transport.RegistryTransportContract.Hosts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit, dry run, remediation with and without restart, and rollback from the command line against Samba hosts of
 * one {@link SmbShape} (each subclass names one): the same commands work over every SMB stack.
 */
abstract class RrpEndToEndContract {
    static final List<String> NT4 = Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx");
    static final List<String> FIXED = Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx");

    @TempDir
    Path dir;

    SambaFleet fleet;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** @return what the fleet's hosts offer */
    abstract SmbShape shape();

    @BeforeEach
    void startSamba() throws Exception {
        fleet = SambaFleet.start(shape());
    }

    @AfterEach
    void stopSamba() {
        if (fleet != null) {
            fleet.close();
        }
    }

    Path inventory(Hosts... hosts) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Hosts host : hosts) {
            text.append(fleet.host(host).address()).append(" name=").append(host.name().replace('_', '-')).append('\n');
        }
        return Files.write(dir.resolve("inventory.txt"), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    int run(String command, Path inventory, String... more) {
        List<String> args = new ArrayList<>(Arrays.asList(command, "--inventory", inventory.toString(), "--transport", "rrp",
                "--user", "LAB\\" + SambaHost.ADMIN, "--password-env", "SAMBA_PASSWORD", "--timeout", "10",
                "--report-dir", dir.resolve("report").toString()));
        args.addAll(Arrays.asList(more));
        return execute(args);
    }

    int execute(List<String> args) {
        Map<String, String> env = Collections.singletonMap("SAMBA_PASSWORD", SambaFleet.PASSWORD);
        return DcomComplianceCommand.execute(args.toArray(new String[0]), new PrintStream(out, true), new PrintStream(out, true), env);
    }

    Map<String, JsonNode> report() throws Exception {
        Map<String, JsonNode> hosts = new HashMap<>();
        for (JsonNode host : new ObjectMapper().readTree(dir.resolve("report/report.json").toFile()).get("hosts")) {
            hosts.put(host.get("name").asText(), host);
        }
        return hosts;
    }

    @Test
    void shouldCallAnAccountTheHostRefusesTheWinregPipeAccessDeniedAsImpacketSeesIt() throws Exception {
        SambaHost host = fleet.pipeRefused();
        Path inventory = Files.write(dir.resolve("refused.txt"), (host.address() + " name=REFUSED\n").getBytes(StandardCharsets.UTF_8));

        int exit = run("audit", inventory);

        JsonNode refused = report().get("REFUSED");
        assertThat(Impacket.openWinreg(host, SambaHost.ADMIN)).as("the independent client, same account and host")
                .isEqualTo("refused 0xC0000022");
        assertThat(exit).isEqualTo(3);
        assertThat(refused.get("status").asText()).as(refused.get("message").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(refused.get("message").asText()).as("the code Windows and Samba answer, not a protocol error")
                .contains("Access is denied (0xC0000022)");
        if (!refused.get("channel").asText().startsWith("SMB1")) { // jcifs opens the pipe with the logon: one step there
            assertThat(refused.get("message").asText()).as("where the host refused").contains("the winreg pipe on IPC$");
        }
    }

    @Test
    void shouldWriteNothingAndRestartNothingInADryRun() throws Exception {
        int exit = run("remediate", inventory(Hosts.NT4, Hosts.WIN2000), "--dry-run");

        assertThat(exit).isEqualTo(2);
        assertThat(fleet.host(Hosts.NT4).storedValue()).isEqualTo(NT4);
        assertThat(fleet.host(Hosts.NT4).restartRequests()).isEmpty();
        assertThat(report().get("NT4").get("planned").toString()).isEqualTo("[\"ncacn_ip_tcp\",\"ncadg_ip_udp\",\"ncacn_spx\"]");
    }

    @Test
    void shouldRestartWithTheMessageAndRebootFlagWaitForTheHostAndAuditItAgain() throws Exception {
        int exit = run("remediate", inventory(Hosts.NT4, Hosts.WIN2000), "--restart", "--restart-delay", "5",
                "--restart-comment", "DCOM order KB272937", "--restart-wait-down", "30", "--restart-wait-up", "60",
                "--restart-poll", "250");

        Map<String, JsonNode> hosts = report();
        assertThat(hosts.get("NT4").get("status").asText()).as(hosts.get("NT4").get("message").asText()).isEqualTo("REMEDIATED");
        assertThat(hosts.get("NT4").get("timingsMillis").has("wait-up")).isTrue();
        assertThat(exit).isZero();
        assertThat(fleet.host(Hosts.NT4).storedValue()).isEqualTo(FIXED);
        List<String> requests = fleet.host(Hosts.NT4).restartRequests();
        assertThat(requests).singleElement().asString()
                .startsWith("DCOM_order_KB272937 ")      // Samba turns spaces into underscores
                .contains(" -r ")                         // reboot, not power off
                .contains(" -f ")                         // a delay above 0 forces applications closed, as shutdown /t does
                .endsWith(" -2147352572");                // 0x80020004: planned, operating system, reconfiguration
        assertThat(fleet.host(Hosts.WIN2000).restartRequests()).as("a compliant host is not restarted").isEmpty();
    }

    @Test
    void shouldRollBackWhatRemediationChanged() throws Exception {
        Path inventory = inventory(Hosts.NT4);
        assertThat(run("remediate", inventory, "--backup-dir", dir.resolve("backups").toString())).isEqualTo(2);
        assertThat(fleet.host(Hosts.NT4).storedValue()).isEqualTo(FIXED);

        int exit = execute(Arrays.asList("rollback", "--backup-dir", dir.resolve("backups").toString(), "--transport", "rrp",
                "--user", "LAB\\" + SambaHost.ADMIN, "--password-env", "SAMBA_PASSWORD", "--report-dir", dir.resolve("rb").toString()));

        assertThat(exit).isZero();
        assertThat(fleet.host(Hosts.NT4).storedValue()).isEqualTo(NT4);
        assertThat(fleet.host(Hosts.NT4).restartRequests()).isEmpty();
    }

    @Test
    void shouldReportARestartThatWasAcceptedButNeverHappenedAsNotRebooted() throws Exception {
        fleet.host(Hosts.WIN2000).seed("multi_sz", "ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"); // its script restarts nothing

        int exit = run("remediate", inventory(Hosts.WIN2000), "--restart", "--restart-delay", "0", "--restart-wait-down", "2",
                "--restart-wait-up", "2", "--restart-poll", "250");

        JsonNode host = report().get("WIN2000");
        assertThat(exit).isEqualTo(2);
        assertThat(host.get("status").asText()).as(host.toString()).isEqualTo("RESTART_PENDING");
        assertThat(host.get("failure").asText()).isEqualTo("NOT_REBOOTED");
        assertThat(fleet.host(Hosts.WIN2000).restartRequests()).hasSize(1);
        assertThat(fleet.host(Hosts.WIN2000).storedValue()).isEqualTo(FIXED);
    }
}
