package io.jenkins.plugins.dcom.plugin;

import io.jenkins.plugins.dcom.contract.RolloutSpec;


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
     * @param inventory path of the inventory, relative to the workspace or absolute
     * @param policy    a preset, or the policy file's path, relative to the workspace or absolute
     * @param reportDir the invocation's report folder, relative to the workspace
     */
    static List<String> of(StepSettings settings, String inventory, String policy, String reportDir) {
        List<String> args = new ArrayList<String>();
        args.add(settings.mode == StepMode.AUDIT ? "audit" : "remediate");
        args.addAll(Arrays.asList("--inventory", inventory, "--policy", policy, "--transport", settings.transport,
                "--user", settings.user, "--password-env", PASSWORD_VARIABLE,
                "--concurrency", String.valueOf(settings.concurrency), "--report-dir", reportDir));
        args.addAll(Arrays.asList("--auth", settings.auth));
        if (settings.https) {
            args.add("--https");
            if (!settings.truststore.isEmpty()) {
                args.addAll(Arrays.asList("--truststore", settings.truststore));
            }
        } else if (settings.allowHttp) {
            args.add("--allow-http");
        }
        if (!settings.shard.isEmpty()) {
            args.addAll(Arrays.asList("--shard", settings.shard));
        }
        if (settings.mode != StepMode.AUDIT) {
            args.addAll(RolloutSpec.toArguments(settings.rollout));
        }
        if (settings.mode == StepMode.REMEDIATE_AND_RESTART) {
            args.addAll(Arrays.asList("--restart", "--restart-delay", String.valueOf(settings.restartDelay),
                    "--restart-comment", settings.restartComment));
        }
        return args;
    }
}
