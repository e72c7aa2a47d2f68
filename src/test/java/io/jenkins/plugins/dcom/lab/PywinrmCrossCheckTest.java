package io.jenkins.plugins.dcom.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab's WinRM endpoints judged by an independent client, Debian's pywinrm 0.3 with requests-ntlm: a default host
 * (HTTP, Negotiate, sealed messages required, Basic off) serves pywinrm's NTLM with message encryption and refuses it
 * unsealed or with Basic, the way Windows does; the service settings that relax this relax it for pywinrm too.
 */
class PywinrmCrossCheckTest {
    /** NTLM sends the password's UTF-16 whole: the NTLM hosts' password is not ASCII on purpose. */
    private static final String PASSWORD = "Lab-Passw\u00f6rd!";
    /** Basic's character set is not settled (RFC 7617 2.1): the Basic hosts' password is ASCII. */
    private static final String BASIC_PASSWORD = "Lab-Passw0rd!";
    private static final String RPC = "HKLM\\SOFTWARE\\Microsoft\\Rpc";
    private static LabFleet fleet;
    private static LabFleet basicFleet;

    @BeforeAll
    static void startLab() throws IOException {
        Pywinrm.require();
        fleet = LabFleet.start(Arrays.asList(
                LabHostSpec.host("DEFAULT", "ncadg_ip_udp", "ncacn_ip_tcp"),
                LabHostSpec.host("UNENCRYPTED", "ncacn_ip_tcp").service(WinRmServiceSetting.ALLOW_UNENCRYPTED),
                LabHostSpec.host("GERMAN", "ncacn_ip_tcp").fault(LabFault.GERMAN_WINDOWS),
                LabHostSpec.host("LOCKED", "ncacn_ip_tcp").fault(LabFault.WRONG_PASSWORD)), PASSWORD, null, 0);
        basicFleet = LabFleet.start(Arrays.asList(
                LabHostSpec.host("BASICHTTP", "ncacn_ip_tcp").service(WinRmServiceSetting.BASIC)
                        .service(WinRmServiceSetting.ALLOW_UNENCRYPTED),
                LabHostSpec.host("BASICSEALED", "ncacn_ip_tcp").service(WinRmServiceSetting.BASIC),
                LabHostSpec.host("BASICONLY", "ncacn_ip_tcp").service(WinRmServiceSetting.BASIC_ONLY)
                        .service(WinRmServiceSetting.ALLOW_UNENCRYPTED)), BASIC_PASSWORD, null, 0);
    }

    @AfterAll
    static void stopLab() {
        for (LabFleet started : new LabFleet[] {fleet, basicFleet}) {
            if (started != null) {
                started.close();
            }
        }
    }

    @Test
    void aDefaultHostAnswersNtlmWithMessageEncryptionWithWhatItsRegistryHolds() throws Exception {
        JsonNode answer = pywinrm("DEFAULT", "ntlm", "always", "65001", "reg", "query", RPC, "/v", "\"DCOM Protocols\"");

        assertThat(answer.path("exit").asInt(-1)).isZero();
        assertThat(text(answer, "stdout", StandardCharsets.UTF_8)).contains("REG_MULTI_SZ").contains("ncadg_ip_udp\\0ncacn_ip_tcp");
        assertThat(fleet.host("DEFAULT").counters().rejectedLogons()).isZero();
    }

    @Test
    void aWriteSealedByPywinrmChangesTheHostsValue() throws Exception {
        JsonNode answer = pywinrm("UNENCRYPTED", "ntlm", "always", "65001", "reg", "add", RPC, "/v", "\"DCOM Protocols\"",
                "/t", "REG_MULTI_SZ", "/d", "ncacn_ip_tcp\\0ncadg_ip_udp", "/f");

        assertThat(answer.path("exit").asInt(-1)).isZero();
        assertThat(fleet.host("UNENCRYPTED").registry().data()).containsExactly("ncacn_ip_tcp", "ncadg_ip_udp");
    }

