package io.jenkins.plugins.dcom.transport.rrp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.transport.RestartRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opnum 30 first; opnum 24 only where the server does not have 30 (Samba has it, so this path is proven here). */
class ShutdownRequestsTest {
    private final List<Integer> opnums = new ArrayList<>();

    private int send(int firstAnswer) throws Exception {
        return ShutdownRequests.send((opnum, stub) -> {
            opnums.add(opnum);
            return opnum == WinregStubs.SHUTDOWN_EX ? firstAnswer : 0;
        }, new RestartRequest(60, "DCOM order"));
    }

    @Test
    void shouldUseTheExtendedCallWithTheReasonWhenTheServerHasIt() throws Exception {
        assertThat(send(0)).isZero();
        assertThat(opnums).containsExactly(30);
    }

    @Test
    void shouldFallBackToTheLegacyCallWhereOpnum30IsUnknown() throws Exception {
        assertThat(send(WinErrors.RPC_NCA_OP_RNG_ERROR)).isZero();
        assertThat(opnums).containsExactly(30, 24);
    }

    @Test
    void shouldNotRetryARefusal() throws Exception {
        int status = send(WinErrors.ERROR_ACCESS_DENIED);

        assertThat(status).isEqualTo(WinErrors.ERROR_ACCESS_DENIED);
        assertThat(io.jenkins.plugins.dcom.transport.ShutdownAnswers.isRestarting(status)).isFalse();
        assertThat(opnums).containsExactly(30);
    }
}
