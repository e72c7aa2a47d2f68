package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.contract.Defaults;
import io.jenkins.plugins.dcom.contract.RestartRules;
import io.jenkins.plugins.dcom.run.RestartPolicy;
import io.jenkins.plugins.dcom.transport.RestartRequest;

/** Whether to restart changed hosts, and how; shared by remediate and rollback. */
final class RestartOptions {

    final boolean restart;
    final long delay;
    final String comment;
    final long waitDown;
    final long waitUp;
    final long poll;

    static void declare(OptionTable table) {
        table.flag("restart", "Restart each host this run changed, wait for it to come back and audit it again. Without it, "
                        + "changed hosts are RESTART_PENDING.")
                .value("restart-delay", "SECONDS", "" + Defaults.RESTART_DELAY_SECONDS, "Warning time before the restart, as "
                        + "shutdown /t")
                .value("restart-comment", "TEXT", Defaults.RESTART_COMMENT, "Reason shown to users and written to the event "
                        + "log, as shutdown /c")
                .value("restart-wait-down", "SECONDS", "300", "How long after the delay a host may take to go away")
                .value("restart-wait-up", "SECONDS", "900", "How long a restarting host may take to answer again")
                .hidden("restart-poll", "MILLIS", "2000");
    }

    RestartOptions(Arguments arguments) throws UsageException {
        restart = arguments.flag("restart");
        delay = arguments.number("restart-delay");
        comment = arguments.text("restart-comment");
        waitDown = arguments.number("restart-wait-down");
        waitUp = arguments.number("restart-wait-up");
        poll = arguments.number("restart-poll");
    }

    RestartPolicy policy() throws UsageException {
        if (!restart) {
            return RestartPolicy.never();
        }
        int delaySeconds = Bounds.check("--restart-delay", delay, 0, RestartRules.MAX_DELAY_SECONDS);
        int downSeconds = Bounds.check("--restart-wait-down", waitDown, 1, Bounds.WEEK);
        int upSeconds = Bounds.check("--restart-wait-up", waitUp, 1, Bounds.WEEK);
        int pollMillis = Bounds.check("--restart-poll", poll, 100, 60_000);
        try {
            return RestartPolicy.after(new RestartRequest(delaySeconds, comment), downSeconds, upSeconds, pollMillis);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--restart-delay/--restart-comment/--restart-wait-*: " + e.getMessage(), e);
        }
    }
}
