package io.jenkins.plugins.dcom.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The positional difference between two protocol lists, in the order of the list after the change. */
public final class ProtocolDiff {
    private final List<PositionChange> changes;

    private ProtocolDiff(List<PositionChange> changes) {
        this.changes = Collections.unmodifiableList(changes);
    }

    /**
     * @param before the list as it was
     * @param after  the list as it is (or will be)
     * @return every protocol whose position changed, was added or was removed; empty when the lists are equal
     */
    public static ProtocolDiff between(List<String> before, List<String> after) {
        Set<String> names = new LinkedHashSet<>(after);
        names.addAll(before);
        List<PositionChange> changes = new ArrayList<>();
        for (String name : names) {
            int from = before.indexOf(name) + 1;
            int to = after.indexOf(name) + 1;
            if (from != to) {
                changes.add(new PositionChange(name, from, to));
            }
        }
        return new ProtocolDiff(changes);
    }

    public List<PositionChange> getChanges() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** @return the changes as text lines, for reports */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (PositionChange change : changes) {
            lines.add(change.toString());
        }
        return lines;
    }

    @Override
    public String toString() {
        return changes.isEmpty() ? "no change" : String.join(", ", lines());
    }
}
