package io.jenkins.plugins.dcom.transport.rrp;

import io.jenkins.plugins.dcom.transport.RestartRequest;
import io.jenkins.plugins.dcom.transport.TransportException;

/**
 * Asks for a restart with BaseInitiateSystemShutdownEx (opnum 30, with the planned reason) and falls back to
 * BaseInitiateSystemShutdown (opnum 24, no reason) where the server does not have opnum 30.
 */
final class ShutdownRequests {
    /** Sends one call on the winreg pipe and returns the WERROR or RPC fault status. */
    interface Invoker {
        int invoke(int opnum, byte[] stub) throws TransportException;
    }

    private ShutdownRequests() {
    }

    /** @return the status of the last call sent, judged by {@code ShutdownAnswers} */
    static int send(Invoker invoker, RestartRequest request) throws TransportException {
        int status = invoker.invoke(WinregStubs.SHUTDOWN_EX, WinregStubs.shutdown(WinregStubs.SHUTDOWN_EX, request.getComment(),
                request.getDelaySeconds(), true, request.getReasonCode()));
        if (lacksOpnum30(status)) {
            status = invoker.invoke(WinregStubs.SHUTDOWN_LEGACY, WinregStubs.shutdown(WinregStubs.SHUTDOWN_LEGACY,
                    request.getComment(), request.getDelaySeconds(), true, 0));
        }
        return status;
    }

    private static boolean lacksOpnum30(int status) {
        return status == WinErrors.ERROR_CALL_NOT_IMPLEMENTED || status == WinErrors.ERROR_NOT_SUPPORTED
                || status == WinErrors.RPC_NCA_OP_RNG_ERROR || status == WinErrors.ERROR_INVALID_PARAMETER;
    }
}
