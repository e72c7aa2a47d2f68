package io.jenkins.plugins.dcom.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects policy rules and checks that they fit together before a {@link Policy} exists.
 * Shared by the YAML parser and the presets, so both obey the same rules.
 */
final class PolicyBuilder {
    private final String source;
    private String name;
    private String first;
    private List<String> order;
    private final List<String> required = new ArrayList<>();
    private final List<String> forbidden = new ArrayList<>();
    private Severity unknownNames = Severity.ERROR;
    private Severity obsoleteNames = Severity.WARNING;
    private boolean connectivityRequired;
    private final Map<RelatedSetting, Severity> related = new EnumMap<>(RelatedSetting.class);

    PolicyBuilder(String source) {
        this.source = source;
        this.name = source;
    }

    PolicyBuilder name(String value) {
        this.name = value;
        return this;
    }

    PolicyBuilder first(String value) {
        this.first = value;
        return this;
    }

    PolicyBuilder order(List<String> value) {
        this.order = new ArrayList<>(value);
        return this;
    }

    PolicyBuilder required(List<String> value) {
        required.addAll(value);
        return this;
    }

    PolicyBuilder forbidden(List<String> value) {
        forbidden.addAll(value);
        return this;
    }

    PolicyBuilder unknownNames(Severity value) {
        this.unknownNames = value;
        return this;
    }

    PolicyBuilder obsoleteNames(Severity value) {
        this.obsoleteNames = value;
        return this;
    }

    PolicyBuilder connectivityRequired(boolean value) {
        this.connectivityRequired = value;
        return this;
    }

    /** @param severity the finding's severity, or {@code null} to switch the check off */
    PolicyBuilder related(RelatedSetting setting, Severity severity) {
        if (severity == null) {
            related.remove(setting);
        } else {
            related.put(setting, severity);
        }
        return this;
    }

    Policy build() throws PolicyException {
        if (first == null && order == null && required.isEmpty() && forbidden.isEmpty()) {
            throw new PolicyException(source + ": the policy states no rule; add at least one of "
                    + "first, order, required or forbidden (or use the preset kb272937)");
        }
        checkOrder();
        checkConflicts();
        return new Policy(name, first, order, required, forbidden, unknownNames, obsoleteNames, connectivityRequired, related);
    }

    private void checkOrder() throws PolicyException {
        if (order == null) {
            return;
        }
        if (order.isEmpty()) {
            throw new PolicyException(source + ": 'order' is empty, which would disable DCOM; list at least one protocol");
        }
        Set<String> seen = new HashSet<>();
        for (String protocol : order) {
            if (!seen.add(protocol)) {
                throw new PolicyException(source + ": 'order' lists " + protocol + " twice; list each protocol once");
            }
        }
        if (first != null && !first.equals(order.get(0))) {
            throw new PolicyException(source + ": 'first' is " + first + " but 'order' starts with " + order.get(0)
                    + "; drop 'first' or make them agree");
        }
    }

    private void checkConflicts() throws PolicyException {
        for (String protocol : forbidden) {
            if (protocol.equals(first) || required.contains(protocol) || order != null && order.contains(protocol)) {
                throw new PolicyException(source + ": " + protocol
                        + " is forbidden and also required by 'first', 'order' or 'required'; remove one of them");
            }
        }
        for (String protocol : required) {
            if (order != null && !order.contains(protocol)) {
                throw new PolicyException(source + ": " + protocol + " is required but missing from 'order'; add it to 'order'");
            }
        }
    }
}
