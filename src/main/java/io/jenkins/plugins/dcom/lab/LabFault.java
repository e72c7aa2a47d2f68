package io.jenkins.plugins.dcom.lab;

/** Faults a lab host can be given, each one a failure a real fleet shows. */
public enum LabFault {
    /** Nothing listens on the host's port: connection refused. */
    UNREACHABLE,
    /** The host expects another password: HTTP 401. */
    WRONG_PASSWORD,
    /** Reads work; {@code reg add} and {@code shutdown} answer "Access is denied." */
    DENY_WRITE,
    /** {@code DCOM Protocols} does not exist. */
    VALUE_MISSING,
    /** {@code DCOM Protocols} is REG_SZ instead of REG_MULTI_SZ. */
    REG_SZ,
    /** Another shutdown is already pending: {@code shutdown /r} exits 1190 and schedules nothing. */
    RESTART_ALREADY_SCHEDULED,
    /** {@code shutdown /r} is accepted (exit 0), then aborted ({@code shutdown /a}): the host never goes down. */
    RESTART_ABORTED,
    /** Right after accepting a restart, the host drops its connections for half a second without rebooting. */
    NETWORK_BLIP,
    /**
     * Not a failure but what a de-DE Windows is: {@code reg} and {@code shutdown} answer in German, with the same
     * exit codes, as Microsoft's de-DE documentation quotes them.
     */
    GERMAN_WINDOWS
}
