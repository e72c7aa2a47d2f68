package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.contract.Setting;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.plan.ProtocolDiff;
import io.jenkins.plugins.dcom.text.UntrustedText;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import java.util.List;

/**
 * Writes one backup record's value back. The host is left alone when its value changed since the run (someone
 * else owns it now) unless forced; a dry run only reads. Never throws.
 *
 * <p>With a {@link ChangeHistory}, what is written back is the value the host held before this tool first changed
 * it: when the run being rolled back had found what an earlier run wrote, writing its "before" would put that earlier
 * run's change back and call it restored. Without one (an auto-revert undoing its own wave), the record's own
 * "before" is written.
 */
final class RollbackProcessor {
    private final RunOptions options;
    private final ChangeHistory history;

    /** @param history the backup root's records, to restore the value from before the first change; or {@link ChangeHistory#NONE} */
    RollbackProcessor(RunOptions options, ChangeHistory history) {
        this.options = options;
        this.history = history;
    }

    HostResult process(Target target, BackupRecord record) {
        return HostSession.run(options, target, (factory, session, result) -> rollBack(target, factory, session, record, result));
    }

    private void rollBack(Target target, TransportFactory factory, RegistryTransport session, BackupRecord record,
            HostResult.Builder result) throws TransportException, InterruptedException {
        String address = target.address();
        BackupRecord origin = history.originOf(record);
        RegistryValue saved = saved(origin);
        List<String> before = saved.protocols(address);
        String source = origin == record ? "the saved value" : "the value from before run " + origin.getRunId()
                + " (run " + record.getRunId() + " had found what run " + origin.getRunId() + " wrote)";
        Stopwatch read = new Stopwatch();
        List<String> current = session.read().protocols(address);
        result.phase("read", read.millis()).before(current).planned(before);
        if (current.equals(before)) {
            result.status(HostStatus.ROLLED_BACK, "already holds " + source + " " + UntrustedText.list(current)
                    + "; nothing written");
            return;
        }
        if (!current.equals(record.getWritten()) && !options.isForce()) {
            result.status(HostStatus.SKIPPED, "holds " + UntrustedText.list(current) + ", not " + record.getWritten()
                    + " as run " + record.getRunId() + " left it; changed since, so not overwritten" + laterRun(record, current)
                    + " (use " + Setting.FORCE + " to overwrite)");
            return;
        }
        if (options.isDryRun()) {
            result.status(HostStatus.SKIPPED, "dry run: would write back " + source + " " + UntrustedText.list(before)
                    + " (" + ProtocolDiff.between(current, before) + ")");
            return;
        }
        Stopwatch write = new Stopwatch();
        RegistryValue readBack = session.restore(saved);
        List<String> after = readBack.protocols(address);
        result.phase("write", write.millis()).after(after);
        boolean same = saved.isExact() && readBack.isExact() ? readBack.equals(saved) : after.equals(before);
        if (!same) {
            result.failed(HostStatus.ERROR, FailureKind.PROTOCOL_ERROR,
                    "wrote back " + UntrustedText.list(before) + " but read " + UntrustedText.list(after));
            return;
        }
        restartIfAsked(target, factory, session, result, source);
    }

    /** @return where a later run of this tool changed the host again, how to undo both; else "" */
    private String laterRun(BackupRecord record, List<String> current) {
        BackupRecord later = history.laterChangeOf(record);
        return later == null || !later.getWritten().equals(current) ? ""
                : ": run " + later.getRunId() + " changed it again; rolling back run " + later.getRunId()
                        + " restores the value from before both";
    }

    /** @return the value as the backup saved it: its bytes (schema 2), or its entries re-encoded (schema 1) */
    private static RegistryValue saved(BackupRecord record) {
        return record.getBeforeValue() != null ? record.getBeforeValue().toValue() : RegistryValue.multiSz(record.getBefore());
    }

    private void restartIfAsked(Target target, TransportFactory factory, RegistryTransport session, HostResult.Builder result,
            String source) throws InterruptedException {
        if (!options.getRestart().isEnabled()) {
            result.status(HostStatus.ROLLED_BACK, source + " written back; takes effect after the server restarts");
            return;
        }
        try {
            List<String> after = new RestartWaiter(options.getRestart(), factory, options.getConnection())
                    .restartAndReaudit(target, session, result);
            result.after(after).status(HostStatus.ROLLED_BACK, source + " written back and the server restarted");
        } catch (TransportException e) {
            Failures.record(result, e, "written back but the restart did not complete");
        }
    }
}
