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
 * The command line over rrp against hosts with SMB1 and SMB2/3 (Windows 2008-2016 with SMB1 left on), and the hosts
 * of every fault: SMB2/3 is chosen, a pinned version is obeyed, every failure has its status.
 */
class RrpEndToEndTest extends RrpEndToEndContract {
    @Override
    SmbShape shape() {
        return SmbShape.DUAL;
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
    void aWaveWhoseHostDoesNotRebootStopsTheRolloutAndAutoRevertPutsItBackAsImpacketReadsIt() throws Exception {
        Impacket.require();
        fleet.host(Hosts.WIN2000).seed("multi_sz", "ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"); // its script restarts nothing
        Path inventory = Files.write(dir.resolve("waves.txt"), (fleet.host(Hosts.NT4).address() + " name=WAVE1\n"
                + fleet.host(Hosts.WIN2000).address() + " name=WAVE2\n" + fleet.noSmb1().address() + " name=WAVE3\n")
                .getBytes(StandardCharsets.UTF_8));

        int exit = run("remediate", inventory, "--wave-size", "1", "--auto-revert", "--restart", "--restart-delay", "0",
                "--restart-wait-down", "1", "--restart-wait-up", "4", "--restart-poll", "250");

        Map<String, JsonNode> hosts = report();
        String said = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertThat(exit).as(said).isNotZero();
        assertThat(hosts.get("WAVE1").get("status").asText()).as(said).isEqualTo("REMEDIATED");
        assertThat(hosts.get("WAVE3").get("status").asText()).isEqualTo("SKIPPED");
        assertThat(said).contains("wave 2 of 3");
        assertThat(Impacket.get(fleet.host(Hosts.NT4)).protocols("WAVE1")).isEqualTo(FIXED);
        assertThat(Impacket.get(fleet.host(Hosts.WIN2000)).protocols("WAVE2")).as("auto-revert put wave 2 back").isEqualTo(NT4);
        assertThat(Impacket.get(fleet.noSmb1()).protocols("WAVE3")).as("wave 3 was never touched").isEqualTo(NT4);
        assertThat(fleet.noSmb1().restartRequests()).isEmpty();
    }
}
