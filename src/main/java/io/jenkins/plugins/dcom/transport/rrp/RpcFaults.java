package io.jenkins.plugins.dcom.transport.rrp;

import rpc.FaultException;

/** The status of a DCE/RPC fault PDU, as j-Interop's rpc layer reports it. */
final class RpcFaults {
    private RpcFaults() {
    }

    /** @return the fault status, or {@code null} when no fault PDU is behind the failure */
    static Integer code(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FaultException) {
                return ((FaultException) cause).status;
            }
        }
        return null;
    }
}
