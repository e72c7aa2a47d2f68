package io.jenkins.plugins.dcom.policy;

/**
 * One rule of a policy as it was run against one host's list: passing checks are evidence too (an auditor reads that
 * the rule ran and what it saw), so every rule the policy has is one check, whatever its result.
 */
public final class Check {
    /** How the rule came out: no finding, a warning, or an error. */
    public enum Result {
        PASS, WARN, FAIL
    }

    private final String rule;
    private final Result result;
    private final String detail;

    Check(String rule, Result result, String detail) {
        this.rule = rule;
        this.result = result;
        this.detail = detail;
    }

    /** @return the rule's key, as policy files and findings name it ({@code first}, {@code forbidden}, ...) */
    public String getRule() {
        return rule;
    }

    public Result getResult() {
        return result;
    }

    /** @return what the rule asked and what the host's list held; host text in it is shown safely */
    public String getDetail() {
        return detail;
    }

    @Override
    public String toString() {
        return result + " " + rule + ": " + detail;
    }
}
