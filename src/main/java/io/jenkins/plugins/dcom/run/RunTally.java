package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.contract.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a run keeps of its hosts for its closing lines and its analysis: the count by status, the first
 * {@value #NAMED} hosts of each outcome, and the facts the connectivity analysis needs (consoles and site servers
 * only). It grows with the hosts that have those roles, not with the fleet: a run whose hosts go to a
 * {@link ResultSink} as they finish holds this instead of every host's result.
 */
public final class RunTally {
    /** Hosts named per outcome; the rest are counted. */
    public static final int NAMED = 10;

    private final Map<HostStatus, Integer> counts = new EnumMap<>(HostStatus.class);
    private final Map<Outcome, List<String>> named = new EnumMap<>(Outcome.class);
    private final Connectivity.Facts facts;
    private int hosts;

    /** @param dryRun whether planned lists count as the new ones in the connectivity analysis */
    RunTally(boolean dryRun) {
        this.facts = new Connectivity.Facts(dryRun);
        for (HostStatus status : HostStatus.values()) {
            counts.put(status, 0);
        }
        for (Outcome outcome : Outcome.values()) {
            named.put(outcome, new ArrayList<>());
        }
    }

    /** @return the tally of hosts already in memory */
    static RunTally of(List<HostResult> hosts, boolean dryRun) {
        RunTally tally = new RunTally(dryRun);
        hosts.forEach(tally::add);
        return tally;
    }

    /**
     * Counts a finished host. The hosts named are the first added of each outcome: the first in inventory order for a
     * run that holds its hosts, the first to finish for one whose hosts went to a sink.
     */
    void add(HostResult host) {
        hosts++;
        counts.put(host.getStatus(), counts.get(host.getStatus()) + 1);
        List<String> names = named.get(host.getStatus().outcome());
        if (names.size() < NAMED) {
            names.add(host.getTarget().label() + " " + host.getStatus());
        }
        facts.add(host);
    }

    /** @return the number of hosts counted */
    public int hosts() {
        return hosts;
    }

    /** @return how many hosts ended in each status; every status present, zero where none */
    public Map<HostStatus, Integer> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /** @return the number of hosts with the outcome */
    public int count(Outcome outcome) {
        int count = 0;
        for (Map.Entry<HostStatus, Integer> entry : counts.entrySet()) {
            if (entry.getKey().outcome() == outcome) {
                count += entry.getValue();
            }
        }
        return count;
    }

    /** @return up to {@value #NAMED} hosts with the outcome, each as {@code "label STATUS"} */
    public List<String> named(Outcome outcome) {
        return Collections.unmodifiableList(named.get(outcome));
    }

    /** @return the connectivity analysis of the hosts counted */
    Connectivity connectivity() {
        return facts.analyse();
    }
}
