package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.inventory.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The one way a run turns hosts into jobs: each job runs its host's work under the run's single {@link AccountGuard},
 * at a position that keeps counting across calls (a staged rollout's look and waves share one guard and one order).
 * Not thread-safe: jobs are made by the run's thread, then run by the pool.
 */
final class GuardedJobs {
    private final AccountGuard guard;
    private int next;

    GuardedJobs(RunOptions options) {
        this.guard = new AccountGuard(options.getMaxAuthFailures(), options.getTransports());
    }

    /** @return one job per target, in order; a job never throws but for an interruption */
    List<Callable<HostResult>> of(List<Target> targets, Function<Target, HostResult> work) {
        List<Callable<HostResult>> jobs = new ArrayList<>();
        for (Target target : targets) {
            int position = next++;
            jobs.add(() -> guard.run(position, target, () -> work.apply(target)));
        }
        return jobs;
    }
}
