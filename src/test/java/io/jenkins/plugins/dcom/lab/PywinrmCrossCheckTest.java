package io.jenkins.plugins.dcom.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

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
    private static final Path SCRIPT = Paths.get("src/test/resources/pywinrm/run_command.py");
    /** MD4 for ntlm-auth under OpenSSL 3; see the file. */
    private static final Path OPENSSL_LEGACY = Paths.get("src/test/resources/pywinrm/openssl-legacy.cnf");
    private static LabFleet fleet;
    private static LabFleet basicFleet;

    @BeforeAll
    static void startLab() throws IOException {
        requirePywinrm();
        fleet = LabFleet.start(Arrays.asList(
                LabHostSpec.host("DEFAULT", "ncadg_ip_udp", "ncacn_ip_tcp"),
                LabHostSpec.host("UNENCRYPTED", "ncacn_ip_tcp").service(WinRmServiceSetting.ALLOW_UNENCRYPTED),
                LabHostSpec.host("GERMAN", "ncacn_ip_tcp").fault(LabFault.GERMAN_WINDOWS),
                LabHostSpec.host("LOCKED", "ncacn_ip_tcp").fault(LabFault.WRONG_PASSWORD)), PASSWORD, null, 0);
        basicFleet = LabFleet.start(Arrays.asList(
                LabHostSpec.host("BASICHTTP", "ncacn_ip_tcp").service(WinRmServiceSetting.BASIC)
                        .service(WinRmServiceSetting.ALLOW_UNENCRYPTED),
                LabHostSpec.host("BASICSEALED", "ncacn_ip_tcp").service(WinRmServiceSetting.BASIC)), BASIC_PASSWORD, null, 0);
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
        String hex = answer.path(stream).asText();
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(bytes, charset);
    }

    private static JsonNode pywinrm(String host, String transport, String encryption, String codePage, String... command)
            throws IOException, InterruptedException {
        boolean basic = host.startsWith("BASIC");
        LabHost lab = (basic ? basicFleet : fleet).host(host);
        List<String> line = new ArrayList<>(Arrays.asList("/usr/bin/python3", SCRIPT.toString(),
                "http://" + lab.address() + ":" + lab.port() + "/wsman", transport, encryption, codePage));
        line.addAll(Arrays.asList(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("WINRM_USER", lab.spec().getUser());
        builder.environment().put("WINRM_PASSWORD", basic ? BASIC_PASSWORD : PASSWORD);
        builder.environment().put("OPENSSL_CONF", OPENSSL_LEGACY.toAbsolutePath().toString());
        Process process = builder.start();
        String output = read(process.getInputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("pywinrm did not finish: " + output);
        }
        String last = output.trim().substring(output.trim().lastIndexOf('\n') + 1);
        if (!last.startsWith("{")) {
            fail("pywinrm failed: " + output);
        }
        return new ObjectMapper().readTree(last);
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            bytes.write(buffer, 0, n);
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    /** Skips (or, on CI, fails) when Debian's pywinrm is not installed. */
    private static void requirePywinrm() {
        if (!Files.exists(Paths.get("/usr/lib/python3/dist-packages/winrm/protocol.py"))
                || !Files.exists(Paths.get("/usr/lib/python3/dist-packages/requests_ntlm"))) {
            String why = "the cross-check needs Debian's python3-winrm and python3-requests-ntlm (.ci/run installs them)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }
}
