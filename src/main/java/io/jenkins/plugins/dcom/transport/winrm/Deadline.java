package io.jenkins.plugins.dcom.transport.winrm;

import java.net.SocketTimeoutException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A total time limit on one HTTP exchange: a socket's read timeout only bounds the wait for each read, so a host that
 * sends a byte every few seconds, or an endless chunked body, would hold a session for ever. When the limit passes, the
 * action given (aborting the request, which shuts its connection down) runs once; {@link #expired()} then tells the
 * caller that the failure it sees is the deadline's.
 */
final class Deadline implements AutoCloseable {
    /**
     * One daemon thread for every session of the process: it only fires aborts. A timer cancelled because its exchange
     * ended leaves the queue at once: kept until its time (minutes), each would hold its aborted request's connection
     * and buffers, and a fleet's run would hold thousands.
     */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final AtomicBoolean expired = new AtomicBoolean();
    private final ScheduledFuture<?> timer;

    /** @param onExpiry what to do when the time is up: it must make the exchange fail at once */
    Deadline(long millis, Runnable onExpiry) {
        this.timer = TIMER.schedule(() -> {
            expired.set(true);
            onExpiry.run();
        }, millis, TimeUnit.MILLISECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "dcom-winrm-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** @return how many timers are waiting: those of the exchanges under way */
    static int waiting() {
        return TIMER.getQueue().size();
    }

    /** @return whether the time ran out (and the action ran) */
    boolean expired() {
        return expired.get();
    }

    /** The failure of an exchange whose deadline passed: a timeout, whatever the aborted connection threw. */
    static final class Passed extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        Passed(long millis) {
            super("no whole answer within " + (millis + 999) / 1000 + " s; the connection was aborted");
        }
    }

    /** Stops the timer: the exchange ended in time. */
    @Override
    public void close() {
        timer.cancel(false);
    }
}
