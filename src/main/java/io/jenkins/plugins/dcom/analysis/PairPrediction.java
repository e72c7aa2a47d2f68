package io.jenkins.plugins.dcom.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The predicted outcome for one console and one site server, with the protocol, the failed attempts and why. */
public final class PairPrediction {
    private final String console;
    private final String server;
    private final PairOutcome outcome;
    private final String protocol;
    private final List<String> failedAttempts;
    private final String reason;

    PairPrediction(String console, String server, PairOutcome outcome, String protocol, List<String> failedAttempts, String reason) {
        this.console = console;
        this.server = server;
        this.outcome = outcome;
        this.protocol = protocol;
        this.failedAttempts = Collections.unmodifiableList(new ArrayList<>(failedAttempts));
        this.reason = reason;
    }

    public String getConsole() {
        return console;
    }

    public String getServer() {
        return server;
    }

    public PairOutcome getOutcome() {
        return outcome;
    }

    /** @return the protocol the pair connects on, or {@code null} when it does not (or cannot be told) */
    public String getProtocol() {
        return protocol;
    }

    /** @return the protocols tried and failed before the one that worked (or all, when none did) */
    public List<String> getFailedAttempts() {
        return failedAttempts;
    }

    /** @return why, naming the rule's source; "inference" where no source states it */
    public String getReason() {
        return reason;
    }
}
