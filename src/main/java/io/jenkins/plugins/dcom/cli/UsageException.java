package io.jenkins.plugins.dcom.cli;

/** A usage or configuration error: the command prints the message and exits with 1. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
