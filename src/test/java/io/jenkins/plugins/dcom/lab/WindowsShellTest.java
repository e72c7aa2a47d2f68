package io.jenkins.plugins.dcom.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab answers as cmd.exe, reg.exe and shutdown.exe print on Windows (texts in docs/lab.md). */
class WindowsShellTest {
    private final LabRegistry registry = new LabRegistry("REG_MULTI_SZ", Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp"));
    private final List<RestartRecord> restarts = new ArrayList<>();
    private final WindowsShell shell = new WindowsShell("SMS-SITE-01", registry, false, restarts::add);

    @Test
    void aFailedCommandBeforeAndAndSkipsOnlyTheNextCommandAsCmdDoes() {
        // cmd.exe: in "a && b & c", b runs only when a succeeded, c whatever a answered
        CommandOutput output = new WindowsShell("H", new LabRegistry(null, new ArrayList<String>()), false, restarts::add)
                .execute("reg query HKLM\\SOFTWARE\\Microsoft\\Rpc /v \"DCOM Protocols\" && reg add HKLM\\SOFTWARE\\Microsoft\\Rpc "
                        + "/v \"DCOM Protocols\" /t REG_MULTI_SZ /d x_y /f & reg query HKLM\\SOFTWARE\\Microsoft\\Rpc");

        assertThat(output.stdout).as("the add was skipped, the last query ran").doesNotContain("x_y")
                .contains("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Rpc");
        assertThat(output.exitCode).isZero();
    }

    @Test
    void shouldPrintRegQueryLikeWindows() {
        CommandOutput output = shell.execute("reg query HKLM\\SOFTWARE\\Microsoft\\Rpc /v \"DCOM Protocols\"");

        assertThat(output.exitCode).isZero();
        assertThat(output.stdout).isEqualTo("\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Rpc\r\n"
                + "    DCOM Protocols    REG_MULTI_SZ    ncadg_ip_udp\\0ncacn_ip_tcp\r\n\r\n");
    }

    @Test
    void shouldStripTheOuterQuotesAsCmdSlashCDoes() {
        CommandOutput output = shell.execute("\"reg query HKLM\\SOFTWARE\\Microsoft\\Rpc /v \"DCOM Protocols\"\"");

        assertThat(output.exitCode).isZero();
        assertThat(output.stdout).contains("REG_MULTI_SZ");
    }

    @Test
    void shouldAnswerAMissingValueWithRegsErrorAndExitOne() {
        CommandOutput output = new WindowsShell("H", new LabRegistry(null, new ArrayList<String>()), false, restarts::add)
                .execute("reg query HKLM\\SOFTWARE\\Microsoft\\Rpc /v \"DCOM Protocols\"");

        assertThat(output.exitCode).isEqualTo(1);
        assertThat(output.stderr).isEqualTo("ERROR: The system was unable to find the specified registry key or value.\r\n");
    }

    @Test
    void shouldWriteAMultiStringAndRunTheChainedQueryOnlyOnSuccess() {
        CommandOutput output = shell.execute("reg add HKLM\\SOFTWARE\\Microsoft\\Rpc /v \"DCOM Protocols\" /t REG_MULTI_SZ "
                + "/d ncacn_ip_tcp\\0ncadg_ip_udp /f && reg query HKLM\\SOFTWARE\\Microsoft\\Rpc /v \"DCOM Protocols\"");

        assertThat(output.stdout).startsWith("The operation completed successfully.\r\n").contains("ncacn_ip_tcp\\0ncadg_ip_udp");
        assertThat(registry.data()).containsExactly("ncacn_ip_tcp", "ncadg_ip_udp");
    }

    @Test
    void shouldNotOverwriteWithoutSlashF() {
        CommandOutput output = shell.execute("reg add HKLM\\SOFTWARE\\Microsoft\\Rpc /v \"DCOM Protocols\" /t REG_MULTI_SZ /d x_y");

        assertThat(output.exitCode).isEqualTo(1);
        assertThat(registry.data()).containsExactly("ncadg_ip_udp", "ncacn_ip_tcp");
    }

    @Test
    void shouldDenyWritesAndRestartsOnAReadOnlyHost() {
        WindowsShell readOnly = new WindowsShell("RO-HOST", registry, true, restarts::add);

        assertThat(readOnly.execute("reg add HKLM\\SOFTWARE\\Microsoft\\Rpc /v \"DCOM Protocols\" /t REG_MULTI_SZ /d a_b /f").stderr)
                .isEqualTo("ERROR: Access is denied.\r\n");
        CommandOutput shutdown = readOnly.execute("shutdown /r /t 60 /c \"fix\" /d p:2:4");
        assertThat(shutdown.exitCode).isEqualTo(5);
        assertThat(shutdown.stderr).isEqualTo("RO-HOST: Access is denied.(5)\r\n");
        assertThat(restarts).isEmpty();
    }

    @Test
    void shouldRecordARestartWithItsDelayCommentAndReason() {
        CommandOutput output = shell.execute("shutdown /r /t 45 /c \"DCOM protocol order (KB272937)\" /d p:2:4");

        assertThat(output.exitCode).isZero();
        assertThat(restarts).singleElement().satisfies(r -> {
            assertThat(r.getDelaySeconds()).isEqualTo(45);
            assertThat(r.getComment()).isEqualTo("DCOM protocol order (KB272937)");
            assertThat(r.getReason()).isEqualTo("p:2:4");
        });
    }

    @Test
    void shouldAnswerAnyOtherCommandAsCmdDoes() {
        CommandOutput output = shell.execute("format c: /q");

        assertThat(output.exitCode).isEqualTo(1);
        assertThat(output.stderr).isEqualTo("'format' is not recognized as an internal or external command,\r\n"
                + "operable program or batch file.\r\n");
    }
}
