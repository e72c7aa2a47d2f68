package io.jenkins.plugins.dcom.analysis;

import io.jenkins.plugins.dcom.inventory.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every console x site server pair of a fleet with its predicted outcome. A fleet without both roles has no pairs
 * and says why ({@link #getSkipped()}).
 */
public final class ConnectivityMatrix {
    private final List<String> consoles;
    private final List<String> servers;
    private final List<PairPrediction> pairs;
    private final String skipped;

    private ConnectivityMatrix(List<String> consoles, List<String> servers, List<PairPrediction> pairs, String skipped) {
        this.consoles = Collections.unmodifiableList(consoles);
        this.servers = Collections.unmodifiableList(servers);
        this.pairs = Collections.unmodifiableList(pairs);
        this.skipped = skipped;
    }

    /** @return a matrix without pairs that says why */
    public static ConnectivityMatrix skipped(String reason) {
        return new ConnectivityMatrix(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), reason);
    }

    /** @param hosts every host of the run, in inventory order */
    public static ConnectivityMatrix of(List<HostFacts> hosts) {
        List<HostFacts> consoles = new ArrayList<>();
        List<HostFacts> servers = new ArrayList<>();
        for (HostFacts host : hosts) {
            if (host.getRole() == Role.CONSOLE) {
                consoles.add(host);
            } else if (host.getRole() == Role.SITE_SERVER) {
                servers.add(host);
            }
        }
        List<String> consoleNames = new ArrayList<>();
        List<String> serverNames = new ArrayList<>();
        consoles.forEach(host -> consoleNames.add(host.getLabel()));
        servers.forEach(host -> serverNames.add(host.getLabel()));
        if (consoles.isEmpty() || servers.isEmpty()) {
            return new ConnectivityMatrix(consoleNames, serverNames, new ArrayList<>(), "connectivity not analysed: the inventory "
                    + "needs hosts with role=console and role=site-server (it has " + consoles.size() + " and " + servers.size() + ")");
        }
        List<PairPrediction> pairs = new ArrayList<>();
        for (HostFacts console : consoles) {
            for (HostFacts server : servers) {
                pairs.add(PairPredictor.predict(console, server));
            }
        }
        return new ConnectivityMatrix(consoleNames, serverNames, pairs, null);
    }

    public List<String> getConsoles() {
        return consoles;
    }

    public List<String> getServers() {
        return servers;
    }

    /** @return the pairs, console by console, server by server */
    public List<PairPrediction> getPairs() {
        return pairs;
    }

    /** @return why there are no pairs, or {@code null} */
    public String getSkipped() {
        return skipped;
    }

    /** @return how many pairs have the outcome */
    public long count(PairOutcome outcome) {
        return pairs.stream().filter(pair -> pair.getOutcome() == outcome).count();
    }
}
