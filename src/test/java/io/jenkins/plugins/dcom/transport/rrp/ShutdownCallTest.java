package io.jenkins.plugins.dcom.transport.rrp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.transport.RestartRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The encoded [MS-RSP] request itself: Samba's shutdown script receives neither the delay nor (reliably) the
 * reason, so they are proven here, field by field, in NDR little-endian layout.
 */
class ShutdownCallTest {
    private static ByteBuffer encode(int opnum, String message, int delay, int reason) {
        return ByteBuffer.wrap(WinregStubs.shutdown(opnum, message, delay, true, reason)).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void shouldEncodeTheMessageDelayRebootFlagAndPlannedReason() {
        ByteBuffer request = encode(WinregStubs.SHUTDOWN_EX, "Hi", 45, RestartRequest.REASON_PLANNED_OS_RECONFIG);

        assertThat(request.getInt(0)).as("ServerName: null pointer").isZero();
        assertThat(request.getInt(4)).as("lpMessage: a referent").isNotZero();
        assertThat(request.getShort(8)).as("Length in bytes").isEqualTo((short) 4);
        assertThat(request.getShort(10)).as("MaximumLength in bytes").isEqualTo((short) 6);
        assertThat(request.getInt(16)).as("maximum count").isEqualTo(3);
        assertThat(request.getInt(20)).as("offset").isZero();
        assertThat(request.getInt(24)).as("actual count").isEqualTo(2);
        assertThat(new String(request.array(), 28, 4, java.nio.charset.StandardCharsets.UTF_16LE)).isEqualTo("Hi");
        assertThat(request.getInt(32)).as("dwTimeout, seconds").isEqualTo(45);
        assertThat(request.get(36)).as("bForceAppsClosed: a delay above 0 forces, as shutdown /t does").isEqualTo((byte) 1);
        assertThat(request.get(37)).as("bRebootAfterShutdown").isEqualTo((byte) 1);
        assertThat(request.getInt(40)).as("dwReason").isEqualTo(0x80020004);
        assertThat(request.limit()).isEqualTo(44);
    }

    @Test
    void shouldLeaveTheReasonOutOfTheLegacyCall() {
        ByteBuffer request = encode(WinregStubs.SHUTDOWN_LEGACY, "Hi", 600, 0);

        assertThat(request.getInt(32)).isEqualTo(600);
        assertThat(request.get(37)).isEqualTo((byte) 1);
        assertThat(request.limit()).isEqualTo(38);
    }

    @Test
    void shouldPadAnOddLengthMessageBeforeTheTimeout() {
        ByteBuffer request = encode(WinregStubs.SHUTDOWN_EX, "abc", 7, 1);

        assertThat(request.getInt(24)).isEqualTo(3);
        assertThat(request.getInt(36)).as("6 bytes of text padded to 8, then dwTimeout").isEqualTo(7);
    }

    @Test
    void shouldForceApplicationsClosedOnlyWithADelayAsShutdownExeDoes() {
        assertThat(encode(WinregStubs.SHUTDOWN_EX, "Hi", 0, 0x80020004).get(36)).isZero();
        assertThat(encode(WinregStubs.SHUTDOWN_EX, "Hi", 1, 0x80020004).get(36)).isEqualTo((byte) 1);
    }
}
