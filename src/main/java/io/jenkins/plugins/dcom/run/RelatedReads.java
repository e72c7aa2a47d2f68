package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.policy.Evaluation;
import io.jenkins.plugins.dcom.policy.Finding;
import io.jenkins.plugins.dcom.policy.Policy;
import io.jenkins.plugins.dcom.policy.RelatedSetting;
import io.jenkins.plugins.dcom.policy.Severity;
import io.jenkins.plugins.dcom.transport.MultiSz;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.ValueRead;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the related settings a policy checks (read-only) and judges them: each value is turned into what
 * {@link RelatedSetting#check(Object)} judges (text, number, list), nothing is ever written.
 */
final class RelatedReads {
    private RelatedReads() {
    }

    /**
     * @return the policy's findings on the related settings and the check of each setting read; none when the policy
     *         checks none (a setting that could not be read is one warning finding, and has no check)
     */
    static Evaluation judge(Policy policy, RegistryTransport session) {
        if (policy.getRelatedChecks().isEmpty()) {
            return policy.judgeRelated(Collections.<RelatedSetting, Object>emptyMap());
        }
        Map<RelatedSetting, Object> read = new EnumMap<>(RelatedSetting.class);
        List<String> unread = new ArrayList<>();
        readValues(policy.getRelatedChecks().keySet(), session, read, unread);
        for (RelatedSetting setting : policy.getRelatedChecks().keySet()) {
            if (setting.isKey()) {
                try {
                    read.put(setting, session.keyExists(setting.subkey()) ? Boolean.TRUE : null);
                } catch (TransportException e) {
                    unread.add(setting.subkey() + " (" + e.getKind() + ")");
                }
            }
        }
        Evaluation judged = policy.judgeRelated(read);
        if (unread.isEmpty()) {
            return judged;
        }
        return judged.with(Finding.warning("relatedChecks", "could not read " + String.join(", ", unread)
                + "; those checks were not made on this host"));
    }

    /** The settings that are values, all in one read of the session (one command over WinRM). */
    private static void readValues(Collection<RelatedSetting> settings, RegistryTransport session,
            Map<RelatedSetting, Object> read, List<String> unread) {
        Map<RelatedSetting, ValueRead> values = new EnumMap<>(RelatedSetting.class);
        for (RelatedSetting setting : settings) {
            if (!setting.isKey()) {
                values.put(setting, new ValueRead(setting.subkey(), setting.valueName()));
            }
        }
        if (values.isEmpty()) {
            return;
        }
        try {
            Map<ValueRead, RegistryValue> found = session.readValues(new ArrayList<>(values.values()));
            for (Map.Entry<RelatedSetting, ValueRead> value : values.entrySet()) {
                read.put(value.getKey(), judged(found.get(value.getValue())));
            }
        } catch (TransportException e) {
            for (RelatedSetting setting : values.keySet()) {
                unread.add(setting.valueName() + " (" + e.getKind() + ")");
            }
        }
    }

    /** @return the value as the check judges it: REG_SZ text, REG_DWORD number, REG_MULTI_SZ entries, else its type name */
    private static Object judged(RegistryValue value) {
        if (value == null) {
            return null;
        }
        if (value.getType() == RegistryValue.REG_MULTI_SZ) {
            try {
                return MultiSz.decode("", value);
            } catch (TransportException malformed) {
                return value.getTypeName(); // judged as "not a list"
            }
        }
        if (value.dword() != null) {
            return value.dword();
        }
        return value.text() != null ? value.text() : value.getTypeName();
    }

    /** @return the error findings' messages joined, or {@code null} when there is none */
    static String errors(List<Finding> findings) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : findings) {
            if (finding.getSeverity() == Severity.ERROR) {
                text.append(text.length() == 0 ? "" : "; ").append(finding.getMessage());
            }
        }
        return text.length() == 0 ? null : text.toString();
    }
}
