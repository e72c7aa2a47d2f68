package io.jenkins.plugins.dcom.transport.rrp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.cli.DcomComplianceCommand;
import io.jenkins.plugins.dcom.text.UntrustedText;
import io.jenkins.plugins.dcom.transport.RegistryTransportContract.Hosts;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile or merely unusual host sends back, from the command line against real Samba hosts, with
 * impacket seeding the values byte for byte and reading back what the tool left: nothing lost, nothing misread,
 * every output still well-formed, every failure classified.
 */
class HostileValuesOverSambaTest {
    private static final String NT4_SINGLE_NUL = "ncadg_ip_udp\0ncacn_ip_tcp\0ncacn_spx\0";
    private static SambaFleet fleet;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeAll
    static void startSamba() throws Exception {
        Impacket.require();
        fleet = SambaFleet.start();
    }

    @AfterAll
    static void stopSamba() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @AfterEach
    void restoreSeeds() throws Exception {
        fleet.host(Hosts.NT4).freeze(false);
        Impacket.set(fleet.host(Hosts.NT4), RegistryValue.multiSz(Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx")));
        Impacket.set(fleet.host(Hosts.WIN2000), RegistryValue.multiSz(Arrays.asList("ncacn_ip_tcp", "ncacn_spx", "ncacn_nb_nb")));
    }

    private static RegistryValue utf16(String text) {
        return new RegistryValue(RegistryValue.REG_MULTI_SZ, text.getBytes(StandardCharsets.UTF_16LE), true);
    }

    private Path inventory(Hosts... hosts) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Hosts host : hosts) {
            text.append(fleet.host(host).address()).append(" name=").append(host.name().replace('_', '-')).append('\n');
        }
        return Files.write(dir.resolve("inventory.txt"), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private int run(String user, String password, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(Arrays.asList("--transport", "rrp", "--user", user, "--password-env", "PW", "--timeout", "4",
                "--connect-timeout", "3"));
        Map<String, String> env = new HashMap<>();
        env.put("PW", password);
        return DcomComplianceCommand.execute(all.toArray(new String[0]), new PrintStream(out, true),
                new PrintStream(out, true), env);
    }

    private int admin(String... args) {
        return run("LAB\\" + SambaHost.ADMIN, SambaFleet.PASSWORD, args);
    }

    private JsonNode host(Path reports, String name) throws Exception {
        for (JsonNode host : new ObjectMapper().readTree(reports.resolve("report.json").toFile()).get("hosts")) {
            if (host.get("name").asText().equals(name)) {
                return host;
            }
        }
        throw new AssertionError(name + " is missing from the report");
    }

    private String console() {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void aValueEndingInASingleNulKeepsItsLastEntryAndRollbackRestoresItsBytes() throws Exception {
        RegistryValue seeded = utf16(NT4_SINGLE_NUL);
        Impacket.set(fleet.host(Hosts.NT4), seeded);
        Path backups = dir.resolve("backups");

        int remediated = admin("remediate", "--inventory", inventory(Hosts.NT4).toString(), "--report-dir",
                dir.resolve("r").toString(), "--backup-dir", backups.toString());

        assertThat(remediated).isEqualTo(2);
        assertThat(Impacket.get(fleet.host(Hosts.NT4)).protocols("nt4"))
                .containsExactly("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx");
        Path record;
        try (Stream<Path> files = Files.walk(backups)) {
            record = files.filter(file -> file.toString().endsWith(".json")).findFirst().orElseThrow(AssertionError::new);
        }
        JsonNode saved = new ObjectMapper().readTree(record.toFile());
        assertThat(saved.get("before").toString()).isEqualTo("[\"ncadg_ip_udp\",\"ncacn_ip_tcp\",\"ncacn_spx\"]");
        assertThat(Base64.getDecoder().decode(saved.get("beforeValue").get("data").asText())).isEqualTo(seeded.getData());

        int rolledBack = admin("rollback", "--backup-dir", backups.toString(), "--report-dir", dir.resolve("rb").toString());

        assertThat(rolledBack).isZero();
        assertThat(Impacket.get(fleet.host(Hosts.NT4))).isEqualTo(seeded);
    }

    @Test
    void rollbackOverRrpRestoresEveryShapeByteForByte() throws Exception {
        for (String shape : new String[] {NT4_SINGLE_NUL, "ncadg_ip_udp\0\0ncacn_ip_tcp\0\0", "ncacn_ip_t\u0163p\0ncadg_ip_udp\0\0",
            "ncacn_ip_tcp\\0ncadg_ip_udp\0ncadg_ip_udp\0\0", "ncadg_ip_udp\0ncacn_ip_tcp"}) {
            RegistryValue seeded = utf16(shape);
            Impacket.set(fleet.host(Hosts.NT4), seeded);
            Path backups = dir.resolve("backups-" + shape.length());

            int remediated = admin("remediate", "--inventory", inventory(Hosts.NT4).toString(), "--report-dir",
                    dir.resolve("r").toString(), "--backup-dir", backups.toString());
            RegistryValue written = Impacket.get(fleet.host(Hosts.NT4));
            int rolledBack = admin("rollback", "--backup-dir", backups.toString(), "--report-dir", dir.resolve("rb").toString());

            String shown = UntrustedText.entry(shape);
            assertThat(remediated).as(shown).isEqualTo(2);
            assertThat(written.protocols("nt4")).as(shown).startsWith("ncacn_ip_tcp");
            assertThat(rolledBack).as(shown + ": " + console()).isZero();
            assertThat(Impacket.get(fleet.host(Hosts.NT4))).as(shown).isEqualTo(seeded);
        }
    }

    @Test
    void aConnectionResetIsUnreachableNotAProtocolError() throws Exception {
        String address = "127.0.0.120";
        SambaFleet.addLoopbackAddress(address);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(address, 445));
            Thread resetter = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        socket.setSoLinger(true, 0); // close with RST, as a host without SMB1 answers an SMB1 negotiate
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            resetter.setDaemon(true);
            resetter.start();
            Path inventory = Files.write(dir.resolve("reset.txt"), (address + " name=RESET\n").getBytes(StandardCharsets.UTF_8));

            int exit = admin("audit", "--inventory", inventory.toString(), "--report-dir", dir.resolve("r").toString());

            JsonNode host = host(dir.resolve("r"), "RESET");
            assertThat(exit).isEqualTo(3);
            assertThat(host.get("status").asText()).as(host.toString()).isEqualTo("UNREACHABLE");
        }
    }

    @Test
    void aWrongPasswordInAnyAlphabetIsAnAuthenticationFailureAndNeverShown() throws Exception {
        for (String wrong : new String[] {"Falsch-P\u00e4sswort", "\u043d\u0435\u0432\u0435\u0440\u043d\u044b\u0439",
            "\u9519\u8bef\u5bc6\u7801", "wrong password"}) {
            out.reset();
            int exit = run("LAB\\" + SambaHost.ADMIN, wrong, "audit", "--inventory", inventory(Hosts.WIN2000).toString(),
                    "--report-dir", dir.resolve("r").toString());

            JsonNode host = host(dir.resolve("r"), "WIN2000");
            assertThat(exit).isEqualTo(3);
            assertThat(host.get("status").asText()).as(wrong).isEqualTo("AUTH_FAILED");
            assertThat(host.get("channel").asText()).as("refused over SMB2/3 and never tried again over SMB1").isEqualTo("SMB 3.1.1");
            assertThat(console()).doesNotContain(wrong);
            assertThat(new String(Files.readAllBytes(dir.resolve("r/report.json")), StandardCharsets.UTF_8))
                    .doesNotContain(wrong).doesNotContain(UntrustedText.entry(wrong));
        }
    }

    @Test
    void aLookAlikeLetterIsNotReadAsTcpAndIsShownAsItsCodePoint() throws Exception {
        Impacket.set(fleet.host(Hosts.WIN2000), utf16("ncacn_ip_t\u0163p\0ncacn_spx\0\0"));

        int exit = admin("audit", "--inventory", inventory(Hosts.WIN2000).toString(), "--report-dir", dir.resolve("r").toString());

        JsonNode host = host(dir.resolve("r"), "WIN2000");
        assertThat(exit).isEqualTo(2);
        assertThat(host.get("status").asText()).isEqualTo("NON_COMPLIANT");
        assertThat(host.get("before").get(0).asText()).isEqualTo("ncacn_ip_t\u0163p");
        assertThat(host.toString()).contains("ncacn_ip_t\\\\u0163p");
        assertThat(console()).contains("ncacn_ip_t\\u0163p").doesNotContain("\u0163");
    }

    @Test
    void controlCharactersFromAHostLeaveEveryReportWellFormedAndTheTerminalAlone() throws Exception {
        String hostile = "ncacn_ip_tcp\u001B[2J\u0007\uD800\uFFFF</td><script>alert(1)</script>";
        Impacket.set(fleet.host(Hosts.WIN2000), utf16(hostile + "\0ncacn_spx\0\0"));
        Path reports = dir.resolve("r");

        int exit = admin("audit", "--inventory", inventory(Hosts.WIN2000).toString(), "--report-dir", reports.toString());

        assertThat(exit).isEqualTo(2);
        // Samba stores a lone surrogate as U+FFFD (it converts registry strings), so what counts is what impacket reads.
        String stored = Impacket.get(fleet.host(Hosts.WIN2000)).protocols("win2000").get(0);
        assertThat(stored).startsWith("ncacn_ip_tcp\u001B[2J\u0007").endsWith("\uFFFF</td><script>alert(1)</script>");
        assertThat(UntrustedText.entry(host(reports, "WIN2000").get("before").get(0).asText()))
                .as("report.json holds exactly what impacket reads").isEqualTo(UntrustedText.entry(stored));
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(reports.resolve("junit.xml").toFile());
        String html = new String(Files.readAllBytes(reports.resolve("index.html")), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("\u001B").doesNotContain("\u0007")
                .contains("\\u001B[2J");
        assertThat(console()).doesNotContain("\u001B").doesNotContain("\u0007").doesNotContain("\uFFFF");
    }

    @Test
    void aRefusedWriteLeavesNoBackupRecordThatRollbackCouldMisreport() throws Exception {
        Path backups = dir.resolve("backups");

        int exit = admin("remediate", "--inventory", inventory(Hosts.READ_ONLY).toString(), "--report-dir",
                dir.resolve("r").toString(), "--backup-dir", backups.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(host(dir.resolve("r"), "READ-ONLY").get("status").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(host(dir.resolve("r"), "READ-ONLY").get("backup").isNull()).isTrue();
        try (Stream<Path> files = Files.walk(backups)) {
            assertThat(files.filter(file -> file.toString().endsWith(".json"))).isEmpty();
        }
    }

    /**
     * Runs in a child process, as the command line does in production: jcifs reads its timeouts once per process,
     * and this test's JVM has fixed them already.
     */
    @Test
    void aHostWhoseSmbServiceHangsIsATimeoutNotAProtocolError() throws Exception {
        fleet.host(Hosts.NT4).freeze(true);
        ProcessBuilder child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DcomComplianceCommand.class.getName(), "audit",
                "--inventory", inventory(Hosts.NT4).toString(), "--report-dir", dir.resolve("r").toString(),
                "--transport", "rrp", "--user", "LAB\\" + SambaHost.ADMIN, "--password-env", "PW", "--timeout", "3",
                "--connect-timeout", "3").redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        child.environment().put("PW", SambaFleet.PASSWORD);
        Process process = child.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the audit ends by itself").isTrue();
        int exit = process.exitValue();

        JsonNode host = host(dir.resolve("r"), "NT4");
        assertThat(exit).isEqualTo(3);
        assertThat(host.get("status").asText()).as(host.toString()).isEqualTo("UNREACHABLE");
        assertThat(host.get("failure").asText()).isEqualTo("TIMEOUT");
    }

    @Test
    void aNonAsciiPasswordThatImpacketAcceptsIsAcceptedToo() throws Exception {
        String password = "P\u00e4ssw\u00f6rd-\u03a9-\u5bc6\u7801";
        fleet.host(Hosts.WIN2000).addUser(SambaHost.INTL, password);
        Impacket.python(Impacket.REG_PY.toString(), "LAB/" + SambaHost.INTL + ":" + password + "@"
                + fleet.host(Hosts.WIN2000).address(), "query", "-keyName", "HKLM\\SOFTWARE\\Microsoft\\Rpc");

        int exit = run("LAB\\" + SambaHost.INTL, password, "audit", "--inventory", inventory(Hosts.WIN2000).toString(),
                "--report-dir", dir.resolve("r").toString());

        JsonNode host = host(dir.resolve("r"), "WIN2000");
        assertThat(host.get("status").asText()).as(host.toString()).isEqualTo("COMPLIANT");
        assertThat(exit).isZero();
    }
}
