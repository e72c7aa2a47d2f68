package io.jenkins.plugins.dcom.contract;

/**
 * The command line's defaults, shared with the build step's form so both behave alike. Part of the contract
 * between the two: the server loads this class, never the engine's.
 */
public final class Defaults {
    /** Default restart comment: goes to the event log and to logged-on users. */
    public static final String RESTART_COMMENT = "DCOM protocol order changed (KB272937) by dcom-protocol-compliance";
    /** Default warning time before a restart, as {@code shutdown /t}. */
    public static final int RESTART_DELAY_SECONDS = 60;
    /** Default number of hosts processed at once. */
    public static final int CONCURRENCY = 8;
    /** Most hosts processed at once: the command line, the form and the engine all hold to it. */
    public static final int MAX_CONCURRENCY = 256;
    /** Default time to open a connection. */
    public static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** Default time a host may take to send one whole answer, and to finish one command. */
    public static final int ANSWER_TIMEOUT_SECONDS = 60;

    private Defaults() {
    }
}
