package io.jenkins.plugins.dcom.policy;

import io.jenkins.plugins.dcom.text.UntrustedText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What Windows knows about each RPC protocol sequence name that can appear in {@code DCOM Protocols}.
 *
 * <p>Sources: [MS-COMA] note 24, [MS-DCOM] note 51, KB242022 (see {@code docs/policy.md}). Windows silently
 * ignores a name it does not know, so a typo is a silent misconfiguration: {@link #classify(String)} tells it apart.
 */
public final class ProtocolCatalog {
    /** A protocol name that may reach a remote command line: lower-case letters and underscores only. */
    public static final Pattern SAFE_NAME = Pattern.compile("^[a-z_]+$");

    /** The classes a name can fall in. */
    public enum Kind {
        /** Used by DCOM on some Windows still in service. */
        SUPPORTED,
        /** A real RPC protocol sequence that current DCOM does not use (datagram or retired transports). */
        OBSOLETE,
        /** Not an RPC protocol sequence DCOM accepts in this list: a typo, or {@code ncalrpc} (local only). */
        UNKNOWN
    }

    private static final Map<String, Kind> NAMES = names();

    private ProtocolCatalog() {
    }

    private static Map<String, Kind> names() {
        Map<String, Kind> names = new LinkedHashMap<>();
        names.put("ncacn_ip_tcp", Kind.SUPPORTED);
        names.put("ncacn_http", Kind.SUPPORTED);
        names.put("ncacn_np", Kind.SUPPORTED);
        names.put("ncadg_ip_udp", Kind.OBSOLETE);
        names.put("ncacn_spx", Kind.OBSOLETE);
        names.put("ncadg_ipx", Kind.OBSOLETE);
        names.put("ncacn_nb_tcp", Kind.OBSOLETE);
        names.put("ncacn_nb_ipx", Kind.OBSOLETE);
        names.put("ncacn_nb_nb", Kind.OBSOLETE);
        names.put("ncacn_at_dsp", Kind.OBSOLETE);
        names.put("ncacn_dnet_nsp", Kind.OBSOLETE);
        names.put("ncacn_vns_spp", Kind.OBSOLETE);
        names.put("ncadg_mq", Kind.OBSOLETE);
        return Collections.unmodifiableMap(names);
    }

    /**
     * Classifies a name exactly as written (Windows compares these names as given; {@code NCACN_IP_TCP} is unknown).
     *
     * @param name an entry of the list, never {@code null}
     * @return its class; {@link Kind#UNKNOWN} for anything not listed, including {@code ncalrpc}
     */
    public static Kind classify(String name) {
        Kind kind = NAMES.get(name);
        return kind == null ? Kind.UNKNOWN : kind;
    }

    /** @return whether the name is one this catalog lists (supported or obsolete) */
    public static boolean isKnown(String name) {
        return NAMES.containsKey(name);
    }

    /**
     * Suggests the listed name closest to a misspelt one.
     *
     * @return the nearest listed name within two edits (case ignored), or {@code null} when none is that close
     */
    public static String suggest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (String candidate : NAMES.keySet()) {
            int distance = EditDistance.between(lower, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * @return a short explanation of why a name is flagged, for messages and reports; the name is shown through
     *         {@link UntrustedText#entry(String)}, so a look-alike letter shows as its code point
     */
    public static String explain(String name) {
        String shown = "'" + UntrustedText.clip(UntrustedText.entry(name), UntrustedText.ENTRY_SHOWN) + "'";
        switch (classify(name)) {
            case SUPPORTED:
                return shown + " is used by DCOM";
            case OBSOLETE:
                return shown + " is obsolete: DCOM on Windows 2000 and later does not use it";
            default:
                String suggestion = suggest(name);
                String reason = "ncalrpc".equals(name)
                        ? "'ncalrpc' is local-only RPC and never valid in this list"
                        : shown + " is not a DCOM protocol sequence: Windows silently ignores it";
                return suggestion == null ? reason : reason + " (did you mean " + suggestion + "?)";
        }
    }
}
