package io.jenkins.plugins.dcom.plugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line the step runs: the same options a user types (docs/usage.md). The password never appears: the
 * child reads it from {@link #PASSWORD_VARIABLE} in its environment.
 */
final class CliArguments {
    /** The environment variable that carries the password to the child process. */
    static final String PASSWORD_VARIABLE = "DCOM_COMPLIANCE_PASSWORD";
    /** Workspace folder for the reports of a build's first invocation ({@link ReportSlot#workspaceFolder()}). */
    static final String REPORT_DIR = "dcom-compliance-report";

    private CliArguments() {
    }

    /**
     * @param options   the step's options as command-line words ({@link StepOptions#arguments})
     * @param inventory path of the inventory, relative to the workspace or absolute
     * @param policy    a preset, or the policy file's path, relative to the workspace or absolute
     * @param reportDir the invocation's report folder, relative to the workspace
     * @return the command line after {@code java -jar}: the options, then this run's inputs and outputs
     */
    static List<String> of(List<String> options, String inventory, String policy, String reportDir) {
        List<String> args = new ArrayList<String>(options);
        args.addAll(Arrays.asList("--inventory", inventory, "--policy", policy, "--report-dir", reportDir));
        return args;
    }
}
