package io.jenkins.plugins.dcom.transport.rrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryTransportContract.Hosts;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tool and an independent [MS-RRP] client, Debian's impacket, agree on what a Samba host holds. */
class ImpacketCrossCheckTest {
    private static final Path REG_PY = Paths.get("/usr/share/doc/python3-impacket/examples/reg.py");
    private static final String PYTHON = "/usr/bin/python3";
    private static SambaFleet fleet;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.exists(REG_PY)) {
            String why = "the cross-check needs Debian's python3-impacket (.ci/run installs it)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        fleet = SambaFleet.start();
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static RegistryTransport open(Hosts host) throws Exception {
        ConnectionSettings settings = RrpOverSambaTest.settings(SambaFleet.PASSWORD);
        return new RrpTransportFactory(settings).open(Target.of(fleet.host(host).address(), null, "rrp"), settings);
    }

    private static String python(String... args) throws Exception {
        List<String> command = new ArrayList<>(Arrays.asList(PYTHON));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DCOM_TEST_PASSWORD", SambaFleet.PASSWORD);
        Process process = builder.start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                output.write(buffer, 0, n);
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output.toByteArray(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void shouldWriteAValueThatImpacketReadsBackTheSame() throws Exception {
        List<String> written = Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx");
        try (RegistryTransport session = open(Hosts.WIN2000)) {
            session.write(written);
        }
        String address = fleet.host(Hosts.WIN2000).address();

        String printed = python(REG_PY.toString(), "LAB/" + SambaHost.ADMIN + ":" + SambaFleet.PASSWORD + "@" + address,
                "query", "-keyName", "HKLM\\SOFTWARE\\Microsoft\\Rpc", "-v", "DCOM Protocols");

        assertThat(printed).contains("REG_MULTI_SZ").contains(String.join("\0", written));
    }

    @Test
    void shouldReadAValueImpacketWroteWithAShapeSambaNetCannotSeed() throws Exception {
        Path script = Files.createTempFile("set_multi_sz", ".py");
        try (InputStream in = ImpacketCrossCheckTest.class.getResourceAsStream("/impacket/set_multi_sz.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> five = Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx", "ncacn_nb_nb", "ncacn_http");
        List<String> args = new ArrayList<>(Arrays.asList(script.toString(), fleet.host(Hosts.NT4).address(), "LAB",
                SambaHost.ADMIN, "-"));
        args.addAll(five);
        python(args.toArray(new String[0]));

        try (RegistryTransport session = open(Hosts.NT4)) {
            assertThat(session.read()).containsExactlyElementsOf(five);
        }
    }
}
