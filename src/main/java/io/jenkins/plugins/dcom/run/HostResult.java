package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.contract.Outcome;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.plan.ProtocolDiff;
import io.jenkins.plugins.dcom.policy.Check;
import io.jenkins.plugins.dcom.policy.Finding;
import io.jenkins.plugins.dcom.transport.FailureKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What happened to one host: a value the reports render. Built by {@link HostResult.Builder}. */
public final class HostResult {
    private final Target target;
    private final String transport;
    private final String channel;
    private final String windowsVersion;
    private final String windowsRelease;
    private final HostStatus status;
    private final List<String> before;
    private final List<String> after;
    private final List<String> planned;
    private final List<Finding> findings;
    private final List<Check> checks;
    private final FailureKind failure;
    private final String message;
    private final String backupFile;
    private final Map<String, Long> phaseMillis;

    private HostResult(Builder builder) {
        this.target = builder.target;
        this.transport = builder.transport;
        this.channel = builder.channel;
        this.windowsVersion = builder.windowsVersion;
        this.windowsRelease = builder.windowsRelease;
        this.status = builder.status;
        this.before = copy(builder.before);
        this.after = copy(builder.after);
        this.planned = copy(builder.planned);
        this.findings = Collections.unmodifiableList(new ArrayList<>(builder.findings));
        List<Check> all = new ArrayList<>(builder.checks);
        all.addAll(builder.relatedChecks);
        this.checks = Collections.unmodifiableList(all);
        this.failure = builder.failure;
        this.message = builder.message;
        this.backupFile = builder.backupFile;
        this.phaseMillis = Collections.unmodifiableMap(new LinkedHashMap<>(builder.phaseMillis));
    }

    private static List<String> copy(List<String> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    public Target getTarget() {
        return target;
    }

    public String getTransport() {
        return transport;
    }

    /** @return how the transport reached the host where it had a choice (the SMB dialect), or {@code null} */
    public String getChannel() {
        return channel;
    }

    /** @return the host's CurrentVersion as it sent it (untrusted), read for the connectivity analysis; or {@code null} */
    public String getWindowsVersion() {
        return windowsVersion;
    }

    /** @return the host's release as the report names it ({@code WindowsRelease}), read with the version; or {@code null} */
    public String getWindowsRelease() {
        return windowsRelease;
    }

    /** @return the transport, with the channel in parentheses when there is one: {@code rrp (SMB 3.1.1)} */
    public String getTransportShown() {
        return channel == null ? transport : transport + " (" + channel + ")";
    }

    public HostStatus getStatus() {
        return status;
    }

    /** @return the list read at the start, or {@code null} when it could not be read */
    public List<String> getBefore() {
        return before;
    }

    /** @return the list read last (after a write or a restart), or {@code null} when unknown */
    public List<String> getAfter() {
        return after;
    }

    /** @return what remediation would write or wrote, or {@code null} when nothing was planned */
    public List<String> getPlanned() {
        return planned;
    }

    /** @return the positional diff from before to after, or to the plan when nothing was written */
    public ProtocolDiff diff() {
        if (before == null) {
            return ProtocolDiff.between(Collections.<String>emptyList(), Collections.<String>emptyList());
        }
        List<String> target = after != null && !after.equals(before) ? after : planned;
        return ProtocolDiff.between(before, target == null ? before : target);
    }

    public List<Finding> getFindings() {
        return findings;
    }

    /** @return every rule the policy ran on the list that decided the host's status, passing ones too; empty when none ran */
    public List<Check> getChecks() {
        return checks;
    }

    /** @return the classified failure, or {@code null} */
    public FailureKind getFailure() {
        return failure;
    }

    /** @return one sentence for people: what happened and, on failure, what to do */
    public String getMessage() {
        return message;
    }

    /** @return the backup record written before a change, or {@code null} */
    public String getBackupFile() {
        return backupFile;
    }

    /** @return elapsed milliseconds per phase, in the order the phases ran; includes {@code total} */
    public Map<String, Long> getPhaseMillis() {
        return phaseMillis;
    }

    /** Collects a result while a host is processed. */
    public static final class Builder {
        private final Target target;
        private final String transport;
        private String channel;
        private String windowsVersion;
        private String windowsRelease;
        private final long started = System.nanoTime();
        private HostStatus status = HostStatus.ERROR;
        private List<String> before;
        private List<String> after;
        private List<String> planned;
        private final List<Finding> findings = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();
        private final List<Check> relatedChecks = new ArrayList<>();
        private FailureKind failure;
        private String message = "";
        private String backupFile;
        private final Map<String, Long> phaseMillis = new LinkedHashMap<>();

        public Builder(Target target, String transport) {
            this.target = target;
            this.transport = transport;
        }

        /** Records the host's CurrentVersion text; {@code null} when it could not be read. */
        public Builder windowsVersion(String value) {
            this.windowsVersion = value;
            return this;
        }

        /** Records the host's release for the report; {@code null} when it could not be read. */
        public Builder windowsRelease(String value) {
            this.windowsRelease = value;
            return this;
        }

        /** Copies what another result of the same host knew of its Windows. */
        public Builder windowsOf(HostResult other) {
            return windowsVersion(other.getWindowsVersion()).windowsRelease(other.getWindowsRelease());
        }

        /** Records how the session reached the host; {@code null} leaves it unknown. */
        public Builder channel(String value) {
            this.channel = value;
            return this;
        }

        /**
         * Marks a host whose own change went well as still not compliant for another reason (a related setting):
         * an OK outcome becomes NON_COMPLIANT with the reason added; any other outcome keeps its status.
         *
         * @param reason what else is wrong, or {@code null} for nothing
         */
        public Builder alsoFailing(String reason) {
            if (reason != null && status.outcome() == Outcome.OK) {
                status(HostStatus.NON_COMPLIANT, message + "; but: " + reason);
            } else if (reason != null) {
                this.message = message + "; also: " + reason;
            }
            return this;
        }

        public Builder status(HostStatus value, String text) {
            this.status = value;
            this.message = text;
            return this;
        }

        public Builder failed(HostStatus value, FailureKind kind, String text) {
            this.failure = kind;
            return status(value, text);
        }

        public Builder before(List<String> value) {
            this.before = value;
            this.after = value;
            return this;
        }

        public Builder after(List<String> value) {
            this.after = value;
            return this;
        }

        public Builder planned(List<String> value) {
            this.planned = value;
            return this;
        }

        public Builder findings(List<Finding> value) {
            findings.clear();
            findings.addAll(value);
            return this;
        }

        /**
         * @param value the checks of the protocol list's evaluation that decided the status (after a restart, the
         *              re-read list's); what {@link HostResult#getChecks()} lists first
         */
        public Builder checks(List<Check> value) {
            checks.clear();
            checks.addAll(value);
            return this;
        }

        /** @param value the checks of the related settings as read (read once, before any change); listed after */
        public Builder relatedChecks(List<Check> value) {
            relatedChecks.clear();
            relatedChecks.addAll(value);
            return this;
        }

        public Builder backupFile(String value) {
            this.backupFile = value;
            return this;
        }

        /** Records how long a phase took; a repeated phase adds up. */
        public Builder phase(String name, long millis) {
            Long earlier = phaseMillis.get(name);
            phaseMillis.put(name, earlier == null ? millis : earlier + millis);
            return this;
        }

        public HostResult build() {
            phaseMillis.put("total", (System.nanoTime() - started) / 1_000_000L);
            return new HostResult(this);
        }
    }
}
