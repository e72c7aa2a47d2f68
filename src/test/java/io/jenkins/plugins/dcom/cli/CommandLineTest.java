package io.jenkins.plugins.dcom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.lab.LabFault;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as scripts and the plugin use it: exit codes, messages, reports, and no secret anywhere. */
class CommandLineTest {
    private static final Map<String, String> ENV = Collections.singletonMap("LAB_PASSWORD", LabFixture.PASSWORD);
    private static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp"};

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DcomComplianceCommand.execute(args, new PrintStream(out, true), new PrintStream(err, true), ENV);
    }

    private String output() {
        return new String(out.toByteArray(), StandardCharsets.UTF_8) + new String(err.toByteArray(), StandardCharsets.UTF_8);
    }

    private int runAgainst(LabFleet fleet, String command, String... more) throws Exception {
        Path inventory = fleet.writeInventory(dir.resolve("inventory.txt"));
        List<String> args = new ArrayList<>(Arrays.asList(command, "--inventory", inventory.toString(), "--user", "labadmin",
                "--password-env", "LAB_PASSWORD", "--report-dir", dir.resolve("report").toString()));
        args.addAll(Arrays.asList(more));
        return run(args.toArray(new String[0]));
    }

    @Test
    void shouldExitZeroWhenEveryHostComplies() throws Exception {
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("W2K", "ncacn_ip_tcp")), false)) {
            assertThat(runAgainst(fleet, "audit")).isZero();
            assertThat(output()).contains("[1/1] W2K").contains("COMPLIANT").contains("Exit code 0");
        }
    }

    @Test
    void aHostMarkedWinrmHttpsIsReachedOverHttpsWhileTheRestUseTheDefault() throws Exception {
        try (LabFleet plain = LabFixture.start(Arrays.asList(LabHostSpec.host("PLAIN", "ncacn_ip_tcp")), false);
                LabFleet tls = LabFixture.start(Arrays.asList(LabHostSpec.host("TLS", "ncacn_ip_tcp")), true)) {
            Path inventory = Files.write(dir.resolve("mixed.txt"), (plain.inventory() + tls.host("TLS").address() + ":"
                    + tls.host("TLS").port() + " name=TLS winrm=https\n").getBytes(StandardCharsets.UTF_8));

            assertThat(run("audit", "--inventory", inventory.toString(), "--user", "labadmin", "--password-env", "LAB_PASSWORD",
                    "--truststore", tls.truststore().toString(), "--report-dir", dir.resolve("mixed").toString())).as(output()).isZero();
            assertThat(tls.host("TLS").counters().handshakes()).isPositive();
            assertThat(plain.host("PLAIN").counters().sealedMessages()).isPositive();
        }
    }

    @Test
    void shouldExitTwoForANonCompliantHostAndThreeWhenAnotherIsUnreachable() throws Exception {
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", NT4)), false)) {
            assertThat(runAgainst(fleet, "audit")).isEqualTo(2);
        }
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", NT4),
                LabHostSpec.host("DOWN", NT4).fault(LabFault.UNREACHABLE)), false)) {
            assertThat(runAgainst(fleet, "audit")).isEqualTo(3);
            assertThat(output()).contains("Exit code 3").contains("DOWN");
        }
    }

    @Test
    void shouldWriteEveryReportListingFailedHostsToo() throws Exception {
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", NT4),
                LabHostSpec.host("BADPW", NT4).fault(LabFault.WRONG_PASSWORD)), false)) {
            runAgainst(fleet, "audit");
        }
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report/report.json").toFile());
        assertThat(report.get("hosts")).hasSize(2);
        assertThat(report.get("hosts").get(1).get("status").asText()).isEqualTo("AUTH_FAILED");
        assertThat(new String(Files.readAllBytes(dir.resolve("report/junit.xml")), StandardCharsets.UTF_8))
                .contains("tests=\"2\"").contains("<error type=\"AUTH_FAILED\"");
        assertThat(dir.resolve("report/index.html")).exists();
    }

    @Test
    void shouldNeverPrintOrReportThePassword() throws Exception {
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", NT4),
                LabHostSpec.host("BADPW", NT4).fault(LabFault.WRONG_PASSWORD)), false)) {
            runAgainst(fleet, "remediate");
        }
        assertThat(output()).doesNotContain(LabFixture.PASSWORD);
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!file.getFileName().toString().equals("inventory.txt")) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).as(file.toString())
                            .doesNotContain(LabFixture.PASSWORD);
                }
            }
        }
    }

    @Test
    void shouldExitOneNamingTheLineOfABadInventory() throws Exception {
        Path inventory = Files.write(dir.resolve("bad.txt"), "server01\nserver;02\n".getBytes(StandardCharsets.UTF_8));

        int exit = run("audit", "--inventory", inventory.toString(), "--user", "u", "--password-env", "LAB_PASSWORD");

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("bad.txt line 2").contains("server;02");
    }

    @Test
    void shouldExitOneWhenThePasswordVariableIsMissing() throws Exception {
        Path inventory = Files.write(dir.resolve("i.txt"), "server01\n".getBytes(StandardCharsets.UTF_8));

        assertThat(run("audit", "--inventory", inventory.toString(), "--user", "u", "--password-env", "NOPE")).isEqualTo(1);
        assertThat(output()).contains("--password-env NOPE").contains("not set");
    }

    @Test
    void shouldRefuseADryRunThatAsksForARestart() throws Exception {
        Path inventory = Files.write(dir.resolve("i.txt"), "server01\n".getBytes(StandardCharsets.UTF_8));

        assertThat(run("remediate", "--inventory", inventory.toString(), "--user", "u", "--password-env", "LAB_PASSWORD",
                "--dry-run", "--restart")).isEqualTo(1);
        assertThat(output()).contains("contradict");
    }

    @Test
    void shouldRefuseAnUnsafeRestartComment() throws Exception {
        Path inventory = Files.write(dir.resolve("i.txt"), "server01\n".getBytes(StandardCharsets.UTF_8));

        assertThat(run("remediate", "--inventory", inventory.toString(), "--user", "u", "--password-env", "LAB_PASSWORD",
                "--restart", "--restart-comment", "fix\" & format c: & \"")).isEqualTo(1);
        assertThat(output()).contains("restart comment");
    }

    @Test
    void shouldExitOneForAnUnknownOption() {
        assertThat(run("audit", "--password", "secret")).isEqualTo(1);
    }

    @Test
    void shouldOfferHelpOnEveryCommand() {
        for (String command : new String[] {"audit", "remediate", "rollback", "lab", "demo"}) {
            out.reset();
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(output()).contains("Usage: dcom-compliance " + command);
        }
    }

    @Test
    void shouldRefuseADamagedBackupRecordNamingTheRun() throws Exception {
        Path run = Files.createDirectories(dir.resolve("backups/20260101T000000Z"));
        Files.write(run.resolve("x.json"), ("{\"schema\":1,\"runId\":\"r\",\"host\":\"bad host;rm\",\"port\":null,"
                + "\"transport\":\"winrm\",\"savedAt\":\"t\",\"before\":[\"a_b\"],\"written\":[\"c_d\"]}").getBytes(StandardCharsets.UTF_8));

        int exit = run("rollback", "--backup-dir", dir.resolve("backups").toString(), "--user", "u", "--password-env", "LAB_PASSWORD");

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains("20260101T000000Z").contains("damaged");
    }

    @Test
    void shouldRemediateThenRollBackFromTheCommandLine() throws Exception {
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", NT4)), false)) {
            assertThat(runAgainst(fleet, "remediate", "--backup-dir", dir.resolve("backups").toString())).isEqualTo(2);
            assertThat(fleet.host("NT4").registry().data()).containsExactly("ncacn_ip_tcp", "ncadg_ip_udp");

            int exit = run("rollback", "--backup-dir", dir.resolve("backups").toString(), "--user", "labadmin",
                    "--password-env", "LAB_PASSWORD", "--report-dir", dir.resolve("rollback").toString());

            assertThat(exit).isZero();
            assertThat(fleet.host("NT4").registry().data()).containsExactly(NT4);
        }
    }
}
