package io.jenkins.plugins.dcom.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The findings of one policy against one protocol list, and the check of each rule it ran. */
public final class Evaluation {
    private final List<Finding> findings;
    private final List<Check> checks;

    Evaluation(List<Finding> findings, List<Check> checks) {
        this.findings = Collections.unmodifiableList(new ArrayList<>(findings));
        this.checks = Collections.unmodifiableList(new ArrayList<>(checks));
    }

    /** @return this evaluation with one more finding (one about the checks themselves, such as a value not read) */
    public Evaluation with(Finding finding) {
        List<Finding> more = new ArrayList<>(findings);
        more.add(finding);
        return new Evaluation(more, checks);
    }

    /** @return every rule the policy ran, passing ones too, in the order they ran */
    public List<Check> getChecks() {
        return checks;
    }

    public List<Finding> getFindings() {
        return findings;
    }

    /** @return {@code true} when no finding is an error */
    public boolean isCompliant() {
        for (Finding finding : findings) {
            if (finding.isError()) {
                return false;
            }
        }
        return true;
    }

    /** @return the findings of one severity, in order */
    public List<Finding> of(Severity severity) {
        List<Finding> selected = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.getSeverity() == severity) {
                selected.add(finding);
            }
        }
        return selected;
    }
}
