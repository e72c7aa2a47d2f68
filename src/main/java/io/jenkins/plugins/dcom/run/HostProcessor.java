package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.backup.SavedValue;
import io.jenkins.plugins.dcom.contract.Setting;
import io.jenkins.plugins.dcom.inventory.Role;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.plan.RemediationPlan;
import io.jenkins.plugins.dcom.plan.RemediationPlanner;
import io.jenkins.plugins.dcom.policy.Evaluation;
import io.jenkins.plugins.dcom.policy.Finding;
import io.jenkins.plugins.dcom.policy.Severity;
import io.jenkins.plugins.dcom.text.UntrustedText;
import io.jenkins.plugins.dcom.transport.AuditReads;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.ProtocolValues;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import io.jenkins.plugins.dcom.transport.ValueRead;
import io.jenkins.plugins.dcom.transport.WindowsRelease;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Audits or remediates one host. Never throws: every outcome, failures included, ends in a {@link HostResult}.
 *
 * <p>Safety contract: an audit and a dry run only read. A write happens only in remediation, only after the
 * backup record is on disk, and is always read back. A restart is requested only when the run asked for one,
 * only for a host this run changed.
 */
final class HostProcessor {
    /** Failures of a write that prove nothing was written. */
    private static final Set<FailureKind> REFUSALS =
            EnumSet.of(FailureKind.ACCESS_DENIED, FailureKind.AUTH_FAILED, FailureKind.INVALID_VALUE);

    /** What a host with a role is read for besides its value: the version and the release. */
    private static final List<ValueRead> WINDOWS_READS = windowsReads();
    private final RunOptions options;
    private final String runId;

    private static List<ValueRead> windowsReads() {
        List<ValueRead> reads = new ArrayList<>(WindowsRelease.READS);
        reads.add(RegistryTransport.VERSION_READ);
        return Collections.unmodifiableList(reads);
    }

    HostProcessor(RunOptions options, String runId) {
        this.options = options;
        this.runId = runId;
    }

    HostResult process(Target target) {
        return HostSession.run(options, target, (factory, session, result) -> handle(target, factory, session, result));
    }

    private void handle(Target target, TransportFactory factory, RegistryTransport session, HostResult.Builder result)
            throws TransportException, InterruptedException {
        Stopwatch read = new Stopwatch();
        boolean role = target.getRole() != Role.UNSPECIFIED;
        List<ValueRead> others = new ArrayList<>(role ? WINDOWS_READS : Collections.<ValueRead>emptyList());
        others.addAll(RelatedReads.valueReads(options.getPolicy()));
        AuditReads reads = session.readWith(others); // one command over WinRM
        RegistryValue value = reads.value();
        List<String> before = value.protocols(target.address());
        result.phase("read", read.millis()).before(before);
        if (role) {
            describeWindows(reads, result);
        }
        Evaluation evaluation = options.getPolicy().evaluate(before);
        Evaluation relatedSettings = RelatedReads.judge(options.getPolicy(), session, reads);
        result.checks(evaluation.getChecks()).relatedChecks(relatedSettings.getChecks());
        List<Finding> related = relatedSettings.getFindings();
        List<Finding> findings = new ArrayList<>(evaluation.getFindings());
        findings.addAll(related);
        result.findings(findings);
        String relatedErrors = RelatedReads.errors(related);
        String pending = evaluation.isCompliant() ? notInEffect(target, session, before) : null;
        if (evaluation.isCompliant() && relatedErrors != null) {
            result.status(HostStatus.NON_COMPLIANT, "the protocol list complies with " + options.getPolicy()
                    + ", but: " + relatedErrors + " (read-only checks: this tool never changes these)"
                    + (pending == null ? "" : "; and the list " + pending));
        } else if (pending != null) {
            result.status(HostStatus.RESTART_PENDING, "complies with " + options.getPolicy() + ", but the list " + pending);
        } else if (evaluation.isCompliant()) {
            result.status(HostStatus.COMPLIANT, "complies with " + options.getPolicy());
        } else if (options.getMode() == Mode.AUDIT) {
            result.status(HostStatus.NON_COMPLIANT, "does not comply with " + options.getPolicy() + ": " + errors(evaluation));
        } else {
            remediate(target, factory, session, result, value, before);
            result.alsoFailing(relatedErrors == null ? null : relatedErrors + " (read-only checks: this tool never changes these)");
        }
    }

    /**
     * @return why the value read is not the one DCOM runs with: an earlier run of this tool wrote it, over the same
     *         transport, and the host's boot marker is still the one it had then; {@code null} when it is in effect or
     *         nothing can tell
     */
    private String notInEffect(Target target, RegistryTransport session, List<String> value) throws InterruptedException {
        BackupRecord change = options.getHistory().latestFor(target);
        if (change == null || change.getBootMarker() == null || !change.getWritten().equals(value)
                || !options.getTransports().nameFor(target).equals(change.getTransport())) {
            return null;
        }
        String marker = bootMarker(session);
        if (!change.getBootMarker().equals(marker)) {
            return null;
        }
        Instant saved = Instant.parse(change.getSavedAt()).truncatedTo(ChronoUnit.SECONDS); // records are checked on reading
        return "was written by run " + change.getRunId() + " at " + saved + " (before: " + change.getBefore()
                + ") and the server has not restarted since (same boot marker): DCOM still runs with the order it read "
                + "at boot; restart the server to put the change in effect";
    }

