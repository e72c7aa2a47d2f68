package io.jenkins.plugins.dcom.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The servers of one run, in the order they were listed. */
public final class Inventory {
    private final List<Target> targets;

    public Inventory(List<Target> targets) {
        this.targets = Collections.unmodifiableList(new ArrayList<>(targets));
    }

    public List<Target> getTargets() {
        return targets;
    }

    public int size() {
        return targets.size();
    }

    /**
     * Selects one shard of the fleet, so a big fleet can be split across agents or jobs.
     *
     * @param index 1-based shard number
     * @param count number of shards
     * @return every {@code count}-th target starting at {@code index}, in listed order
     */
    public Inventory shard(int index, int count) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is invalid; use N/M with 1 <= N <= M");
        }
        List<Target> selected = new ArrayList<>();
        for (int i = index - 1; i < targets.size(); i += count) {
            selected.add(targets.get(i));
        }
        return new Inventory(selected);
    }
}
