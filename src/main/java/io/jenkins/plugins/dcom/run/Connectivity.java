package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.analysis.ConnectivityMatrix;
import io.jenkins.plugins.dcom.analysis.HostFacts;
import io.jenkins.plugins.dcom.analysis.WindowsGeneration;
import java.util.ArrayList;
import java.util.List;

/**
 * The connectivity analysis of a run: the console x site-server matrix as the hosts were found, and as they will
 * be once what the run wrote (or, in a dry run, planned) is in effect.
 */
public final class Connectivity {
    private final ConnectivityMatrix before;
    private final ConnectivityMatrix after;

    private Connectivity(ConnectivityMatrix before, ConnectivityMatrix after) {
        this.before = before;
        this.after = after;
    }

    /** @return an analysis that was not made, and why */
    static Connectivity skipped(String reason) {
        return new Connectivity(ConnectivityMatrix.skipped(reason), null);
    }

    /**
     * @param hosts  a run's results, in inventory order
     * @param dryRun whether the planned lists count as the new ones (a dry run), or only what was written and read back
     */
    public static Connectivity of(List<HostResult> hosts, boolean dryRun) {
        List<HostFacts> found = new ArrayList<>();
        List<HostFacts> planned = new ArrayList<>();
        boolean changes = false;
        for (HostResult host : hosts) {
            HostFacts facts = new HostFacts(host.getTarget().label(), host.getTarget().getRole(),
                    WindowsGeneration.of(host.getWindowsVersion()), host.getBefore());
            found.add(facts);
            List<String> next = dryRun && host.getPlanned() != null ? host.getPlanned() : host.getAfter();
            changes |= next != null && !next.equals(host.getBefore());
            planned.add(next == null ? facts : facts.withProtocols(next));
        }
        return new Connectivity(ConnectivityMatrix.of(found), changes ? ConnectivityMatrix.of(planned) : null);
    }

    /** @return the pairs as the hosts were read */
    public ConnectivityMatrix getBefore() {
        return before;
    }

    /** @return the pairs once the written or planned lists are in effect, or {@code null} when the run changes nothing */
    public ConnectivityMatrix getAfter() {
        return after;
    }
}
