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

/** Audit, dry run, remediation with and without restart, and rollback from the command line against Samba hosts. */
class RrpEndToEndTest {
    private static final List<String> NT4 = Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx");
    private static final List<String> FIXED = Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx");

    @TempDir
    Path dir;

    private SambaFleet fleet;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void startSamba() throws Exception {
        fleet = SambaFleet.start();
    }

    @AfterEach
    void stopSamba() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private Path inventory(Hosts... hosts) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Hosts host : hosts) {
            text.append(fleet.host(host).address()).append(" name=").append(host.name().replace('_', '-')).append('\n');
        }
        return Files.write(dir.resolve("inventory.txt"), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private int run(String command, Path inventory, String... more) {
        List<String> args = new ArrayList<>(Arrays.asList(command, "--inventory", inventory.toString(), "--transport", "rrp",
                "--user", "LAB\\" + SambaHost.ADMIN, "--password-env", "SAMBA_PASSWORD", "--timeout", "10",
                "--report-dir", dir.resolve("report").toString()));
        args.addAll(Arrays.asList(more));
        return execute(args);
    }

    private int execute(List<String> args) {
        Map<String, String> env = Collections.singletonMap("SAMBA_PASSWORD", SambaFleet.PASSWORD);
        return DcomComplianceCommand.execute(args.toArray(new String[0]), new PrintStream(out, true), new PrintStream(out, true), env);
    }

    private Map<String, JsonNode> report() throws Exception {
        Map<String, JsonNode> hosts = new HashMap<>();
        for (JsonNode host : new ObjectMapper().readTree(dir.resolve("report/report.json").toFile()).get("hosts")) {
            hosts.put(host.get("name").asText(), host);
        }
        return hosts;
    }

    @Test
    void shouldGiveEveryFaultHostItsDocumentedStatusAndListThemAll() throws Exception {
        Path inventory = Files.write(dir.resolve("all.txt"), (String.join("\n",
                fleet.host(Hosts.NT4).address() + " name=NT4", fleet.host(Hosts.WIN2000).address() + " name=WIN2000",
                fleet.host(Hosts.VALUE_MISSING).address() + " name=MISSING", fleet.host(Hosts.REG_SZ).address() + " name=REGSZ",
                fleet.host(Hosts.READ_ONLY).address() + " name=READONLY", fleet.host(Hosts.UNREACHABLE).address() + " name=DOWN",
                fleet.noSmb1().address() + " name=SMB2ONLY", fleet.noWinreg().address() + " name=NOWINREG") + "\n").getBytes(StandardCharsets.UTF_8));

        int exit = run("remediate", inventory);

        Map<String, JsonNode> hosts = report();
        assertThat(exit).isEqualTo(3);
        assertThat(hosts).hasSize(8);
        assertThat(hosts.get("NT4").get("status").asText()).isEqualTo("RESTART_PENDING");
        assertThat(hosts.get("WIN2000").get("status").asText()).isEqualTo("COMPLIANT");
        assertThat(hosts.get("MISSING").get("failure").asText()).isEqualTo("VALUE_MISSING");
        assertThat(hosts.get("REGSZ").get("failure").asText()).isEqualTo("WRONG_TYPE");
        assertThat(hosts.get("READONLY").get("status").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(hosts.get("DOWN").get("status").asText()).isEqualTo("UNREACHABLE");
        assertThat(hosts.get("SMB2ONLY").get("status").asText()).as("a host without SMB1, as Server 2019+").isEqualTo("RESTART_PENDING");
        assertThat(hosts.get("SMB2ONLY").get("channel").asText()).isEqualTo("SMB 3.1.1");
        assertThat(hosts.get("NOWINREG").get("status").asText()).isEqualTo("UNREACHABLE");
        assertThat(hosts.get("NOWINREG").get("message").asText()).as("not 'value missing'")
                .contains("Remote Registry service is not running on " + fleet.noWinreg().address()).contains("0xC0000034");
        assertThat(hosts.get("WIN2000").get("channel").asText()).as("SMB2/3 first where the host has both").isEqualTo("SMB 3.1.1");
        assertThat(fleet.host(Hosts.READ_ONLY).storedValue()).isEqualTo(NT4);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).doesNotContain(SambaFleet.PASSWORD);
    }

    @Test
    void shouldUseThePinnedSmbVersionAndSayWhatToChangeWhenTheHostRefusesIt() throws Exception {
        Path inventory = Files.write(dir.resolve("pinned.txt"), (fleet.noSmb1().address() + " name=SMB1PINNED smb=1\n"
                + fleet.host(Hosts.WIN2000).address() + " name=SMB2PINNED smb=2\n").getBytes(StandardCharsets.UTF_8));

        int exit = run("audit", inventory);

        Map<String, JsonNode> hosts = report();
        assertThat(exit).isEqualTo(3);
        assertThat(hosts.get("SMB1PINNED").get("status").asText()).isEqualTo("UNREACHABLE");
        assertThat(hosts.get("SMB1PINNED").get("message").asText()).contains("refuses SMB1").contains("remove smb=1");
        assertThat(hosts.get("SMB2PINNED").get("status").asText()).isEqualTo("COMPLIANT");
        assertThat(hosts.get("SMB2PINNED").get("channel").asText()).isEqualTo("SMB 2.1");
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
