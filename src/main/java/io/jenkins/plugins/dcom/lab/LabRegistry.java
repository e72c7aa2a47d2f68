package io.jenkins.plugins.dcom.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The one registry value a lab host has, with its type; thread-safe. Survives the host's restarts. */
public final class LabRegistry {
    private String type;
    private List<String> data;

    /**
     * @param type REG_MULTI_SZ, REG_SZ, or {@code null} when the value is missing
     * @param data the entries (one for REG_SZ)
     */
    public LabRegistry(String type, List<String> data) {
        set(type, data);
    }

    /** @return the type, or {@code null} when the value does not exist */
    public synchronized String type() {
        return type;
    }

    public synchronized List<String> data() {
        return data;
    }

    public synchronized void set(String newType, List<String> newData) {
        this.type = newType;
        this.data = Collections.unmodifiableList(new ArrayList<>(newData));
    }
}
