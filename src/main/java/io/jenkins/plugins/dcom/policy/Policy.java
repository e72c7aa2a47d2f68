package io.jenkins.plugins.dcom.policy;

import io.jenkins.plugins.dcom.text.UntrustedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a compliant {@code DCOM Protocols} list looks like. Immutable; built by {@link PolicyParser} or
 * {@link Presets}, both of which validate it, so every instance is consistent (for instance no protocol is both
 * required and forbidden).
 *
 * <p>Comparison is order-sensitive: the first entry is the one DCOM tries first.
 */
public final class Policy {
    private final String name;
    private final String first;
    private final List<String> order;
    private final List<String> required;
    private final List<String> forbidden;
    private final Severity unknownNames;
    private final Severity obsoleteNames;
    private final boolean connectivityRequired;
    private final Map<RelatedSetting, Severity> related;

    Policy(String name, String first, List<String> order, List<String> required, List<String> forbidden,
            Severity unknownNames, Severity obsoleteNames, boolean connectivityRequired,
            Map<RelatedSetting, Severity> related) {
        this.related = Collections.unmodifiableMap(new EnumMap<RelatedSetting, Severity>(related.isEmpty()
                ? new EnumMap<RelatedSetting, Severity>(RelatedSetting.class) : related));
        this.name = name;
        this.first = first;
        this.order = order == null ? null : Collections.unmodifiableList(new ArrayList<>(order));
        this.required = Collections.unmodifiableList(new ArrayList<>(required));
        this.forbidden = Collections.unmodifiableList(new ArrayList<>(forbidden));
        this.unknownNames = unknownNames;
        this.obsoleteNames = obsoleteNames;
        this.connectivityRequired = connectivityRequired;
    }

    /**
     * @return whether every console x site-server pair must connect at once on a connection-oriented protocol for
     * the run to comply ({@code connectivity: required}); otherwise the analysis is reported only
     */
    public boolean isConnectivityRequired() {
        return connectivityRequired;
    }

    /** @return the related settings this policy checks (read-only), each with the severity of a finding */
    public Map<RelatedSetting, Severity> getRelatedChecks() {
        return related;
    }

