package io.jenkins.plugins.dcom.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The built-in policies, selectable by name wherever a policy file is accepted. */
public final class Presets {
    /** KB Q272937: {@code ncacn_ip_tcp} first, every other entry keeps its relative order. */
    public static final String KB272937 = "kb272937";
    /** Exactly {@code ncacn_ip_tcp} and nothing else (Windows Server 2003 and later listen on TCP only). */
    public static final String TCP_ONLY = "tcp-only";
    /** {@link #KB272937}, and every console x site-server pair must connect at once on a connection-oriented protocol. */
    public static final String KB272937_FLEET = "kb272937-fleet";

    private static final String TCP = "ncacn_ip_tcp";

    private Presets() {
    }

    /** @return the preset names, for help texts and form drop-downs */
    public static List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(KB272937, KB272937_FLEET, TCP_ONLY));
    }

    /** @return whether {@code name} names a preset */
    public static boolean isPreset(String name) {
        return names().contains(name);
    }

    /**
     * @param name a preset name
     * @return the preset
     * @throws PolicyException when no preset has that name; the message lists the presets
     */
    public static Policy get(String name) throws PolicyException {
        if (KB272937.equals(name)) {
            return new PolicyBuilder(KB272937).first(TCP).required(Collections.singletonList(TCP))
                    .unknownNames(Severity.ERROR).obsoleteNames(Severity.WARNING).build();
        }
        if (KB272937_FLEET.equals(name)) {
            return new PolicyBuilder(KB272937_FLEET).first(TCP).required(Collections.singletonList(TCP))
                    .unknownNames(Severity.ERROR).obsoleteNames(Severity.WARNING).connectivityRequired(true)
                    .related(RelatedSetting.ENABLE_DCOM, Severity.ERROR).related(RelatedSetting.RPC_PORTS, Severity.ERROR)
                    .related(RelatedSetting.PORTS_INTERNET_AVAILABLE, Severity.ERROR).related(RelatedSetting.USE_INTERNET_PORTS, Severity.ERROR)
                    .related(RelatedSetting.LEGACY_AUTHENTICATION_LEVEL, Severity.WARNING)
                    .related(RelatedSetting.DCOM_HARDENING, Severity.WARNING)
                    .related(RelatedSetting.PENDING_FILE_RENAMES, Severity.WARNING)
                    .related(RelatedSetting.SERVICING_REBOOT_PENDING, Severity.WARNING)
                    .related(RelatedSetting.UPDATE_REBOOT_REQUIRED, Severity.WARNING).build();
        }
        if (TCP_ONLY.equals(name)) {
            return new PolicyBuilder(TCP_ONLY).order(Collections.singletonList(TCP))
                    .unknownNames(Severity.ERROR).obsoleteNames(Severity.ERROR).build();
        }
        throw new PolicyException("'" + name + "' is not a preset; use one of " + names());
    }
}
