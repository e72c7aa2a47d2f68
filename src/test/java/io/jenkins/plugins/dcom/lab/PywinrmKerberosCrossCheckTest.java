package io.jenkins.plugins.dcom.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.winrm.WinRmTransportFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kerberos with WinRM message encryption over HTTP, judged by an independent client: pywinrm 0.3 and
 * requests-kerberos (Debian's) on MIT Kerberos, with tickets from a real MIT KDC. MIT's {@code gss_unwrap_iov} reads
 * only the layout Windows sends, so an answer it decrypts is laid out as Windows lays it out; and what our client
 * writes with Kerberos, pywinrm reads back, and the other way round.
 */
class PywinrmKerberosCrossCheckTest {
    private static final String PASSWORD = "Kerberos-Passw\u00f6rd-1";
    private static final String RPC = "HKLM\\SOFTWARE\\Microsoft\\Rpc";
    private static Kdc kdc;
    private static LabFleet fleet;

    @BeforeAll
    static void start() throws Exception {
        Pywinrm.requireKerberos();
        kdc = Kdc.start("labadmin", PASSWORD).configureJvm();
        fleet = LabFleet.start(Arrays.asList(
                LabHostSpec.host("DEFAULT", "ncadg_ip_udp", "ncacn_ip_tcp"),
                LabHostSpec.host("OURS", "ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"),
                LabHostSpec.host("THEIRS", "ncadg_ip_udp", "ncacn_ip_tcp")), "unused-ntlm-password", null, 0, kdc.keytab());
    }

    @AfterAll
    static void stop() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        if (kdc != null) {
            kdc.close();
        }
    }

    @Test
    void aDefaultHostAnswersKerberosWithMessageEncryptionWithWhatItsRegistryHolds() throws Exception {
        LabHost host = fleet.host("DEFAULT");
        JsonNode answer = Pywinrm.runKerberos(host, kdc, PASSWORD, "always", "65001", "reg", "query", RPC, "/v",
                "\"DCOM Protocols\"");

        assertThat(answer.path("exit").asInt(-1)).as(answer.toString()).isZero();
        assertThat(Pywinrm.text(answer, "stdout", StandardCharsets.UTF_8)).contains("ncadg_ip_udp\\0ncacn_ip_tcp");
        assertThat(host.counters().sealedMessages()).isPositive();
        assertThat(host.counters().plainMessages()).isZero();
    }

    @Test
    void aDefaultHostRefusesAnUnencryptedKerberosMessageWithHttp500() throws Exception {
        JsonNode answer = Pywinrm.runKerberos(fleet.host("DEFAULT"), kdc, PASSWORD, "never", "65001", "reg", "query", RPC);

        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(500);
    }

    @Test
    void whatOurClientWritesWithKerberosPywinrmReadsBack() throws Exception {
        LabHost host = fleet.host("OURS");
        try (RegistryTransport transport = ours(host)) {
            transport.write(Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx"));
        }

        JsonNode answer = Pywinrm.runKerberos(host, kdc, PASSWORD, "always", "65001", "reg", "query", RPC, "/v",
                "\"DCOM Protocols\"");

        assertThat(Pywinrm.text(answer, "stdout", StandardCharsets.UTF_8)).contains("ncacn_ip_tcp\\0ncadg_ip_udp\\0ncacn_spx");
        assertThat(host.counters().plainMessages()).isZero();
    }

    @Test
    void whatPywinrmWritesWithKerberosOurClientReadsBack() throws Exception {
        LabHost host = fleet.host("THEIRS");
        JsonNode written = Pywinrm.runKerberos(host, kdc, PASSWORD, "always", "65001", "reg", "add", RPC, "/v",
                "\"DCOM Protocols\"", "/t", "REG_MULTI_SZ", "/d", "ncacn_ip_tcp\\0ncadg_ip_udp", "/f");
        assertThat(written.path("exit").asInt(-1)).as(written.toString()).isZero();

        List<String> read;
        try (RegistryTransport transport = ours(host)) {
            read = transport.read().protocols(host.address());
        }

        assertThat(read).containsExactly("ncacn_ip_tcp", "ncadg_ip_udp");
        assertThat(host.registry().data()).containsExactly("ncacn_ip_tcp", "ncadg_ip_udp");
    }

    private static RegistryTransport ours(LabHost host) throws Exception {
        return new WinRmTransportFactory().open(Target.of(host.address(), host.port(), "winrm"),
                ConnectionSettings.builder(new Credentials("labadmin@" + Kdc.REALM, PASSWORD))
                        .authentication(WinRmAuthentication.KERBEROS).timeouts(5000, 10000).build());
    }
}
