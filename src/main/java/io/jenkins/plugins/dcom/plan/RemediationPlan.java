package io.jenkins.plugins.dcom.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What remediation would write to one host, and why nothing when it would write nothing. */
public final class RemediationPlan {
    private final List<String> before;
    private final List<String> after;
    private final String blocker;

    private RemediationPlan(List<String> before, List<String> after, String blocker) {
        this.before = Collections.unmodifiableList(new ArrayList<>(before));
        this.after = Collections.unmodifiableList(new ArrayList<>(after));
        this.blocker = blocker;
    }

    static RemediationPlan change(List<String> before, List<String> after) {
        return new RemediationPlan(before, after, null);
    }

    static RemediationPlan blocked(List<String> before, String reason) {
        return new RemediationPlan(before, before, reason);
    }

    public List<String> getBefore() {
        return before;
    }

    /** @return the list to write; equal to {@link #getBefore()} when nothing is to be written */
    public List<String> getAfter() {
        return after;
    }

    /** @return whether the plan writes anything */
    public boolean changesSomething() {
        return blocker == null && !before.equals(after);
    }

    /** @return why no compliant list could be computed, or {@code null} */
    public String getBlocker() {
        return blocker;
    }

    public ProtocolDiff diff() {
        return ProtocolDiff.between(before, after);
    }
}
