package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.analysis.ConnectivityMatrix;
import io.jenkins.plugins.dcom.analysis.PairOutcome;
import io.jenkins.plugins.dcom.analysis.PairPrediction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a wave may be followed by the next: every host of the wave ended as the run wanted (written and, with
 * --restart, rebooted and audited again), and no console x site-server pair that involves the wave's hosts fails now
 * that did not fail before.
 */
final class WaveGate {
    private WaveGate() {
    }

    /**
     * @param wave    the wave's results
     * @param all     every result so far, in run order
     * @param restart whether the run restarts hosts
     * @param dryRun  whether the run is a dry run
     * @return why the gate is closed, or {@code null} when the next wave may start
     */
    static String closed(List<HostResult> wave, List<HostResult> all, boolean restart, boolean dryRun) {
        for (HostResult host : wave) {
            if (!passed(host.getStatus(), restart)) {
                return host.getTarget().label() + " ended " + host.getStatus() + ": " + host.getMessage();
            }
        }
        Connectivity connectivity = Connectivity.of(all, dryRun);
        if (connectivity.getAfter() == null) {
            return null;
        }
        Map<String, PairOutcome> before = new HashMap<>();
        for (PairPrediction pair : connectivity.getBefore().getPairs()) {
            before.put(pair.getConsole() + " -> " + pair.getServer(), pair.getOutcome());
        }
        ConnectivityMatrix after = connectivity.getAfter();
        for (PairPrediction pair : after.getPairs()) {
            boolean involved = wave.stream().anyMatch(host -> host.getTarget().label().equals(pair.getConsole())
                    || host.getTarget().label().equals(pair.getServer()));
            String key = pair.getConsole() + " -> " + pair.getServer();
            if (involved && pair.getOutcome() == PairOutcome.FAILS && before.get(key) != PairOutcome.FAILS) {
                return "the change makes " + key + " fail: " + pair.getReason();
            }
        }
        return null;
    }

    private static boolean passed(HostStatus status, boolean restart) {
        switch (status) {
            case COMPLIANT:
            case REMEDIATED:
                return true;
            case RESTART_PENDING:
                return !restart;
            default:
                return false;
        }
    }
}
