package io.jenkins.plugins.dcom.analysis;

import io.jenkins.plugins.dcom.inventory.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the analysis knows of one host: its name in reports, role, Windows generation and DCOM protocol list. */
public final class HostFacts {
    private final String label;
    private final Role role;
    private final WindowsGeneration generation;
    private final List<String> protocols;

    /**
     * @param protocols the list as the host holds it (or as planned), {@code null} when it could not be read
     */
    public HostFacts(String label, Role role, WindowsGeneration generation, List<String> protocols) {
        this.label = label;
        this.role = role;
        this.generation = generation == null ? WindowsGeneration.UNKNOWN : generation;
        this.protocols = protocols == null ? null : Collections.unmodifiableList(new ArrayList<>(protocols));
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

    /** @return these facts with another protocol list (the planned one) */
    public HostFacts withProtocols(List<String> list) {
        return new HostFacts(label, role, generation, list);
    }
}
