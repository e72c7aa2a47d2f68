package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.plan.ProtocolDiff;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import java.util.List;

/**
 * Writes one backup record's value back. The host is left alone when its value changed since the run (someone
 * else owns it now) unless forced; a dry run only reads. Never throws.
 */
final class RollbackProcessor {
    private final RunOptions options;

    RollbackProcessor(RunOptions options) {
        this.options = options;
    }

    HostResult process(Target target, BackupRecord record) {
        return HostSession.run(options, target, (factory, session, result) -> rollBack(target, factory, session, record, result));
    }

    private void rollBack(Target target, TransportFactory factory, RegistryTransport session, BackupRecord record,
            HostResult.Builder result) throws TransportException, InterruptedException {
        Stopwatch read = new Stopwatch();
        List<String> current = session.read();
        result.phase("read", read.millis()).before(current).planned(record.getBefore());
        if (current.equals(record.getBefore())) {
            result.status(HostStatus.ROLLED_BACK, "already holds the saved value " + current + "; nothing written");
            return;
        }
        if (!current.equals(record.getWritten()) && !options.isForce()) {
            result.status(HostStatus.SKIPPED, "holds " + current + ", not " + record.getWritten() + " as run "
                    + record.getRunId() + " left it; changed since, so not overwritten (use --force to overwrite)");
            return;
        }
        if (options.isDryRun()) {
            result.status(HostStatus.SKIPPED, "dry run: would write back " + record.getBefore() + " ("
                    + ProtocolDiff.between(current, record.getBefore()) + ")");
            return;
        }
        Stopwatch write = new Stopwatch();
        List<String> readBack = session.write(record.getBefore());
        result.phase("write", write.millis()).after(readBack);
        if (!readBack.equals(record.getBefore())) {
            result.failed(HostStatus.ERROR, FailureKind.PROTOCOL_ERROR,
                    "wrote back " + record.getBefore() + " but read " + readBack);
            return;
        }
        restartIfAsked(target, factory, session, result);
    }

    private void restartIfAsked(Target target, TransportFactory factory, RegistryTransport session, HostResult.Builder result)
            throws InterruptedException {
        if (!options.getRestart().isEnabled()) {
            result.status(HostStatus.ROLLED_BACK, "saved value written back; takes effect after the server restarts");
            return;
        }
        try {
            List<String> after = new RestartWaiter(options.getRestart(), factory, options.getConnection())
                    .restartAndReaudit(target, session, result);
            result.after(after).status(HostStatus.ROLLED_BACK, "saved value written back and the server restarted");
        } catch (TransportException e) {
            Failures.record(result, e, "written back but the restart did not complete");
        }
    }
}
