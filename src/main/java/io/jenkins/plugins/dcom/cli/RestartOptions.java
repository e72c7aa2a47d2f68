package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.contract.Defaults;
import io.jenkins.plugins.dcom.contract.RestartRules;
import io.jenkins.plugins.dcom.run.RestartPolicy;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import picocli.CommandLine.Option;

/** Whether to restart changed hosts, and how; shared by remediate and rollback. */
final class RestartOptions {

    @Option(names = "--restart", description = "Restart each host this run changed, wait for it to come back and audit it again. Without it, changed hosts are RESTART_PENDING.")
    boolean restart;

    @Option(names = "--restart-delay", paramLabel = "SECONDS", defaultValue = "" + Defaults.RESTART_DELAY_SECONDS, description = "Warning time before the restart, as shutdown /t (default: ${DEFAULT-VALUE}).")
    int delay;

    @Option(names = "--restart-comment", paramLabel = "TEXT", defaultValue = Defaults.RESTART_COMMENT, description = "Reason shown to users and written to the event log, as shutdown /c (default: ${DEFAULT-VALUE}).")
    String comment;

    @Option(names = "--restart-wait-down", paramLabel = "SECONDS", defaultValue = "300", description = "How long after the delay a host may take to go away (default: ${DEFAULT-VALUE}).")
    int waitDown;

    @Option(names = "--restart-wait-up", paramLabel = "SECONDS", defaultValue = "900", description = "How long a restarting host may take to answer again (default: ${DEFAULT-VALUE}).")
    int waitUp;

    @Option(names = "--restart-poll", paramLabel = "MILLIS", defaultValue = "2000", hidden = true, description = "Time between probes while waiting.")
    long poll;

    RestartPolicy policy() throws UsageException {
        if (!restart) {
            return RestartPolicy.never();
        }
        Bounds.check("--restart-delay", delay, 0, RestartRules.MAX_DELAY_SECONDS);
        Bounds.check("--restart-wait-down", waitDown, 1, Bounds.WEEK);
        Bounds.check("--restart-wait-up", waitUp, 1, Bounds.WEEK);
        Bounds.check("--restart-poll", poll, 100, 60_000);
        try {
            return RestartPolicy.after(new RestartRequest(delay, comment), waitDown, waitUp, poll);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--restart-delay/--restart-comment/--restart-wait-*: " + e.getMessage(), e);
        }
    }
}
