package io.jenkins.plugins.dcom.analysis;

import java.util.regex.Pattern;

/**
 * The Windows generations whose DCOM behaviour differs for protocol choice, told apart by the registry's
 * {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentVersion} (4.0, 5.0, 5.1, 5.2, 6.x).
 */
public enum WindowsGeneration {
    /** Windows NT 4.0: DCOM may use datagram protocols; its default list puts ncadg_ip_udp first. */
    NT4("Windows NT 4.0"),
    /** Windows 2000 and XP: DCOM uses connection-oriented protocols only; listens on tcp, spx, nb_nb, nb_ipx. */
    WIN2000_XP("Windows 2000 / XP"),
    /** Windows Server 2003 and later: DCOM listens on ncacn_ip_tcp only. */
    WIN2003_LATER("Windows Server 2003 or later"),
    /** The version could not be read. */
    UNKNOWN("unknown Windows version");

    private static final Pattern VERSION = Pattern.compile("\\d{1,2}\\.\\d{1,2}");
    private final String label;

    WindowsGeneration(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * @param currentVersion the registry's CurrentVersion text, e.g. "4.0"; untrusted
     * @return the generation, {@link #UNKNOWN} for anything not of the form major.minor
     */
    public static WindowsGeneration of(String currentVersion) {
        if (currentVersion == null || !VERSION.matcher(currentVersion.trim()).matches()) {
            return UNKNOWN;
        }
        String[] parts = currentVersion.trim().split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        if (major < 4) {
            return UNKNOWN;
        }
        if (major == 4) {
            return NT4;
        }
        if (major == 5 && minor <= 1) {
            return WIN2000_XP;
        }
        return WIN2003_LATER;
    }
}
