package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.analysis.ConnectivityMatrix;
import io.jenkins.plugins.dcom.analysis.HostFacts;
import io.jenkins.plugins.dcom.analysis.WindowsGeneration;
import io.jenkins.plugins.dcom.inventory.Role;
import io.jenkins.plugins.dcom.policy.Finding;
import io.jenkins.plugins.dcom.policy.RelatedSetting;
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
        Facts facts = new Facts(dryRun);
        hosts.forEach(facts::add);
        return facts.analyse();
    }

    /**
     * What the analysis needs of a run's hosts, gathered host by host as they finish: whether any host's list changes,
     * and the facts of consoles and site servers only (the analysis pairs no other host), as found and as planned.
     */
    static final class Facts {
        private final boolean dryRun;
        private final List<HostFacts> found = new ArrayList<>();
        private final List<HostFacts> planned = new ArrayList<>();
        private boolean changes;

        /** @param dryRun whether the planned lists count as the new ones (a dry run), or only what was written */
        Facts(boolean dryRun) {
            this.dryRun = dryRun;
        }

        void add(HostResult host) {
            List<String> next = dryRun && host.getPlanned() != null ? host.getPlanned() : host.getAfter();
            changes |= next != null && !next.equals(host.getBefore());
            if (host.getTarget().getRole() != Role.CONSOLE && host.getTarget().getRole() != Role.SITE_SERVER) {
                return;
            }
            HostFacts facts = new HostFacts(host.getTarget().label(), host.getTarget().getRole(),
                    WindowsGeneration.of(host.getWindowsVersion()), host.getBefore(), blockers(host));
            found.add(facts);
            planned.add(next == null ? facts : facts.withProtocols(next));
        }

        Connectivity analyse() {
            return new Connectivity(ConnectivityMatrix.of(found), changes ? ConnectivityMatrix.of(planned) : null);
        }
    }

    /**
     * @return the findings of the related checks that stop all remote DCOM on the host (EnableDCOM, the RPC port
     *         ranges), whatever their severity in the policy: a warning there is still a refused connection here
     */
    private static List<String> blockers(HostResult host) {
        List<String> blockers = new ArrayList<>();
        for (Finding finding : host.getFindings()) {
            if (RelatedSetting.ENABLE_DCOM.policyKey().equals(finding.getRule())
                    || RelatedSetting.RPC_PORTS.policyKey().equals(finding.getRule())) {
                blockers.add(finding.getMessage());
            }
        }
        return blockers;
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
