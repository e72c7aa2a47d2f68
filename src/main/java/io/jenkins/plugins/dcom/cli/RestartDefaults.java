package io.jenkins.plugins.dcom.cli;

/** Defaults of the restart options, shared with the build step's form. */
public final class RestartDefaults {
    /** Default comment: goes to the event log and to logged-on users. */
    public static final String COMMENT = "DCOM protocol order changed (KB272937) by dcom-protocol-compliance";

    private RestartDefaults() {
    }
}
