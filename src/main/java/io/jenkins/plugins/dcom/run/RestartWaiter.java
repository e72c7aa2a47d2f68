package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import java.util.List;

/**
 * Restarts a host and waits, within bounds, until it has rebooted; then reads the value again (the re-audit).
 *
 * <p>"Went away and came back" is not proof: a connection can drop during the countdown, and a restart can be
 * aborted. Where the host gives a boot marker ({@link RegistryTransport#bootMarker()}), the reboot is proven by a
 * changed marker, and a host whose marker never changed ends {@link FailureKind#NOT_REBOOTED}. Where it gives none,
 * the host must be seen away and then answering again. The elapsed time of each phase goes into the result.
 */
final class RestartWaiter {
    private final RestartPolicy policy;
    private final TransportFactory factory;
    private final ConnectionSettings settings;

    RestartWaiter(RestartPolicy policy, TransportFactory factory, ConnectionSettings settings) {
        this.policy = policy;
        this.factory = factory;
        this.settings = settings;
    }

    /**
     * @param session an open session with the host, used to send the restart request
     * @return the protocol list read once the host answered again
     * @throws TransportException when the request is refused, or a phase runs out of time
     */
    List<String> restartAndReaudit(Target target, RegistryTransport session, HostResult.Builder result)
            throws TransportException, InterruptedException {
        return restartAndReaudit(target, session, result, bootMarkerBefore(session));
    }

    /**
     * @param bootBefore the host's boot marker read by the caller since the last change (one command less), or
     *                   {@code null} where the host cannot give one (then gone-then-back is the proof)
     */
    List<String> restartAndReaudit(Target target, RegistryTransport session, HostResult.Builder result, String bootBefore)
            throws TransportException, InterruptedException {
        Stopwatch request = new Stopwatch();
        try {
            session.restart(policy.getRequest());
        } catch (TransportException e) {
            if (!droppedWhileGoingDown(e.getKind())) {
                throw e;
            }
        } finally {
            result.phase("restart-request", request.millis());
        }
        session.close();
        if (bootBefore != null) {
            return waitForNewBoot(target, bootBefore, result);
        }
        waitUntilGone(target, result);
        return waitUntilBack(target, result);
    }

    /** @return the boot marker, or {@code null} (judge by gone-then-back) when the host answers but cannot give one */
    private static String bootMarkerBefore(RegistryTransport session) throws TransportException {
        try {
            return session.bootMarker();
        } catch (TransportException e) {
            if (e.getKind() == FailureKind.UNREACHABLE || e.getKind() == FailureKind.TIMEOUT || e.getKind() == FailureKind.AUTH_FAILED) {
                throw e;
            }
            return null;
        }
    }

    /**
     * Polls until the host answers with another boot marker, within the delay and both wait limits. Timings: until
     * it was first seen away ("wait-down"), then until it answered from its new boot ("wait-up").
     */
    private List<String> waitForNewBoot(Target target, String bootBefore, HostResult.Builder result)
            throws TransportException, InterruptedException {
        Stopwatch total = new Stopwatch();
        long limit = (policy.getRequest().getDelaySeconds() + (long) policy.getDownTimeoutSeconds() + policy.getUpTimeoutSeconds()) * 1000L;
        long goneAt = -1;
        TransportException last = null;
        try {
            while (total.millis() <= limit) {
                Thread.sleep(policy.getPollMillis());
                try (RegistryTransport session = factory.open(target, settings)) {
                    String boot = session.bootMarker();
                    if (boot != null && !boot.equals(bootBefore)) {
                        result.phase("wait-down", goneAt < 0 ? total.millis() : goneAt);
                        result.phase("wait-up", goneAt < 0 ? 0 : total.millis() - goneAt);
                        return session.read().protocols(target.address());
                    }
                    last = null;
                } catch (TransportException away) {
                    goneAt = goneAt < 0 ? total.millis() : goneAt;
                    last = away;
                }
            }
        } finally {
            result.phase("wait-reboot", total.millis());
        }
        if (last != null) {
            throw new TransportException(FailureKind.UNREACHABLE, target.address(), "the host went away for its restart but did "
                    + "not answer within " + limit / 1000 + " s (last: " + last.getDetail() + ")");
        }
        throw new TransportException(FailureKind.NOT_REBOOTED, target.address(), "the host answered for " + limit / 1000
                + " s after accepting the restart, always with the boot time it had before" + (goneAt < 0 ? ""
                : " (it dropped the connection once, without rebooting)"));
    }

    private void waitUntilGone(Target target, HostResult.Builder result) throws TransportException, InterruptedException {
        Stopwatch down = new Stopwatch();
        long limit = (policy.getRequest().getDelaySeconds() + (long) policy.getDownTimeoutSeconds()) * 1000L;
        try {
            while (probe(target) == null) {
                if (down.millis() > limit) {
                    throw new TransportException(FailureKind.PROTOCOL_ERROR, target.address(), "the host accepted the restart "
                            + "but still answered " + limit / 1000 + " s later; it may have been aborted (shutdown /a). "
                            + "The new value is written: restart the server to put it in effect");
                }
                Thread.sleep(policy.getPollMillis());
            }
        } finally {
            result.phase("wait-down", down.millis());
        }
    }

    private List<String> waitUntilBack(Target target, HostResult.Builder result) throws TransportException, InterruptedException {
        Stopwatch up = new Stopwatch();
        long limit = policy.getUpTimeoutSeconds() * 1000L;
        try {
            while (true) {
                Thread.sleep(policy.getPollMillis());
                RegistryValue value;
                try {
                    value = read(target);
                } catch (TransportException stillDown) {
                    if (up.millis() > limit) {
                        throw new TransportException(FailureKind.UNREACHABLE, target.address(), "the host restarted but did "
                                + "not answer within " + limit / 1000 + " s (last: " + stillDown.getDetail() + ")");
                    }
                    continue;
                }
                return value.protocols(target.address());
            }
        } finally {
            result.phase("wait-up", up.millis());
        }
    }

    /**
     * A host told to restart at once may close the connection before the answer to the request arrives; that is
     * the restart under way. Any answer is not: a refusal comes with its Windows error code (ShutdownAnswers).
     */
    private static boolean droppedWhileGoingDown(FailureKind kind) {
        return kind == FailureKind.UNREACHABLE || kind == FailureKind.TIMEOUT;
    }

    /** @return the failure when the host does not answer, {@code null} while it still does */
    private TransportException probe(Target target) {
        try {
            read(target);
            return null;
        } catch (TransportException gone) {
            return gone;
        }
    }

    /** @return the value as read; a value that does not decode still proves the host answers */
    private RegistryValue read(Target target) throws TransportException {
        try (RegistryTransport session = factory.open(target, settings)) {
            return session.read();
        }
    }
}
