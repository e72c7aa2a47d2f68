package io.jenkins.plugins.dcom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.contract.ReportSet;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.transport.winrm.LabFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run says about itself is true: its duration, its closing line, its report set, its input errors. */
class ReportTruthTest {
    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner();

    /** @return an inventory of hosts on loopback addresses where nothing listens: each is refused at once */
    private Path refusingHosts(int count) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            lines.append("127.0.").append(100 + i / 250).append('.').append(1 + i % 250).append(":5985\n");
        }
        return Files.write(dir.resolve("refusing.txt"), lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private int audit(Path inventory, Path reports) {
        return cli.run("audit", "--inventory", inventory.toString(), "--user", "labadmin", "--password-env", "LAB_PASSWORD",
                "--connect-timeout", "2", "--report-dir", reports.toString());
    }

    @Test
    void theRunsDurationCoversItsHosts() throws Exception {
        try (LabFleet fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("SLOW", "ncacn_ip_tcp").latency(100)), false)) {
            assertThat(audit(fleet.writeInventory(dir.resolve("inventory.txt")), dir)).as(cli.output()).isZero();

            JsonNode run = new ObjectMapper().readTree(dir.resolve(ReportSet.JSON).toFile()).get("run");
            assertThat(run.get("durationMillis").asLong()).as("at least one request of 100 ms").isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void theClosingLineNamesAFewFailedHostsAndCountsTheRest() throws Exception {
        assertThat(audit(refusingHosts(40), dir.resolve("reports"))).isEqualTo(3);

        String closing = cli.output().substring(cli.output().lastIndexOf("Exit code 3"));
        assertThat(closing).contains("and 30 more (the reports list every host)").hasSizeLessThan(1_000);
    }

    @Test
    void anInventoryErrorShowsTheLineAsUntrustedTextIsShown() throws Exception {
        Path inventory = Files.write(dir.resolve("bad.txt"), "site01 role=\u001b[2Jconsole\n".getBytes(StandardCharsets.UTF_8));

        assertThat(audit(inventory, dir)).isEqualTo(1);
        assertThat(cli.output()).contains("role '\\u001B[2Jconsole' is unknown").doesNotContain("\u001b");
    }

    @Test
    void aReportFolderThatFillsUpHoldsNoReportSetRatherThanHalfOfOne() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("small-disk"));
        assumeTrue(command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString()), "needs root to mount a tmpfs");
        try {
            Files.write(disk.resolve(ReportSet.JSON), "{\"an earlier run\": true}".getBytes(StandardCharsets.UTF_8));

            int exit = audit(refusingHosts(300), disk);

            assertThat(exit).as(cli.output()).isEqualTo(4);
            assertThat(cli.output()).contains("The reports could not be written").contains("127.0.101.51");
            for (String name : ReportSet.FILES) {
                assertThat(disk.resolve(name)).as(name + " of a run that could not write its reports").doesNotExist();
            }
        } finally {
            command("umount", disk.toString());
        }
    }

    private static boolean command(String... words) throws Exception {
        Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
