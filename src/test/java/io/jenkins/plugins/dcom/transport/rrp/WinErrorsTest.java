package io.jenkins.plugins.dcom.transport.rrp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.TransportException;
import org.junit.jupiter.api.Test;

/**
 * What Windows answers when the winreg pipe has no server: Samba always serves it (rpc_server:winreg = disabled
 * does not remove it in 4.17), so this answer is classified here, not produced by a fixture.
 */
class WinErrorsTest {
    @Test
    void aMissingWinregPipeIsTheRemoteRegistryServiceNotAMissingValue() {
        assertThat(WinErrors.isPipeMissing(WinErrors.NT_STATUS_OBJECT_NAME_NOT_FOUND)).isTrue();
        assertThat(WinErrors.isPipeMissing(WinErrors.NT_STATUS_PIPE_NOT_AVAILABLE)).isTrue();
        assertThat(WinErrors.isPipeMissing(WinErrors.ERROR_FILE_NOT_FOUND)).isFalse();

        TransportException classified = WinErrors.remoteRegistryNotRunning("w2k19", WinErrors.NT_STATUS_OBJECT_NAME_NOT_FOUND);

        assertThat(classified.getKind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(classified.getDetail()).contains("Remote Registry service is not running on w2k19")
                .contains("sc \\\\w2k19 start RemoteRegistry").contains("0xC0000034");
    }

    @Test
    void aValueThatDoesNotExistStaysAMissingValue() {
        assertThat(WinErrors.of("nt4", WinErrors.ERROR_FILE_NOT_FOUND, "reading DCOM Protocols").getKind())
                .isEqualTo(FailureKind.VALUE_MISSING);
    }
}