    /**
     * Judges the related settings as read: one finding per setting that is wrong (with the policy's severity), and the
     * check of each one read, passing ones too.
     *
     * @param read per checked setting, the value as read ({@link RelatedSetting#check(Object)}); a setting missing
     *             from the map was not read and has neither
     */
    public Evaluation judgeRelated(Map<RelatedSetting, Object> read) {
        List<Finding> findings = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<RelatedSetting, Severity> check : related.entrySet()) {
            if (!read.containsKey(check.getKey())) {
                continue;
            }
            Object value = read.get(check.getKey());
            String problem = check.getKey().check(value);
            String key = check.getKey().policyKey();
            if (problem != null) {
                findings.add(new Finding(check.getValue(), key, problem));
                checks.add(new Check(key, check.getValue() == Severity.ERROR ? Check.Result.FAIL : Check.Result.WARN, problem));
            } else {
                RelatedSetting setting = check.getKey();
                checks.add(new Check(key, Check.Result.PASS, (setting.isKey() ? setting.subkey() : setting.valueName())
                        + (setting.isKey() ? (value == null ? ": absent" : ": present") : " as read: " + shown(value))));
            }
        }
        return new Evaluation(findings, checks);
    }

    private static String shown(Object value) {
        if (value == null) {
            return "absent";
        }
        if (value instanceof List) {
            List<String> entries = new ArrayList<>();
            for (Object entry : (List<?>) value) {
                entries.add(String.valueOf(entry));
            }
            return UntrustedText.list(entries);
        }
        return UntrustedText.clip(UntrustedText.line(String.valueOf(value)), UntrustedText.ENTRY_SHOWN);
    }

    public String getName() {
        return name;
    }

    /** @return the protocol that must be first, or {@code null} when the policy does not say */
    public String getFirst() {
        return first;
    }

    /** @return the exact list required, or {@code null} when the policy does not require one */
    public List<String> getOrder() {
        return order;
    }

    public List<String> getRequired() {
        return required;
    }

    public List<String> getForbidden() {
        return forbidden;
    }

    public Severity getUnknownNames() {
        return unknownNames;
    }

    public Severity getObsoleteNames() {
        return obsoleteNames;
    }

    /**
     * Checks a protocol list against every rule of this policy.
     *
     * @param actual the list as read from the host, first entry first
     * @return all findings, errors and warnings, in a stable order
     */
    public Evaluation evaluate(List<String> actual) {
        List<Finding> findings = new ArrayList<>();
        checkEmpty(actual, findings);
        checkEmptyEntries(actual, findings);
        checkFirst(actual, findings);
        checkOrder(actual, findings);
        checkRequired(actual, findings);
        checkForbidden(actual, findings);
        checkNames(actual, findings);
        checkDuplicates(actual, findings);
        return new Evaluation(findings, checks(actual, findings));
    }

    /** @return one check per rule this policy ran, in the order they ran, each with what it asked and what it saw */
    private List<Check> checks(List<String> actual, List<Finding> findings) {
        String list = UntrustedText.list(actual);
        List<Check> checks = new ArrayList<>();
        checks.add(check("empty", findings, "the list holds " + actual.size() + " entries"));
        checks.add(check("emptyEntry", findings, "no empty entry in " + list));
        if (first != null) {
            checks.add(check("first", findings, first + " first; the first entry is "
                    + (actual.isEmpty() ? "none" : UntrustedText.clip(UntrustedText.entry(actual.get(0)), UntrustedText.ENTRY_SHOWN))));
        }
        if (order != null) {
            checks.add(check("order", findings, "exactly " + order + "; the list is " + list));
        }
        if (!required.isEmpty()) {
            checks.add(check("required", findings, required + " present in " + list));
        }
        if (!forbidden.isEmpty()) {
            checks.add(check("forbidden", findings, forbidden + " absent from " + list));
        }
        checks.add(check("unknownNames", findings, "every entry of " + list + " is a DCOM protocol sequence"));
        checks.add(check("obsoleteNames", findings, "no entry of " + list + " is obsolete unless the policy asks for it"));
        checks.add(check("duplicates", findings, "no entry of " + list + " is listed twice"));
        return checks;
    }

    /** @return the rule's check: FAIL with an error finding, WARN with a warning, else PASS; a finding's text as detail */
    private static Check check(String rule, List<Finding> findings, String asked) {
        Check.Result result = Check.Result.PASS;
        String detail = asked;
        for (Finding finding : findings) {
            if (rule.equals(finding.getRule())) {
                result = finding.isError() ? Check.Result.FAIL : result == Check.Result.FAIL ? result : Check.Result.WARN;
                detail = finding.getMessage();
            }
        }
        return new Check(rule, result, detail);
    }

    private static void checkEmpty(List<String> actual, List<Finding> findings) {
        if (actual.isEmpty()) {
            findings.add(new Finding(Severity.ERROR, "empty",
                    "the list is empty: DCOM has no network protocol and remote activation is disabled"));
        }
    }

    private static void checkEmptyEntries(List<String> actual, List<Finding> findings) {
        int position = actual.indexOf("");
        if (position >= 0) {
            findings.add(new Finding(Severity.ERROR, "emptyEntry", "entry " + (position + 1) + " is an empty string: "
                    + "Windows ends the list there and ignores the " + (actual.size() - position - 1) + " entries after it"));
        }
    }

    private void checkFirst(List<String> actual, List<Finding> findings) {
        if (first == null || (!actual.isEmpty() && first.equals(actual.get(0)))) {
            return;
        }
        int position = actual.indexOf(first);
        String where = position < 0 ? "it is missing" : "it is at position " + (position + 1);
        findings.add(new Finding(Severity.ERROR, "first", first + " must be first; " + where));
    }

    private void checkOrder(List<String> actual, List<Finding> findings) {
        if (order != null && !order.equals(actual)) {
            findings.add(new Finding(Severity.ERROR, "order", "the list must be exactly " + order));
        }
    }

    private void checkRequired(List<String> actual, List<Finding> findings) {
        for (String protocol : required) {
            if (!actual.contains(protocol)) {
                findings.add(new Finding(Severity.ERROR, "required", protocol + " is required but missing"));
            }
        }
    }

    private void checkForbidden(List<String> actual, List<Finding> findings) {
        for (String protocol : forbidden) {
            if (actual.contains(protocol)) {
                findings.add(new Finding(Severity.ERROR, "forbidden",
                        protocol + " is forbidden but present at position " + (actual.indexOf(protocol) + 1)));
            }
        }
    }

    private void checkNames(List<String> actual, List<Finding> findings) {
        for (String protocol : new LinkedHashSet<>(actual)) {
            if (protocol.isEmpty()) {
                continue;
            }
            ProtocolCatalog.Kind kind = ProtocolCatalog.classify(protocol);
            if (kind == ProtocolCatalog.Kind.UNKNOWN) {
                findings.add(new Finding(unknownNames, "unknownNames", ProtocolCatalog.explain(protocol)));
            } else if (kind == ProtocolCatalog.Kind.OBSOLETE && !isStated(protocol)) {
                findings.add(new Finding(obsoleteNames, "obsoleteNames", ProtocolCatalog.explain(protocol)));
            }
        }
    }

    private static void checkDuplicates(List<String> actual, List<Finding> findings) {
        Set<String> seen = new HashSet<>();
        for (String protocol : actual) {
            if (!protocol.isEmpty() && !seen.add(protocol)) {
                findings.add(new Finding(Severity.WARNING, "duplicates", UntrustedText.entry(protocol)
                        + " is listed more than once"));
            }
        }
    }

    /** An obsolete name the policy itself asks for (in {@code order}) is not flagged again. */
    private boolean isStated(String protocol) {
        return order != null && order.contains(protocol);
    }

    /**
     * @return whether the planner should drop this entry: an empty entry (it ends the list), a forbidden name, or a
     *         name class the policy makes an error
     */
    public boolean rejects(String protocol) {
        if (protocol.isEmpty() || forbidden.contains(protocol)) {
            return true;
        }
        ProtocolCatalog.Kind kind = ProtocolCatalog.classify(protocol);
        return kind == ProtocolCatalog.Kind.UNKNOWN && unknownNames == Severity.ERROR
                || kind == ProtocolCatalog.Kind.OBSOLETE && obsoleteNames == Severity.ERROR && !isStated(protocol);
    }

    @Override
    public String toString() {
        return "policy '" + name + "'";
    }
}
