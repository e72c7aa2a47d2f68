package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;

/**
 * Opens the session with one host, runs one host's work in it, closes it, and turns every failure into the
 * host's result: the one place where a host job ends, whatever happened.
 */
final class HostSession {
    /** The work done with an open session. */
    interface Work {
        void run(TransportFactory factory, RegistryTransport session, HostResult.Builder result)
                throws TransportException, InterruptedException;
    }

    private HostSession() {
    }

    /** @return the host's result; never throws */
    static HostResult run(RunOptions options, Target target, Work work) {
        HostResult.Builder result = new HostResult.Builder(target, options.getTransports().nameFor(target));
        try {
            TransportFactory factory = options.getTransports().factoryFor(target);
            try (RegistryTransport session = factory.open(target, options.getConnection())) {
                try {
                    work.run(factory, session, result);
                } finally {
                    result.channel(session.channel());
                }
            }
        } catch (TransportException e) {
            Failures.record(result, e, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.failed(HostStatus.ERROR, null, target.address() + ": the run was interrupted");
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // One host's defect (or one host's flood) must not end the run: the host fails, every other keeps its result.
            result.failed(HostStatus.ERROR, FailureKind.PROTOCOL_ERROR,
                    target.address() + ": unexpected " + e.getClass().getSimpleName() + " while handling this host; please report it");
        }
        return result.build();
    }
}
