package io.jenkins.plugins.dcom.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The findings of one policy against one protocol list. */
public final class Evaluation {
    private final List<Finding> findings;

    Evaluation(List<Finding> findings) {
        this.findings = Collections.unmodifiableList(new ArrayList<>(findings));
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
