package io.jenkins.plugins.dcom.transport.rrp;

import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import jcifs.smb.SmbException;
import org.jinterop.dcom.common.JIException;

/**
 * Turns what j-Interop and jcifs throw into classified failures with real Windows messages (j-Interop itself
 * says "Message not found for errorCode: 0x00000005").
 */
final class WinErrors {
    static final int ERROR_FILE_NOT_FOUND = 2;
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_BAD_NETPATH = 53;
    static final int ERROR_NOT_SUPPORTED = 50;
    static final int ERROR_INVALID_PARAMETER = 87;
    static final int ERROR_CALL_NOT_IMPLEMENTED = 120;
    static final int NT_STATUS_ACCESS_DENIED = 0xC0000022;
    static final int NT_STATUS_LOGON_FAILURE = 0xC000006D;
    static final int NT_STATUS_ACCOUNT_RESTRICTION = 0xC000006E;
    static final int NT_STATUS_PASSWORD_EXPIRED = 0xC0000071;
    static final int NT_STATUS_ACCOUNT_DISABLED = 0xC0000072;
    static final int NT_STATUS_ACCOUNT_LOCKED_OUT = 0xC0000234;
    static final int NT_STATUS_BAD_NETWORK_NAME = 0xC00000CC;
    static final int NT_STATUS_OBJECT_NAME_NOT_FOUND = 0xC0000034;
    /** The pipe exists but its server is still starting (Remote Registry's trigger start). */
    static final int NT_STATUS_PIPE_NOT_AVAILABLE = 0xC00000AC;
    /** nca_op_rng_error: the server does not have this opnum. */
    static final int RPC_NCA_OP_RNG_ERROR = 0x1C010002;

    private WinErrors() {
    }

    /** Classifies a WERROR or NTSTATUS returned by a call. */
    static TransportException of(String host, int code, String operation) {
        String hex = String.format(Locale.ROOT, "0x%08X", code);
        switch (code) {
            case ERROR_ACCESS_DENIED:
            case NT_STATUS_ACCESS_DENIED:
                return new TransportException(FailureKind.ACCESS_DENIED, host, operation + ": Access is denied (" + hex + ")");
            case ERROR_FILE_NOT_FOUND:
            case NT_STATUS_OBJECT_NAME_NOT_FOUND:
                return new TransportException(FailureKind.VALUE_MISSING, host,
                        operation + ": The system cannot find the file specified (" + hex + ")");
            case NT_STATUS_LOGON_FAILURE:
            case NT_STATUS_ACCOUNT_RESTRICTION:
            case NT_STATUS_PASSWORD_EXPIRED:
            case NT_STATUS_ACCOUNT_DISABLED:
            case NT_STATUS_ACCOUNT_LOCKED_OUT:
                return new TransportException(FailureKind.AUTH_FAILED, host,
                        operation + ": the logon was refused (" + hex + "): unknown user, bad password, or a disabled, locked or expired account");
            case NT_STATUS_BAD_NETWORK_NAME:
                return new TransportException(FailureKind.UNREACHABLE, host, operation + ": IPC$ is not shared (" + hex
                        + "); start the Server and Remote Registry services");
            default:
                return new TransportException(FailureKind.PROTOCOL_ERROR, host, operation + " failed with Windows error " + hex);
        }
    }

    /** @return whether opening the winreg pipe failed because nothing serves it (yet) */
    static boolean isPipeMissing(int code) {
        return code == NT_STATUS_OBJECT_NAME_NOT_FOUND || code == NT_STATUS_PIPE_NOT_AVAILABLE;
    }

    /**
     * Opening the {@code winreg} pipe found no server: on current Windows the Remote Registry service is stopped,
     * disabled or still starting (trigger start). Not a missing value.
     */
    static TransportException remoteRegistryNotRunning(String host, int code) {
        return new TransportException(FailureKind.UNREACHABLE, host, String.format(Locale.ROOT, "the winreg pipe is not "
                + "there (0x%08X): the Remote Registry service is not running on %s; start it (sc \\\\%s start "
                + "RemoteRegistry, or set it to Manual or Automatic) and run again", code, host, host));
    }

    /** Classifies a failure thrown by j-Interop, walking its causes for network errors first. */
    static TransportException of(String host, JIException failure, String operation) {
        TransportException network = network(host, failure, operation);
        return network != null ? network : of(host, failure.getErrorCode(), operation);
    }

    /** @return a classification for network-level causes, or {@code null} */
    static TransportException network(String host, Throwable failure, String operation) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SocketTimeoutException || isJcifsTimeout(cause)) {
                return new TransportException(FailureKind.TIMEOUT, host, operation + ": no answer from SMB in time (the service may hang)");
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new TransportException(FailureKind.UNREACHABLE, host,
                        operation + ": connection refused or no route to SMB (port 445)");
            }
            if (cause instanceof SocketException) {
                return new TransportException(FailureKind.UNREACHABLE, host, operation + ": the host reset the connection ("
                        + cause.getClass().getSimpleName() + "); Windows without SMB1 does this to an SMB1 client, which "
                        + "j-Interop is: use transport=winrm for this host");
            }
            if (cause instanceof UnknownHostException) {
                return new TransportException(FailureKind.UNREACHABLE, host, operation + ": the host name does not resolve");
            }
            if (String.valueOf(cause.getMessage()).contains("does not support the negotiated dialect")) {
                return smb1Refused(host, operation);
            }
        }
        return null;
    }

    /**
     * jcifs reports a server that accepts the connection but never answers with its own transport exception and
     * fixed texts, not a socket timeout ({@code Transport.connect}: "Connection timeout"; {@code Transport.sendrecv}:
     * "... timedout waiting for response to ..."). Those are the library's constants, not Windows messages.
     */
    private static boolean isJcifsTimeout(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        return cause instanceof jcifs.util.transport.TransportException
                && ("Connection timeout".equals(message) || message.contains(" timedout waiting for response"));
    }

    /** jcifs keeps the underlying failure in {@code getRootCause()}, not in {@code getCause()}. */
    private static Throwable next(Throwable cause) {
        if (cause.getCause() != null) {
            return cause.getCause();
        }
        if (cause instanceof SmbException) {
            return ((SmbException) cause).getRootCause();
        }
        if (cause instanceof jcifs.util.transport.TransportException) {
            return ((jcifs.util.transport.TransportException) cause).getRootCause();
        }
        return null;
    }

    static TransportException smb1Refused(String host, String operation) {
        return new TransportException(FailureKind.UNREACHABLE, host, operation + ": the host refuses SMB1 (NT LM 0.12), as every "
                + "current Windows does; remove smb=1 from its inventory line so that SMB2/3 is used, or use transport=winrm");
    }
}
