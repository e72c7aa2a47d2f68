package io.jenkins.plugins.dcom.analysis;

import io.jenkins.plugins.dcom.inventory.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the analysis knows of one host: its name in reports, role, Windows generation, DCOM protocol list, and the
 * settings read on it that stop all remote DCOM whatever the list (EnableDCOM=N, malformed RPC port ranges).
 */
public final class HostFacts {
    private final String label;
    private final Role role;
    private final WindowsGeneration generation;
    private final List<String> protocols;
    private final List<String> blockers;

    /**
     * @param protocols the list as the host holds it (or as planned), {@code null} when it could not be read
     */
    public HostFacts(String label, Role role, WindowsGeneration generation, List<String> protocols) {
        this(label, role, generation, protocols, Collections.<String>emptyList());
    }

    /**
     * @param blockers what was read on the host that stops all remote DCOM, each said with its fix and source; empty
     *                 when nothing does (or when the run's policy reads no such setting)
     */
    public HostFacts(String label, Role role, WindowsGeneration generation, List<String> protocols, List<String> blockers) {
        this.label = label;
        this.role = role;
        this.generation = generation == null ? WindowsGeneration.UNKNOWN : generation;
        this.protocols = protocols == null ? null : Collections.unmodifiableList(new ArrayList<>(protocols));
        this.blockers = Collections.unmodifiableList(new ArrayList<>(blockers));
    }

    public String getLabel() {
        return label;
    }

    public Role getRole() {
        return role;
    }

    public WindowsGeneration getGeneration() {
        return generation;
    }

    /** @return the protocol list, or {@code null} when unknown */
    public List<String> getProtocols() {
        return protocols;
    }

    /** @return what stops all remote DCOM on this host; this tool never changes these, so they hold after a run too */
    public List<String> getBlockers() {
        return blockers;
    }

    /** @return these facts with another protocol list (the planned one) */
    public HostFacts withProtocols(List<String> list) {
        return new HostFacts(label, role, generation, list, blockers);
    }
}
