package io.jenkins.plugins.dcom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.HostStatus;
import io.jenkins.plugins.dcom.transport.FailureKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's line per host: columns a reader can scan down, the time in tenths of a second, the running counts. */
class ConsoleProgressTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ConsoleProgress progress = new ConsoleProgress(new PrintStream(printed, true));

    @Test
    void aHostsLineHasItsColumnsItsSecondsAndTheCounts() throws Exception {
        progress.hostFinished(new HostResult.Builder(target("10.0.0.7 name=NT4-0007"), "winrm")
                .status(HostStatus.NON_COMPLIANT, "ncacn_ip_tcp must be first").build(), 3, 100, 1, 2, 0);

        assertThat(line()).isEqualTo("[3/100] NT4-0007 (10.0.0.7)                      NON_COMPLIANT   ncacn_ip_tcp must be first "
                + "(0.0 s)  [ok 1, non-compliant 2, failed 0]");
    }

    @Test
    void aLongNameOrABackupStillReadsWell() throws Exception {
        String name = "a-host-name-longer-than-forty-characters-01";
        progress.hostFinished(new HostResult.Builder(target("10.0.0.8 name=" + name), "winrm")
                .backupFile("backups/r1/10.0.0.8.json").status(HostStatus.RESTART_PENDING, "written").build(), 1, 1, 0, 1, 0);

        assertThat(line()).isEqualTo("[1/1] " + name + " (10.0.0.8) RESTART_PENDING written (backup backups/r1/10.0.0.8.json) "
                + "(0.0 s)  [ok 0, non-compliant 1, failed 0]");
    }

    @Test
    void secondsAreShownToATenthRoundedHalfUp() {
        assertThat(ConsoleProgress.seconds(1449L)).isEqualTo("1.4");
        assertThat(ConsoleProgress.seconds(1450L)).isEqualTo("1.5");
        assertThat(ConsoleProgress.seconds(12_350L)).isEqualTo("12.4");
        assertThat(ConsoleProgress.seconds(49L)).isEqualTo("0.0");
        assertThat(ConsoleProgress.seconds(null)).isEqualTo("0.0");
    }

    @Test
    void whatAHostSentIsShownSafely() throws Exception {
        progress.hostFinished(new HostResult.Builder(target("10.0.0.9"), "rrp")
                .failed(HostStatus.UNREACHABLE, FailureKind.UNREACHABLE, "refused\u001b[31m").build(), 1, 1, 0, 0, 1);

        assertThat(line()).startsWith("[1/1] 10.0.0.9").contains("UNREACHABLE     refused").doesNotContain("\u001b")
                .endsWith("(0.0 s)  [ok 0, non-compliant 0, failed 1]");
    }

    private static Target target(String line) throws Exception {
        List<Target> targets = new InventoryParser().parse(line + "\n", "inventory").getTargets();
        return targets.get(0);
    }

    private String line() {
        return new String(printed.toByteArray(), StandardCharsets.UTF_8).trim();
    }
}
