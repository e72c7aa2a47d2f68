package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.contract.Defaults;

import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.policy.Policy;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;

/** Everything a run needs besides the inventory. */
public final class RunOptions {
    /** Hosts processed at once unless told otherwise. */
    public static final int DEFAULT_CONCURRENCY = Defaults.CONCURRENCY;

    private final Mode mode;
    private final Policy policy;
    private final Transports transports;
    private final ConnectionSettings connection;
    private final boolean dryRun;
    private final Rollout rollout;
    private final RestartPolicy restart;
    private final BackupStore backups;
    private final ChangeHistory history;
    private final int concurrency;
    private final boolean force;
    private final int maxAuthFailures;

    private RunOptions(Builder builder) {
        this.mode = builder.mode;
        this.policy = builder.policy;
        this.transports = builder.transports;
        this.connection = builder.connection;
        this.dryRun = builder.dryRun;
        this.rollout = builder.rollout;
        this.restart = builder.restart;
        this.backups = builder.backups;
        this.history = builder.history;
        this.concurrency = builder.concurrency;
        this.maxAuthFailures = builder.maxAuthFailures;
        this.force = builder.force;
    }

    /** @return the same hosts, policy and limits for a read-only audit (a staged remediation's first look) */
    RunOptions asAudit() {
        return builder(Mode.AUDIT, transports, connection).policy(policy).concurrency(concurrency)
                .maxAuthFailures(maxAuthFailures).history(history).build();
    }

    public static Builder builder(Mode mode, Transports transports, ConnectionSettings connection) {
        return new Builder(mode, transports, connection);
    }

    public Mode getMode() {
        return mode;
    }

    /** @return the policy; {@code null} only for rollback */
    public Policy getPolicy() {
        return policy;
    }

    public Transports getTransports() {
        return transports;
    }

    public ConnectionSettings getConnection() {
        return connection;
    }

    /** @return how a remediation rolls out; {@link Rollout#ALL_AT_ONCE} by default */
    public Rollout getRollout() {
        return rollout;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public RestartPolicy getRestart() {
        return restart;
    }

    public BackupStore getBackups() {
        return backups;
    }

    /** @return what earlier runs wrote, to report values that are written but not in effect yet */
    public ChangeHistory getHistory() {
        return history;
    }

    public int getConcurrency() {
        return concurrency;
    }

    /** @return for rollback: overwrite values that changed since the run */
    public boolean isForce() {
        return force;
    }

    /** @return how many failed logons the run accepts before it stops trying the account (default 1) */
    public int getMaxAuthFailures() {
        return maxAuthFailures;
    }

    /** Builds options; audit, no restart, concurrency 8, one failed logon at most, unless told otherwise. */
    public static final class Builder {
        private final Mode mode;
        private final Transports transports;
        private final ConnectionSettings connection;
        private Policy policy;
        private boolean dryRun;
        private RestartPolicy restart = RestartPolicy.never();
        private BackupStore backups;
        private ChangeHistory history = ChangeHistory.NONE;
        private int concurrency = DEFAULT_CONCURRENCY;
        private boolean force;
        private int maxAuthFailures = 1;
        private Rollout rollout = Rollout.ALL_AT_ONCE;

        private Builder(Mode mode, Transports transports, ConnectionSettings connection) {
            this.mode = mode;
            this.transports = transports;
            this.connection = connection;
        }

        public Builder policy(Policy value) {
            this.policy = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        public Builder restart(RestartPolicy value) {
            this.restart = value;
            return this;
        }

        public Builder history(ChangeHistory value) {
            this.history = value;
            return this;
        }

        public Builder backups(BackupStore value) {
            this.backups = value;
            return this;
        }

        public Builder concurrency(int value) {
            if (value < 1 || value > Defaults.MAX_CONCURRENCY) {
                throw new IllegalArgumentException("concurrency " + value + " is out of range; use 1-" + Defaults.MAX_CONCURRENCY);
            }
            this.concurrency = value;
            return this;
        }

        public Builder maxAuthFailures(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("max auth failures " + value + " is out of range; use 1 or more");
            }
            this.maxAuthFailures = value;
            return this;
        }

        /** Stages a remediation in gated waves; without it every host goes at once. */
        public Builder rollout(Rollout value) {
            this.rollout = value;
            return this;
        }

        public Builder force(boolean value) {
            this.force = value;
            return this;
        }

        public RunOptions build() {
            if (mode != Mode.ROLLBACK && policy == null) {
                throw new IllegalStateException("a policy is required for " + mode);
            }
            if (mode == Mode.REMEDIATE && !dryRun && backups == null) {
                throw new IllegalStateException("a backup store is required before anything is written");
            }
            return new RunOptions(this);
        }
    }
}
