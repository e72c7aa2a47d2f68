package io.jenkins.plugins.dcom.transport;

import io.jenkins.plugins.dcom.contract.RestartRules;

/**
 * A planned restart: delay, comment, and the shutdown reason "Operating System: Reconfiguration (Planned)"
 * ({@code /d p:2:4}, SHTDN_REASON_FLAG_PLANNED | MAJOR_OPERATINGSYSTEM | MINOR_RECONFIG).
 */
public final class RestartRequest {
    /** The reason code sent over RPC: planned, major 2 (operating system), minor 4 (reconfiguration). */
    public static final int REASON_PLANNED_OS_RECONFIG = 0x80000000 | 0x00020000 | 0x00000004;

    private final int delaySeconds;
    private final String comment;

    /**
     * @param delaySeconds seconds before the restart ({@link RestartRules#delayProblem})
     * @param comment      shown to logged-on users and recorded in the event log ({@link RestartRules#commentProblem})
     * @throws IllegalArgumentException saying what is wrong, when either breaks its rule
     */
    public RestartRequest(int delaySeconds, String comment) {
        String problem = RestartRules.delayProblem(delaySeconds);
        if (problem == null) {
            problem = RestartRules.commentProblem(comment);
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.delaySeconds = delaySeconds;
        this.comment = comment;
    }

    public int getDelaySeconds() {
        return delaySeconds;
    }

    public String getComment() {
        return comment;
    }

    public int getReasonCode() {
        return REASON_PLANNED_OS_RECONFIG;
    }
}
