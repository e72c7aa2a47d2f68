package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.Target;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one audit, remediation or rollback over a fleet with bounded parallelism. Every host of the input has a
 * result in the output, in input order, whatever happened to it. An {@link AccountGuard} keeps a wrong password
 * from being tried on more hosts than the run allows.
 */
public final class ComplianceEngine {
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final RunOptions options;
    private final ProgressListener listener;

    public ComplianceEngine(RunOptions options, ProgressListener listener) {
        this.options = options;
        this.listener = listener;
    }

    /** @return a new run id: the UTC start time, for backup folders and reports */
    public static String newRunId() {
        return RUN_ID.format(Instant.now());
    }

    /** Audits or remediates every host of the inventory; a staged remediation goes wave by wave ({@link Rollout}). */
    public RunResult run(String runId, Inventory inventory) throws InterruptedException {
        Instant started = Instant.now();
        if (options.getMode() == Mode.REMEDIATE && !options.isDryRun() && options.getRollout().isStaged()) {
            Waves.Finished outcome = new Waves(options, runId, this::runJobs).run(inventory.getTargets());
            return result(runId, options.getPolicy().getName(), started, outcome.results).rolloutLog(outcome.log).build();
        }
        HostProcessor processor = new HostProcessor(options, runId);
        List<HostResult> hosts = runJobs(new GuardedJobs(options).of(inventory.getTargets(), processor::process));
        return result(runId, options.getPolicy().getName(), started, hosts).build();
    }

    /** Rolls back every record, each against the host it names, to the value from before the tool first changed it. */
    public RunResult rollback(String runId, List<Target> targets, List<BackupRecord> records) throws InterruptedException {
        Instant started = Instant.now();
        RollbackProcessor processor = new RollbackProcessor(options, options.getHistory());
        Map<Target, BackupRecord> recordOf = new IdentityHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            recordOf.put(targets.get(i), records.get(i));
        }
        List<HostResult> hosts = runJobs(new GuardedJobs(options).of(targets, target -> processor.process(target, recordOf.get(target))));
        return result(runId, "rollback of " + (records.isEmpty() ? "nothing" : "run " + records.get(0).getRunId()), started,
                hosts).build();
    }

    /** @return the run's result with its times: from {@code started} to now, after its last host */
    private RunResult.Builder result(String runId, String policyName, Instant started, List<HostResult> hosts) {
        return RunResult.builder(runId, options.getMode()).dryRun(options.isDryRun()).restart(options.getRestart().isEnabled())
                .policy(policyName).times(started, Instant.now()).hosts(hosts)
                .connectivityRequired(options.getPolicy() != null && options.getPolicy().isConnectivityRequired())
                .warnings(options.getHistory().getWarnings());
    }

    /** Runs the jobs with the run's concurrency, reporting each as it ends. @return the results in job order */
    private List<HostResult> runJobs(List<Callable<HostResult>> jobs) throws InterruptedException {
        if (jobs.isEmpty()) {
            return new ArrayList<>();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.getConcurrency(), jobs.size())),
                new NamedThreads());
        try {
            CompletionService<HostResult> completion = new ExecutorCompletionService<>(pool);
            List<Future<HostResult>> futures = new ArrayList<>();
            for (Callable<HostResult> job : jobs) {
                futures.add(completion.submit(job));
            }
            report(completion, jobs.size());
            List<HostResult> results = new ArrayList<>();
            for (Future<HostResult> future : futures) {
                results.add(get(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void report(CompletionService<HostResult> completion, int total) throws InterruptedException {
        int ok = 0;
        int nonCompliant = 0;
        int failed = 0;
        for (int done = 1; done <= total; done++) {
            HostResult result = get(completion.take());
            switch (result.getStatus().outcome()) {
                case OK:
                    ok++;
                    break;
                case NON_COMPLIANT:
                    nonCompliant++;
                    break;
                default:
                    failed++;
            }
            listener.hostFinished(result, done, total, ok, nonCompliant, failed);
        }
    }

    private static HostResult get(Future<HostResult> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a host job threw, which processors never do", e.getCause());
        }
    }

    private static final class NamedThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "dcom-host-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
