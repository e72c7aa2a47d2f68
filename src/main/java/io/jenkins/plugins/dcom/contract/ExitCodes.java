package io.jenkins.plugins.dcom.contract;

/**
 * The command line's exit codes: what every script, the build step's result mapping and the help text read. A run
 * gives {@link #OK}, {@link #NON_COMPLIANT} or {@link #FAILED} (which wins over non-compliant); the command line adds
 * {@link #USAGE} and {@link #REPORTS_NOT_WRITTEN}.
 */
public final class ExitCodes {
    /** Every host complies. */
    public static final int OK = 0;
    /** Usage or configuration error, found before any host was contacted. */
    public static final int USAGE = 1;
    /** Some host does not comply (or waits for its restart), and none failed. */
    public static final int NON_COMPLIANT = 2;
    /** Some host could not be reached, checked or changed; wins over {@link #NON_COMPLIANT}. */
    public static final int FAILED = 3;
    /** The run finished, and may have changed hosts, but its reports could not be written. */
    public static final int REPORTS_NOT_WRITTEN = 4;

    private ExitCodes() {
    }
}