    @Test
    void aDefaultHostRefusesAnUnsealedMessageAfterTheLogonWithHttp500() throws Exception {
        JsonNode answer = pywinrm("DEFAULT", "ntlm", "never", "65001", "reg", "query", RPC);

        assertThat(answer.path("error").asText()).isEqualTo("WinRMTransportError");
        assertThat(answer.path("status").asInt()).isEqualTo(500);
    }

    @Test
    void aDefaultHostRefusesBasicWith401WithoutCountingAFailedLogon() throws Exception {
        JsonNode answer = pywinrm("DEFAULT", "basic", "never", "65001", "reg", "query", RPC);

        assertThat(answer.path("status").asInt()).isEqualTo(401);
        assertThat(fleet.host("DEFAULT").counters().rejectedLogons()).isZero();
    }

    @Test
    void basicOverHttpNeedsBothBasicAndAllowUnencrypted() throws Exception {
        assertThat(pywinrm("BASICSEALED", "basic", "never", "65001", "reg", "query", RPC).path("status").asInt()).isEqualTo(401);
        assertThat(pywinrm("BASICHTTP", "basic", "never", "65001", "reg", "query", RPC).path("exit").asInt(-1)).isZero();
    }

    @Test
    void aHostWithNegotiateOffRefusesNtlmUncheckedAndTakesBasic() throws Exception {
        assertThat(pywinrm("BASICONLY", "ntlm", "always", "65001", "reg", "query", RPC).path("status").asInt()).isEqualTo(401);
        assertThat(basicFleet.host("BASICONLY").counters().rejectedLogons()).as("no logon was checked").isZero();
        assertThat(pywinrm("BASICONLY", "basic", "never", "65001", "reg", "query", RPC).path("exit").asInt(-1)).isZero();
    }

    @Test
    void allowUnencryptedLetsAnUnsealedNtlmSessionThrough() throws Exception {
        assertThat(pywinrm("UNENCRYPTED", "ntlm", "never", "65001", "reg", "query", RPC).path("exit").asInt(-1)).isZero();
    }

    @Test
    void aWrongPasswordIsOneRejectedLogon() throws Exception {
        JsonNode answer = pywinrm("LOCKED", "ntlm", "always", "65001", "reg", "query", RPC);

        assertThat(answer.path("status").asInt()).isEqualTo(401);
        assertThat(fleet.host("LOCKED").counters().rejectedLogons()).isEqualTo(1);
    }

    @Test
    void aGermanHostsMessagesArriveInTheCodePageTheShellAskedFor() throws Exception {
        JsonNode utf8 = pywinrm("GERMAN", "ntlm", "always", "65001", "reg", "query", RPC, "/v", "Missing");
        JsonNode oem = pywinrm("GERMAN", "ntlm", "always", "850", "reg", "query", RPC, "/v", "Missing");

        assertThat(utf8.path("exit").asInt()).isEqualTo(1);
        assertThat(text(utf8, "stderr", StandardCharsets.UTF_8)).contains("Registrierungsschl\u00fcssel");
        assertThat(text(oem, "stderr", Charset.forName("IBM850"))).contains("Registrierungsschl\u00fcssel");
        assertThat(text(oem, "stderr", StandardCharsets.UTF_8)).doesNotContain("Registrierungsschl\u00fcssel");
    }

    private static String text(JsonNode answer, String stream, Charset charset) {
        return Pywinrm.text(answer, stream, charset);
    }

    private static JsonNode pywinrm(String host, String transport, String encryption, String codePage, String... command)
            throws IOException, InterruptedException {
        boolean basic = host.startsWith("BASIC");
        LabHost lab = (basic ? basicFleet : fleet).host(host);
        return Pywinrm.run(lab, basic ? BASIC_PASSWORD : PASSWORD, transport, encryption, codePage, command);
    }
}
