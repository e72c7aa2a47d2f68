package io.jenkins.plugins.dcom.transport.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The time limit of one HTTP exchange: an exchange that ends in time lets go of its timer at once, so that a long run's
 * thousands of exchanges do not keep their aborted-request actions (and what those hold) until their time would have
 * come; one that does not end in time is aborted.
 */
class DeadlineTest {

    @Test
    void anExchangeThatEndsInTimeLeavesNoTimerBehind() {
        int before = Deadline.waiting();
        for (int i = 0; i < 1000; i++) {
            try (Deadline deadline = new Deadline(TimeUnit.MINUTES.toMillis(10), () -> { })) {
                assertThat(deadline.expired()).isFalse();
            }
        }

        assertThat(Deadline.waiting()).isLessThanOrEqualTo(before);
    }

    @Test
    void anExchangeThatOutlivesItsLimitIsAbortedOnce() throws InterruptedException {
        CountDownLatch aborted = new CountDownLatch(1);
        try (Deadline deadline = new Deadline(10, aborted::countDown)) {
            assertThat(aborted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(deadline.expired()).isTrue();
        }
    }
}
