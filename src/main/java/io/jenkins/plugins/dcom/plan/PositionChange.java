package io.jenkins.plugins.dcom.plan;

import io.jenkins.plugins.dcom.text.UntrustedText;

/** One protocol whose 1-based position differs between two lists; 0 means absent. */
public final class PositionChange {
    private final String protocol;
    private final int from;
    private final int to;

    PositionChange(String protocol, int from, int to) {
        this.protocol = protocol;
        this.from = from;
        this.to = to;
    }

    public String getProtocol() {
        return protocol;
    }

    /** @return the position before (1 = first), 0 when the protocol was absent */
    public int getFrom() {
        return from;
    }

    /** @return the position after (1 = first), 0 when the protocol is removed */
    public int getTo() {
        return to;
    }

    /** @return for example {@code ncacn_ip_tcp: 2 -> 1}, {@code ncalrpc: 3 -> removed}, {@code ncacn_http: added -> 2} */
    @Override
    public String toString() {
        return UntrustedText.entry(protocol) + ": " + (from == 0 ? "added" : String.valueOf(from)) + " -> "
                + (to == 0 ? "removed" : String.valueOf(to));
    }
}
