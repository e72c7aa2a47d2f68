package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.contract.Outcome;

/** Where one host ended up in a run, and its {@link Outcome}. The order is the order of severity in summaries. */
public enum HostStatus {
    /** Complied before the run; nothing was written. */
    COMPLIANT(Outcome.OK),
    /** Written, restarted, and compliant when it answered again. */
    REMEDIATED(Outcome.OK),
    /** Rollback wrote the saved value back. */
    ROLLED_BACK(Outcome.OK),
    /** Written and read back, but not restarted: DCOM keeps the old order until the server restarts. */
    RESTART_PENDING(Outcome.NON_COMPLIANT),
    /** Does not comply (an audit, a dry run, or a plan that could not be applied). */
    NON_COMPLIANT(Outcome.NON_COMPLIANT),
    /** Not done on purpose: rollback left a value that changed since the run, or the host was not tried after failed logons. */
    SKIPPED(Outcome.NON_COMPLIANT),
    /** Could not be reached, or did not come back after a restart. */
    UNREACHABLE(Outcome.FAILED),
    /** The credentials were rejected. */
    AUTH_FAILED(Outcome.FAILED),
    /** The account may not read, write or restart. */
    ACCESS_DENIED(Outcome.FAILED),
    /** Anything else: value missing, wrong type, timeout, protocol error, invalid value. */
    ERROR(Outcome.FAILED);

    private final Outcome outcome;

    HostStatus(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
