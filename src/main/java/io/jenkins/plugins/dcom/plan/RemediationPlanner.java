package io.jenkins.plugins.dcom.plan;

import io.jenkins.plugins.dcom.policy.Evaluation;
import io.jenkins.plugins.dcom.policy.Finding;
import io.jenkins.plugins.dcom.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Computes the smallest change that makes a protocol list satisfy a policy.
 *
 * <p>With {@code order}, the result is that exact list. Otherwise entries the policy rejects are dropped,
 * duplicates collapse to their first occurrence, missing required protocols are appended, and the {@code first}
 * protocol moves to the top; every other entry keeps its relative order (KB Q272937's "move Connection Oriented
 * TCP/IP to the top").
 */
public final class RemediationPlanner {
    private final Policy policy;

    public RemediationPlanner(Policy policy) {
        this.policy = policy;
    }

    /**
     * @param actual the list read from the host
     * @return the plan; it changes nothing when {@code actual} already complies
     */
    public RemediationPlan plan(List<String> actual) {
        if (policy.evaluate(actual).isCompliant()) {
            return RemediationPlan.change(actual, actual);
        }
        List<String> target = policy.getOrder() != null ? new ArrayList<>(policy.getOrder()) : reorder(actual);
        Evaluation check = policy.evaluate(target);
        if (!check.isCompliant()) {
            return RemediationPlan.blocked(actual, "no list satisfies " + policy + ": " + firstError(check));
        }
        return RemediationPlan.change(actual, target);
    }

    private List<String> reorder(List<String> actual) {
        List<String> kept = new ArrayList<>();
        for (String protocol : new LinkedHashSet<>(actual)) {
            if (!policy.rejects(protocol)) {
                kept.add(protocol);
            }
        }
        for (String protocol : policy.getRequired()) {
            if (!kept.contains(protocol)) {
                kept.add(protocol);
            }
        }
        String first = policy.getFirst();
        if (first != null) {
            kept.remove(first);
            kept.add(0, first);
        }
        return kept;
    }

    private static String firstError(Evaluation evaluation) {
        for (Finding finding : evaluation.getFindings()) {
            if (finding.isError()) {
                return finding.getMessage();
            }
        }
        return "";
    }
}
