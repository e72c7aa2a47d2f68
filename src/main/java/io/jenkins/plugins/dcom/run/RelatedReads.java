package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.policy.Evaluation;
import io.jenkins.plugins.dcom.policy.Finding;
import io.jenkins.plugins.dcom.policy.Policy;
import io.jenkins.plugins.dcom.policy.RelatedSetting;
import io.jenkins.plugins.dcom.policy.Severity;
import io.jenkins.plugins.dcom.transport.AuditReads;
import io.jenkins.plugins.dcom.transport.MultiSz;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.ValueRead;
import java.util.ArrayList;
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

    /** @return the values of the related settings the policy checks, to read with the host's other values */
    static List<ValueRead> valueReads(Policy policy) {
        List<ValueRead> reads = new ArrayList<>();
        for (RelatedSetting setting : policy.getRelatedChecks().keySet()) {
            if (!setting.isKey()) {
                reads.add(read(setting));
            }
        }
        return reads;
    }

    private static ValueRead read(RelatedSetting setting) {
        return new ValueRead(setting.subkey(), setting.valueName());
    }

    /**
     * @param values what the host's one look read, holding {@link #valueReads}'s values; the keys' presence is asked here
     * @return the policy's findings on the related settings and the check of each setting read; none when the policy
     *         checks none (a setting that could not be read is one warning finding, and has no check)
     */
    static Evaluation judge(Policy policy, RegistryTransport session, AuditReads values) {
        if (policy.getRelatedChecks().isEmpty()) {
            return policy.judgeRelated(Collections.<RelatedSetting, Object>emptyMap());
        }
        Map<RelatedSetting, Object> read = new EnumMap<>(RelatedSetting.class);
        List<String> unread = new ArrayList<>();
        for (RelatedSetting setting : policy.getRelatedChecks().keySet()) {
            if (!setting.isKey()) {
                if (values.othersFailure() == null) {
                    read.put(setting, judged(values.other(read(setting))));
                } else {
                    unread.add(setting.valueName() + " (" + values.othersFailure().getKind() + ")");
                }
                continue;
            }
            try {
                read.put(setting, session.keyExists(setting.subkey()) ? Boolean.TRUE : null);
            } catch (TransportException e) {
                unread.add(setting.subkey() + " (" + e.getKind() + ")");
            }
        }
        Evaluation judged = policy.judgeRelated(read);
        if (unread.isEmpty()) {
            return judged;
        }
        return judged.with(Finding.warning("relatedChecks", "could not read " + String.join(", ", unread)
                + "; those checks were not made on this host"));
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