    /** @return a value only a restart changes, or {@code null} where the host cannot say */
    private static String bootMarker(RegistryTransport session) throws InterruptedException {
        try {
            return session.bootMarker();
        } catch (TransportException e) {
            return null;
        }
    }

    /**
     * The version (the connectivity analysis needs it) and the release (for the report), from the host's one look. A
     * host that cannot say is UNKNOWN in the analysis and shown without them, not a failed host.
     */
    private static void describeWindows(AuditReads reads, HostResult.Builder result) {
        Map<ValueRead, RegistryValue> release = new HashMap<>();
        for (ValueRead part : WindowsRelease.READS) {
            release.put(part, reads.other(part));
        }
        RegistryValue version = reads.other(RegistryTransport.VERSION_READ);
        result.windowsVersion(version == null ? null : version.text()).windowsRelease(WindowsRelease.describe(release));
    }

    /** @param found the value as read, kept whole for the backup; @param entries its entries, decoded once */
    private void remediate(Target target, TransportFactory factory, RegistryTransport session, HostResult.Builder result,
            RegistryValue found, List<String> entries) throws TransportException, InterruptedException {
        RemediationPlan plan = new RemediationPlanner(options.getPolicy()).plan(entries);
        if (plan.getBlocker() != null) {
            result.status(HostStatus.NON_COMPLIANT, "cannot be remediated automatically: " + plan.getBlocker());
            return;
        }
        result.planned(plan.getAfter());
        ProtocolValues.check(target.address(), plan.getAfter());
        if (options.isDryRun()) {
            result.status(HostStatus.NON_COMPLIANT, "dry run: would write " + plan.getAfter() + " (" + plan.diff() + ")");
            return;
        }
        String bootMarker = bootMarker(session);
        Path backup = backup(target, result, plan, found, bootMarker);
        if (backup == null) {
            return;
        }
        Stopwatch write = new Stopwatch();
        List<String> readBack = write(target, session, result, plan, backup);
        result.phase("write", write.millis()).after(readBack);
        if (!readBack.equals(plan.getAfter())) {
            result.failed(HostStatus.ERROR, FailureKind.PROTOCOL_ERROR, "wrote " + plan.getAfter() + " but read back "
                    + UntrustedText.list(readBack) + "; something else changes this value (a group policy?). Backup: " + backup);
            return;
        }
        finish(target, factory, session, result, plan, bootMarker);
    }

    /**
     * Writes the plan. When the host refused the write (nothing was written), the backup record goes, so that no
     * record claims a change; after any other failure the write may have happened and the record stays.
     */
    private List<String> write(Target target, RegistryTransport session, HostResult.Builder result, RemediationPlan plan,
            Path backup) throws TransportException {
        try {
            return session.write(plan.getAfter()).protocols(target.address());
        } catch (TransportException e) {
            if (REFUSALS.contains(e.getKind())) {
                try {
                    options.getBackups().delete(backup);
                    result.backupFile(null);
                } catch (IOException notDeleted) {
                    // the record stays; rollback finds the host unchanged and says so
                }
            }
            throw e;
        }
    }

    /** @param bootMarker the host's boot marker read before the write: the restart's proof starts from it */
    private void finish(Target target, TransportFactory factory, RegistryTransport session, HostResult.Builder result,
            RemediationPlan plan, String bootMarker) throws TransportException, InterruptedException {
        if (!options.getRestart().isEnabled()) {
            result.status(HostStatus.RESTART_PENDING, "written and read back (" + plan.diff()
                    + "); takes effect after the server restarts");
            return;
        }
        RestartWaiter waiter = new RestartWaiter(options.getRestart(), factory, options.getConnection());
        List<String> reaudit;
        try {
            reaudit = waiter.restartAndReaudit(target, session, result, bootMarker);
        } catch (TransportException e) {
            Failures.record(result, e, "written (" + plan.diff() + ") but the restart did not complete");
            return;
        }
        result.after(reaudit);
        Evaluation evaluation = options.getPolicy().evaluate(reaudit);
        result.findings(evaluation.getFindings()).checks(evaluation.getChecks());
        if (evaluation.isCompliant()) {
            result.status(HostStatus.REMEDIATED, "remediated (" + plan.diff() + "), restarted and compliant");
        } else {
            result.status(HostStatus.NON_COMPLIANT, "restarted, but after the restart: " + errors(evaluation));
        }
    }

    /**
     * @param bootMarker the host's boot marker just before the write, so that a later audit can tell whether the
     *                   server restarted since
     * @return the backup file, or {@code null} when it could not be saved (the result says so)
     */
    private Path backup(Target target, HostResult.Builder result, RemediationPlan plan, RegistryValue before, String bootMarker) {
        BackupRecord record = new BackupRecord(BackupRecord.SCHEMA, runId, target.getHost(), target.getPort(),
                options.getTransports().nameFor(target), Instant.now().toString(), plan.getBefore(), plan.getAfter(),
                SavedValue.of(before), bootMarker);
        try {
            Path file = options.getBackups().save(target.fileKey(), record);
            result.backupFile(file.toString());
            return file;
        } catch (IOException e) {
            result.failed(HostStatus.ERROR, null, "not changed: the backup could not be saved in "
                    + options.getBackups().getDirectory() + " (" + e.getMessage() + "); fix " + Setting.BACKUP_DIR + " and run again");
            return null;
        }
    }

    private static String errors(Evaluation evaluation) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : evaluation.of(Severity.ERROR)) {
            text.append(text.length() == 0 ? "" : "; ").append(finding.getMessage());
        }
        return text.toString();
    }
}
