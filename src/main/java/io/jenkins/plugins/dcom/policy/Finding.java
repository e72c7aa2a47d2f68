package io.jenkins.plugins.dcom.policy;

/** One thing a policy says about a protocol list: a value, rendered by reports as it is. */
public final class Finding {
    private final Severity severity;
    private final String rule;
    private final String message;

    Finding(Severity severity, String rule, String message) {
        this.severity = severity;
        this.rule = rule;
        this.message = message;
    }

    /** @return a warning about the run itself rather than the list (a check that could not be made) */
    public static Finding warning(String rule, String message) {
        return new Finding(Severity.WARNING, rule, message);
    }

    public Severity getSeverity() {
        return severity;
    }

    /** @return the policy key that produced it ({@code first}, {@code order}, {@code unknownNames}...) */
    public String getRule() {
        return rule;
    }

    public String getMessage() {
        return message;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " [" + rule + "] " + message;
    }
}
