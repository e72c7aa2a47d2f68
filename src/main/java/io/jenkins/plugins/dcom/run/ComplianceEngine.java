package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.Target;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
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
        return run(runId, inventory, null);
    }

    /**
     * As {@link #run(String, Inventory)}, each host's result going to {@code sink} as the host finishes and the run
     * keeping only its {@link RunTally}, so that memory does not grow with the fleet. A staged remediation's waves need
     * every result of a wave for its gate: there the results go to the sink once the last wave ended.
     *
     * @param sink where the results go, or {@code null} to keep them in the result ({@link RunResult#getHosts()})
     */
    public RunResult run(String runId, Inventory inventory, ResultSink sink) throws InterruptedException {
        Instant started = Instant.now();
        if (options.getMode() == Mode.REMEDIATE && !options.isDryRun() && options.getRollout().isStaged()) {
            Waves.Finished outcome = new Waves(options, runId, jobs -> runJobs(jobs, null, null)).run(inventory.getTargets());
            RunResult.Builder result = result(runId, options.getPolicy().getName(), started).rolloutLog(outcome.log);
            if (sink == null) {
                return result.hosts(outcome.results).build();
            }
            RunTally tally = new RunTally(options.isDryRun());
            for (HostResult host : outcome.results) {
                sink.accept(host);
                tally.add(host);
            }
            return result.tally(tally).build();
        }
        HostProcessor processor = new HostProcessor(options, runId);
        return finish(result(runId, options.getPolicy().getName(), started),
                new GuardedJobs(options).of(inventory.getTargets(), processor::process), sink);
    }

    /** Rolls back every record, each against the host it names, to the value from before the tool first changed it. */
    public RunResult rollback(String runId, List<Target> targets, List<BackupRecord> records) throws InterruptedException {
        return rollback(runId, targets, records, null);
    }

    /** As {@link #rollback(String, List, List)}, each host's result going to {@code sink} as in {@link #run(String, Inventory, ResultSink)}. */
    public RunResult rollback(String runId, List<Target> targets, List<BackupRecord> records, ResultSink sink)
            throws InterruptedException {
        Instant started = Instant.now();
        RollbackProcessor processor = new RollbackProcessor(options, options.getHistory());
        Map<Target, BackupRecord> recordOf = new IdentityHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            recordOf.put(targets.get(i), records.get(i));
        }
        return finish(result(runId, rollbackName(records), started),
                new GuardedJobs(options).of(targets, target -> processor.process(target, recordOf.get(target))), sink);
    }

    /** @return what a rollback's reports name as its policy: the run it undoes */
    public static String rollbackName(List<BackupRecord> records) {
        return "rollback of " + (records.isEmpty() ? "nothing" : "run " + records.get(0).getRunId());
    }

    /** Runs the jobs into the result: their results kept, or sent to the sink and tallied. */
    private RunResult finish(RunResult.Builder result, List<Callable<HostResult>> jobs, ResultSink sink) throws InterruptedException {
        if (sink == null) {
            return result.hosts(runJobs(jobs, null, null)).times(result.started(), Instant.now()).build();
        }
        RunTally tally = new RunTally(options.isDryRun());
        runJobs(jobs, sink, tally);
        return result.tally(tally).times(result.started(), Instant.now()).build();
    }

    /** @return the run's result so far: its times are set when its last host ended */
    private RunResult.Builder result(String runId, String policyName, Instant started) {
        return RunResult.builder(runId, options.getMode()).dryRun(options.isDryRun()).restart(options.getRestart().isEnabled())
                .policy(policyName).times(started, null)
                .connectivityRequired(options.getPolicy() != null && options.getPolicy().isConnectivityRequired())
                .warnings(options.getHistory().getWarnings());
    }

    /**
     * Runs the jobs with the run's concurrency, reporting each as it ends.
     *
     * @param sink  where each result goes as it ends, or {@code null} to keep the results
     * @param tally what counts the results that go to the sink
     * @return the results in job order, or an empty list when they went to the sink
     */
    private List<HostResult> runJobs(List<Callable<HostResult>> jobs, ResultSink sink, RunTally tally) throws InterruptedException {
        if (jobs.isEmpty()) {
            return new ArrayList<>();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.getConcurrency(), jobs.size())),
                new NamedThreads());
        try {
            CompletionService<Indexed> completion = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < jobs.size(); i++) {
                Callable<HostResult> job = jobs.get(i);
                int index = i;
                completion.submit(() -> new Indexed(index, job.call()));
            }
            HostResult[] kept = new HostResult[sink == null ? jobs.size() : 0];
            int ok = 0;
            int nonCompliant = 0;
            int failed = 0;
            for (int done = 1; done <= jobs.size(); done++) {
                Indexed finished = get(completion.take());
                HostResult result = finished.result;
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
                listener.hostFinished(result, done, jobs.size(), ok, nonCompliant, failed);
                if (sink == null) {
                    kept[finished.index] = result;
                } else {
                    sink.accept(result);
                    tally.add(result);
                }
            }
            return new ArrayList<>(Arrays.asList(kept));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A job's result and the job's place in the run. */
    private static final class Indexed {
        final int index;
        final HostResult result;

        Indexed(int index, HostResult result) {
            this.index = index;
            this.result = result;
        }
    }

    private static Indexed get(Future<Indexed> future) throws InterruptedException {
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
