package io.jenkins.plugins.dcom.transport;

/**
 * A classified failure of one remote operation on one host. The message names the host, what failed and what to
 * do, and never holds a secret: transports build it from their own words, not from a library's message that could
 * echo a request.
 */
public final class TransportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final String host;
    private final String detail;

    /**
     * @param kind   the classification
     * @param host   the host address as the user wrote it
     * @param detail what happened, without secrets
     */
    public TransportException(FailureKind kind, String host, String detail) {
        super(host + ": " + detail + " [" + kind + "]; " + kind.advice());
        this.kind = kind;
        this.host = host;
        this.detail = detail;
    }

    public FailureKind getKind() {
        return kind;
    }

    public String getHost() {
        return host;
    }

    /** @return what happened, without the host and the advice */
    public String getDetail() {
        return detail;
    }
}
