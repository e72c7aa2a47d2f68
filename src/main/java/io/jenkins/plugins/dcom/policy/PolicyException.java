package io.jenkins.plugins.dcom.policy;

/** A policy that cannot be used; the message names the source, the line where known, and the fix. */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
