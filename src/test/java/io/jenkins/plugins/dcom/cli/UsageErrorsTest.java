package io.jenkins.plugins.dcom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.transport.winrm.LabFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that is wrong before any host is contacted is one usage error (exit 1) whose message names the option or
 * line and the fix, never an "unexpected ... please report it", a per-host failure, or a process out of memory.
 */
class UsageErrorsTest {
    private static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp"};

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(List<String> args) {
        Map<String, String> env = new HashMap<>();
        env.put("LAB_PASSWORD", LabFixture.PASSWORD);
        env.put("UMLAUT_PASSWORD", "Gr\u00fc\u00dfe-Passw0rt");
        return DcomComplianceCommand.execute(args.toArray(new String[0]), new PrintStream(out, true), new PrintStream(out, true), env);
    }

    private String output() {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private Path inventory(String text) throws Exception {
        return Files.write(dir.resolve("inventory.txt"), text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> audit(Path inventory, String... more) {
        List<String> args = new ArrayList<>(Arrays.asList("audit", "--inventory", inventory.toString(), "--user", "labadmin",
                "--password-env", "LAB_PASSWORD", "--report-dir", dir.resolve("report").toString()));
        args.addAll(Arrays.asList(more));
        return args;
    }

    static Stream<Arguments> badNumbers() {
        return Stream.of(
                Arguments.of("--timeout", "3000000"), Arguments.of("--timeout", "0"), Arguments.of("--timeout", "99999999999"),
                Arguments.of("--connect-timeout", "-1"), Arguments.of("--concurrency", "0"), Arguments.of("--concurrency", "100000"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badNumbers")
    void aNumberOutOfRangeIsAUsageErrorNamingTheOption(String option, String value) throws Exception {
        int exit = run(audit(inventory("127.0.0.1:1\n"), option, value));

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains(option).doesNotContain("unexpected").doesNotContain("Exception");
    }

    @Test
    void restartNumbersOutOfRangeAreUsageErrors() throws Exception {
        for (String[] bad : new String[][] {{"--restart-poll", "0"}, {"--restart-wait-up", "-5"}, {"--restart-delay", "315360001"}}) {
            List<String> args = audit(inventory("127.0.0.1:1\n"));
            args.set(0, "remediate");
            args.addAll(Arrays.asList("--restart", bad[0], bad[1]));
            out.reset();
            assertThat(run(args)).as(bad[0]).isEqualTo(1);
            assertThat(output()).contains(bad[0]).doesNotContain("unexpected");
        }
    }

    @Test
    void rolloutOptionsThatCannotWorkAreUsageErrorsBeforeAnythingIsTouched() throws Exception {
        String[][] cases = {{"--wave-size", "0"}, {"--wave-size", "ten"}, {"--wave-size", "150%"}, {"--canary", "-1"},
            {"--site-servers", "middle"}, {"--auto-revert"}, {"--dry-run", "--wave-size", "2"}};
        for (String[] bad : cases) {
            List<String> args = audit(inventory("127.0.0.1:1\n"));
            args.set(0, "remediate");
            args.addAll(Arrays.asList(bad));
            out.reset();
            assertThat(run(args)).as(String.join(" ", bad)).isEqualTo(1);
            assertThat(output()).as(String.join(" ", bad)).containsAnyOf("--wave-size", "--canary", "--site-servers", "--auto-revert",
                    "dry run").doesNotContain("unexpected").doesNotContain("Exception");
        }
    }

    @Test
    void rollbackWithConcurrencyZeroIsAUsageError() throws Exception {
        Files.createDirectories(dir.resolve("backups/r1"));
        int exit = run(Arrays.asList("rollback", "--backup-dir", dir.resolve("backups").toString(), "--user", "labadmin",
                "--password-env", "LAB_PASSWORD", "--concurrency", "0"));

        assertThat(exit).isEqualTo(1);
        assertThat(output()).doesNotContain("unexpected");
    }

    @Test
    void aMalformedIpv6LiteralIsAUsageErrorNotAHostToResolve() throws Exception {
        for (String bad : new String[] {"[1:2:3]", "[fe80::1::2]", "[12345::1]", "[::ffff:1.2.3]"}) {
            out.reset();
            assertThat(run(audit(inventory(bad + ":5985\n")))).as(bad).isEqualTo(1);
            assertThat(output()).contains("line 1").contains("IPv6");
        }
    }

    @Test
    void theSameHostWithAndWithoutItsDefaultPortIsOneHostListedTwice() throws Exception {
        int exit = run(audit(inventory("server01\nSERVER01:5985\n")));

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("line 2").contains("line 1").contains("same machine");
    }

    @Test
    void aTruststoreThatIsNotAKeystoreFailsOnceUpFront() throws Exception {
        Path fake = Files.write(dir.resolve("trust.p12"), "not a keystore".getBytes(StandardCharsets.UTF_8));
        List<String> args = audit(inventory("server01\nserver02\n"), "--https", "--truststore", fake.toString());

        assertThat(run(args)).isEqualTo(1);
        assertThat(output()).contains("--truststore").contains("not a PKCS12 or JKS keystore").doesNotContain("[1/2]");
    }

    @Test
    void anEndlessInventoryOrPasswordFileIsRefusedNotReadToTheEnd() throws Exception {
        assertThat(run(audit(Path.of("/dev/zero")))).isEqualTo(1);
        assertThat(output()).contains("/dev/zero").contains("not a regular file");
        out.reset();
        List<String> args = audit(inventory("server01\n"));
        args.set(args.indexOf("--password-env"), "--password-file");
        args.set(args.indexOf("LAB_PASSWORD"), "/dev/zero");

        assertThat(run(args)).isEqualTo(1);
        assertThat(output()).contains("--password-file").contains("not a regular file");
    }

    @Test
    void aReportDirThatIsAFileStopsRemediationBeforeAnyHostIsChanged() throws Exception {
        Path file = Files.write(dir.resolve("report-file"), new byte[] {1});
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", NT4)), false)) {
            Path inventory = fleet.writeInventory(dir.resolve("fleet.txt"));
            int exit = run(Arrays.asList("remediate", "--inventory", inventory.toString(), "--user", "labadmin",
                    "--password-env", "LAB_PASSWORD", "--report-dir", file.toString()));

            assertThat(exit).isEqualTo(1);
            assertThat(output()).contains("--report-dir").contains("is a file");
            assertThat(fleet.host("NT4").registry().data()).containsExactly(NT4);
        }
    }

    @Test
    void anUnwritableBackupDirStopsRemediationBeforeAnyHostIsChanged() throws Exception {
        Path file = Files.write(dir.resolve("backup-file"), new byte[] {1});
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", NT4)), false)) {
            Path inventory = fleet.writeInventory(dir.resolve("fleet.txt"));
            int exit = run(Arrays.asList("remediate", "--inventory", inventory.toString(), "--user", "labadmin",
                    "--password-env", "LAB_PASSWORD", "--report-dir", dir.resolve("r").toString(),
                    "--backup-dir", file.toString()));

            assertThat(exit).isEqualTo(1);
            assertThat(output()).contains("--backup-dir");
            assertThat(fleet.host("NT4").registry().data()).containsExactly(NT4);
        }
    }

    @Test
    void aBackupRecordOfAnUnknownSchemaIsAUsageErrorNamingTheFile() throws Exception {
        Path run = Files.createDirectories(dir.resolve("backups/20261201T000000Z"));
        Files.write(run.resolve("server01.json"), ("{\"schema\": 99, \"runId\": \"r\", \"host\": \"server01\", \"port\": null, "
                + "\"transport\": \"winrm\", \"savedAt\": \"x\", \"before\": [\"a\"], \"written\": [\"b\"]}")
                .getBytes(StandardCharsets.UTF_8));

        int exit = run(Arrays.asList("rollback", "--backup-dir", dir.resolve("backups").toString(), "--user", "labadmin",
                "--password-env", "LAB_PASSWORD"));

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("server01.json").contains("schema 99");
    }

    @Test
    void reportsThatCannotBeWrittenAfterTheRunExitFourAndTheConsoleSaysWhatChanged() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("r"));
        Files.createDirectories(reports.resolve("index.html")); // a folder where the report file must go
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", NT4)), false)) {
            Path inventory = fleet.writeInventory(dir.resolve("fleet.txt"));
            int exit = run(Arrays.asList("remediate", "--inventory", inventory.toString(), "--user", "labadmin",
                    "--password-env", "LAB_PASSWORD", "--report-dir", reports.toString()));

            assertThat(exit).isEqualTo(4);
            assertThat(fleet.host("NT4").registry().data()).containsExactly("ncacn_ip_tcp", "ncadg_ip_udp");
            assertThat(output()).contains("NT4").contains("RESTART_PENDING").contains("backup ")
                    .contains("reports could not be written");
        }
    }

    @Test
    void aReportFileThatIsALinkIsReplacedAndWhatItPointsToIsLeftAlone() throws Exception {
        Path secret = Files.write(dir.resolve("secret.key"), "master-key-bytes".getBytes(StandardCharsets.UTF_8));
        Path reports = Files.createDirectories(dir.resolve("r"));
        for (String name : new String[] {"index.html", "report.json", "junit.xml", "report.css"}) {
            Files.createSymbolicLink(reports.resolve(name), secret);
        }
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", NT4)), false)) {
            Path inventory = fleet.writeInventory(dir.resolve("fleet.txt"));
            int exit = run(Arrays.asList("audit", "--inventory", inventory.toString(), "--user", "labadmin",
                    "--password-env", "LAB_PASSWORD", "--report-dir", reports.toString()));

            assertThat(exit).isEqualTo(2);
        }
        assertThat(new String(Files.readAllBytes(secret), StandardCharsets.UTF_8)).isEqualTo("master-key-bytes");
        assertThat(Files.isSymbolicLink(reports.resolve("index.html"))).isFalse();
        assertThat(new String(Files.readAllBytes(reports.resolve("index.html")), StandardCharsets.UTF_8)).contains("NT4");
    }

    @Test
    void aReportFolderThatIsALinkIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("report-link"), elsewhere);

        List<String> args = audit(inventory("server01\n"));
        args.set(args.indexOf("--report-dir") + 1, link.toString());
        int exit = run(args);

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("--report-dir").contains("symbolic link");
        try (java.util.stream.Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aNonAsciiPasswordIsNeverSentWithBasic() throws Exception {
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", NT4)), false)) {
            Path inventory = fleet.writeInventory(dir.resolve("fleet.txt"));
            int exit = run(Arrays.asList("audit", "--inventory", inventory.toString(), "--user", "labadmin",
                    "--password-env", "UMLAUT_PASSWORD", "--auth", "basic", "--allow-http", "--report-dir",
                    dir.resolve("r").toString()));

            assertThat(exit).isEqualTo(3);
            assertThat(output()).contains("outside ASCII").contains("nothing was sent");
            assertThat(fleet.host("NT4").counters().requests()).isZero();
        }
    }
}
