package io.jenkins.plugins.dcom.transport;

import java.util.Locale;

/**
 * What a host's answer to a restart request means, by the Win32 error code it gave: {@code shutdown.exe} exits with
 * it, and the registry RPC's shutdown call returns it. One table for both transports, so that a restart is judged
 * the same whichever way it was asked; never by the text, which Windows localizes.
 */
public final class ShutdownAnswers {
    /** ERROR_SUCCESS: the restart is scheduled. */
    public static final int ACCEPTED = 0;
    /** ERROR_ACCESS_DENIED: no SeRemoteShutdownPrivilege. */
    public static final int ACCESS_DENIED = 5;
    /** ERROR_NOT_READY. */
    public static final int NOT_READY = 21;
    /** ERROR_SHUTDOWN_IN_PROGRESS: the host is already going down. */
    public static final int IN_PROGRESS = 1115;
    /** ERROR_SHUTDOWN_IS_SCHEDULED: another shutdown is pending; ours was not added. */
    public static final int ALREADY_SCHEDULED = 1190;
    /** ERROR_MACHINE_LOCKED: the console is locked and applications were not forced closed. */
    public static final int MACHINE_LOCKED = 1271;

    private ShutdownAnswers() {
    }

    /** @return whether the host is restarting: it accepted, or was already going down */
    public static boolean isRestarting(int code) {
        return code == ACCEPTED || code == IN_PROGRESS;
    }

    /**
     * @param host for messages
     * @param code the Win32 error code the host answered; not {@link #isRestarting(int) restarting}
     * @return the classified refusal
     */
    public static TransportException refusal(String host, int code) {
        String shown = code + String.format(Locale.ROOT, " (0x%08X)", code);
        switch (code) {
            case ACCESS_DENIED:
                return new TransportException(FailureKind.ACCESS_DENIED, host, "the restart request: Access is denied, error " + shown
                        + "; the account needs the right to shut down the system from a remote system");
            case ALREADY_SCHEDULED:
                return new TransportException(FailureKind.RESTART_ALREADY_SCHEDULED, host,
                        "a system shutdown has already been scheduled, error " + shown + "; this run's restart was not added");
            case MACHINE_LOCKED:
                return new TransportException(FailureKind.RESTART_REFUSED, host, "the machine is locked and cannot be shut "
                        + "down without the force option, error " + shown);
            case NOT_READY:
                return new TransportException(FailureKind.RESTART_REFUSED, host, "the device is not ready, error " + shown);
            default:
                return new TransportException(FailureKind.RESTART_REFUSED, host, "the restart request was refused with Windows error " + shown);
        }
    }
}
