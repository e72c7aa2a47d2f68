package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.backup.RecordFiles;
import io.jenkins.plugins.dcom.contract.Outcome;
import io.jenkins.plugins.dcom.contract.Setting;
import io.jenkins.plugins.dcom.inventory.Target;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A staged remediation: first a read-only audit of every host (so that each gate can judge every console x site
 * server pair, not only those of hosts already changed), then wave after wave ({@link Rollout#waves}), never two at
 * once; after each wave its gate ({@link WaveGate}) and the run's failure count decide whether the next starts. When the run stops, the hosts not
 * yet touched end SKIPPED with the reason, and with auto-revert the stopping wave's changed hosts are written back
 * from their backups.
 */
final class Waves {
    /** Runs jobs with the run's concurrency and returns their results in job order. */
    interface JobRunner {
        List<HostResult> run(List<Callable<HostResult>> jobs) throws InterruptedException;
    }

    /** What the rollout did: results in inventory order and one line per wave. */
    static final class Finished {
        final List<HostResult> results = new ArrayList<>();
        final List<String> log = new ArrayList<>();
    }

    private final RunOptions options;
    private final String runId;
    private final JobRunner runner;

    Waves(RunOptions options, String runId, JobRunner runner) {
        this.options = options;
        this.runId = runId;
        this.runner = runner;
    }

    Finished run(List<Target> targets) throws InterruptedException {
        Rollout rollout = options.getRollout();
        List<List<Target>> waves = rollout.waves(targets);
        HostProcessor processor = new HostProcessor(options, runId);
        GuardedJobs jobs = new GuardedJobs(options);
        Map<Target, HostResult> done = new HashMap<>();
        Map<Target, HostResult> latest = new LinkedHashMap<>();
        Finished outcome = new Finished();
        HostProcessor audit = new HostProcessor(options.asAudit(), runId);
        List<HostResult> found = runner.run(jobs.of(targets, audit::process));
        for (int i = 0; i < targets.size(); i++) {
            latest.put(targets.get(i), found.get(i));
        }
        outcome.log.add("rollout: " + rollout + "; " + waves.size() + " wave(s), after a read-only look at every host");
        int failures = 0;
        String stop = null;
        for (int w = 0; w < waves.size() && stop == null; w++) {
            List<HostResult> wave = runner.run(jobs.of(waves.get(w), processor::process));
            for (HostResult host : wave) {
                latest.put(host.getTarget(), host);
            }
            failures += (int) wave.stream().filter(host -> host.getStatus().outcome() == Outcome.FAILED).count();
            String closed = WaveGate.closed(wave, new ArrayList<>(latest.values()), options.getRestart().isEnabled(), false);
            if (closed == null && rollout.getMaxFailures() > 0 && failures >= rollout.getMaxFailures()) {
                closed = failures + " host(s) failed, the limit set by " + Setting.MAX_FAILURES;
            }
            String label = "wave " + (w + 1) + " of " + waves.size() + " (" + wave.size() + " host(s))";
            if (closed != null) {
                stop = label + " stopped the rollout: " + closed;
                if (rollout.isAutoRevert()) {
                    wave = revert(wave);
                }
            }
            outcome.log.add(label + (closed == null ? ": gate passed" : ": gate closed: " + closed
                    + (rollout.isAutoRevert() ? "; its changed hosts were written back (auto-revert)" : "")));
            for (HostResult host : wave) {
                done.put(host.getTarget(), host);
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            HostResult result = done.get(targets.get(i));
            outcome.results.add(result != null ? result : untouched(found.get(i), stop));
        }
        return outcome;
    }

    /** @return SKIPPED, with what the first look found (its list and version still count in the analysis) */
    private static HostResult untouched(HostResult found, String stop) {
        HostResult.Builder builder = new HostResult.Builder(found.getTarget(), found.getTransport())
                .before(found.getBefore()).findings(found.getFindings()).checks(found.getChecks()).channel(found.getChannel())
                .windowsOf(found);
        String message = "not touched: " + stop;
        return (found.getFailure() != null ? builder.failed(HostStatus.SKIPPED, found.getFailure(), message + "; the first look "
                + "found: " + found.getMessage()) : builder.status(HostStatus.SKIPPED, message)).build();
    }

    /** Writes the wave's changed hosts back from their backups; a host that cannot be reverted says so. */
    private List<HostResult> revert(List<HostResult> wave) throws InterruptedException {
        RollbackProcessor rollback = new RollbackProcessor(options, ChangeHistory.NONE);
        List<Callable<HostResult>> jobs = new ArrayList<>();
        List<Integer> reverted = new ArrayList<>();
        for (int i = 0; i < wave.size(); i++) {
            HostResult host = wave.get(i);
            if (host.getBackupFile() == null) {
                continue;
            }
            final BackupRecord record;
            try {
                record = RecordFiles.read(Paths.get(host.getBackupFile()));
            } catch (IOException e) {
                continue; // the host keeps its own result, which names the backup
            }
            reverted.add(i);
            jobs.add(() -> rollback.process(host.getTarget(), record));
        }
        List<HostResult> results = runner.run(jobs);
        List<HostResult> merged = new ArrayList<>(wave);
        for (int j = 0; j < results.size(); j++) {
            HostResult original = wave.get(reverted.get(j));
            merged.set(reverted.get(j), revertedResult(original, results.get(j)));
        }
        return merged;
    }

    /** The rollback's result, its message saying what the remediation had done first. */
    private static HostResult revertedResult(HostResult original, HostResult rollback) {
        // The rollback restarts the host when the run restarts hosts, and says so in its own message.
        String message = "auto-revert after its wave failed (" + original.getStatus() + ": " + original.getMessage() + "); "
                + rollback.getMessage();
        HostResult.Builder builder = new HostResult.Builder(original.getTarget(), original.getTransport())
                .before(original.getBefore()).after(rollback.getAfter()).findings(original.getFindings())
                .checks(original.getChecks())
                .backupFile(original.getBackupFile()).channel(original.getChannel()).windowsOf(original);
        if (rollback.getFailure() != null) {
            builder.failed(rollback.getStatus(), rollback.getFailure(), message);
        } else {
            builder.status(rollback.getStatus(), message);
        }
        return builder.build();
    }
}
