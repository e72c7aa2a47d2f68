package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.analysis.ConnectivityMatrix;
import io.jenkins.plugins.dcom.analysis.PairOutcome;
import io.jenkins.plugins.dcom.analysis.PairPrediction;
import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.contract.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One run: its metadata and its hosts' results, in inventory order; or, for a run whose hosts went to a
 * {@link ResultSink} as they finished, its {@link RunTally} alone ({@link #getHosts()} is then empty and the sink's
 * reports list every host). Counts, the exit code and the connectivity analysis come from the tally either way.
 */
public final class RunResult {

    private final String runId;
    private final Mode mode;
    private final boolean dryRun;
    private final boolean restart;
    private final String policy;
    private final Instant started;
    private final Instant finished;
    private final List<HostResult> hosts;
    private final RunTally tally;
    private final boolean connectivityRequired;
    private Connectivity connectivity;
    private final List<String> rolloutLog;
    private final List<String> warnings;

    private RunResult(Builder builder) {
        this.runId = builder.runId;
        this.mode = builder.mode;
        this.dryRun = builder.dryRun;
        this.restart = builder.restart;
        this.policy = builder.policy;
        this.started = builder.started;
        this.finished = builder.finished;
        this.hosts = Collections.unmodifiableList(new ArrayList<>(builder.hosts));
        this.tally = builder.tally != null ? builder.tally : RunTally.of(hosts, dryRun);
        this.connectivityRequired = builder.connectivityRequired;
        this.rolloutLog = Collections.unmodifiableList(new ArrayList<>(builder.rolloutLog));
        this.warnings = Collections.unmodifiableList(new ArrayList<>(builder.warnings));
    }

    /** @return a builder of a run's result; every field but the id, mode and hosts has a default */
    public static Builder builder(String runId, Mode mode) {
        return new Builder(runId, mode);
    }

    /** Builds a {@link RunResult}: the one way to make one. */
    public static final class Builder {
        private final String runId;
        private final Mode mode;
        private boolean dryRun;
        private boolean restart;
        private String policy;
        private Instant started = Instant.now();
        private Instant finished;
        private List<HostResult> hosts = Collections.emptyList();
        private RunTally tally;
        private boolean connectivityRequired;
        private List<String> rolloutLog = Collections.emptyList();
        private List<String> warnings = Collections.emptyList();

        private Builder(String runId, Mode mode) {
            this.runId = runId;
            this.mode = mode;
        }

        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        public Builder restart(boolean value) {
            this.restart = value;
            return this;
        }

        /** @param value the policy's name, or what the run did instead (a rollback names the run it undoes) */
        public Builder policy(String value) {
            this.policy = value;
            return this;
        }

        /** @return when the run started, as given to {@link #times} */
        Instant started() {
            return started;
        }

        /** @param from when the run started; to when its last host ended (default: when {@link #build()} is called) */
        public Builder times(Instant from, Instant to) {
            this.started = from;
            this.finished = to;
            return this;
        }

        /** @param value every host of the run, in inventory order */
        public Builder hosts(List<HostResult> value) {
            this.hosts = value;
            return this;
        }

        /** @param value the tally of a run whose hosts went to a {@link ResultSink}: it is kept instead of the hosts */
        Builder tally(RunTally value) {
            this.tally = value;
            return this;
        }

        /**
         * @param value whether the policy makes pairs that do not connect at once on a connection-oriented protocol a
         *              non-compliance of the run ({@link RunResult#connectivityShortfalls()})
         */
        public Builder connectivityRequired(boolean value) {
            this.connectivityRequired = value;
            return this;
        }

        /** @param value one line per wave of a staged remediation ({@link Rollout}) */
        public Builder rolloutLog(List<String> value) {
            this.rolloutLog = value;
            return this;
        }

        /** @param value lines about inputs the run passed over (damaged backup records), shown safely */
        public Builder warnings(List<String> value) {
            this.warnings = value;
            return this;
        }

        public RunResult build() {
            if (finished == null) {
                finished = Instant.now();
            }
            return new RunResult(this);
        }
    }

    /** @return the console x site-server analysis of this run's hosts, before and after its changes (made once) */
    public synchronized Connectivity connectivity() {
        if (connectivity == null) {
            connectivity = mode == Mode.ROLLBACK
                    ? Connectivity.skipped("connectivity not analysed: a rollback reads no Windows versions")
                    : tally.connectivity();
        }
        return connectivity;
    }

    public String getRunId() {
        return runId;
    }

    public Mode getMode() {
        return mode;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public boolean isRestart() {
        return restart;
    }

    public String getPolicy() {
        return policy;
    }

    public Instant getStarted() {
        return started;
    }

    public Instant getFinished() {
        return finished;
    }

    /** @return the hosts' results in inventory order; empty for a run whose hosts went to a {@link ResultSink} */
    public List<HostResult> getHosts() {
        return hosts;
    }

    /** @return how many hosts the run had */
    public int hostCount() {
        return tally.hosts();
    }

    /** @return how many hosts ended in each status; every status present, zero where none */
    public Map<HostStatus, Integer> counts() {
        return tally.counts();
    }

    /** @return the number of hosts with the given outcome */
    public int count(Outcome outcome) {
        return tally.count(outcome);
    }

    /** @return up to {@value RunTally#NAMED} hosts with the outcome, each as {@code "label STATUS"}, for closing lines */
    public List<String> named(Outcome outcome) {
        return tally.named(outcome);
    }

    /** @return 0 all compliant, 2 some non-compliant (a host, or a required pair), 3 some failed (3 wins over 2) */
    public int exitCode() {
        if (count(Outcome.FAILED) > 0) {
            return ExitCodes.FAILED;
        }
        return count(Outcome.NON_COMPLIANT) > 0 || !connectivityShortfalls().isEmpty() ? ExitCodes.NON_COMPLIANT : ExitCodes.OK;
    }

    /** @return one line per input the run passed over (a damaged backup record: its file and why); empty when none */
    public List<String> getWarnings() {
        return warnings;
    }

    /** @return one line per wave, and the plan first, for a staged remediation; empty otherwise */
    public List<String> getRolloutLog() {
        return rolloutLog;
    }

    public boolean isConnectivityRequired() {
        return connectivityRequired;
    }

    /**
     * @return where the policy requires connectivity: the pairs that do not connect at once on a connection-oriented
     * protocol, judged on the lists in effect after the run (the new ones once written, the found ones in an audit or
     * a dry run); empty when not required
     */
    public List<PairPrediction> connectivityShortfalls() {
        if (!connectivityRequired) {
            return Collections.emptyList();
        }
        Connectivity connectivity = connectivity();
        ConnectivityMatrix decisive = connectivity.getAfter() != null && !dryRun ? connectivity.getAfter() : connectivity.getBefore();
        List<PairPrediction> shortfalls = new ArrayList<>();
        for (PairPrediction pair : decisive.getPairs()) {
            if (pair.getOutcome() != PairOutcome.CONNECTS || !pair.getProtocol().startsWith("ncacn_")) {
                shortfalls.add(pair);
            }
        }
        return shortfalls;
    }
}
