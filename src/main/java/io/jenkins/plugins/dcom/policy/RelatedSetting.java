package io.jenkins.plugins.dcom.policy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry settings that break DCOM as a wrong protocol order does, each read-only, each with its source
 * (dcom-facts.md). {@link #check(Object)} judges a value as read: a {@link String} for REG_SZ, a {@link Long} for
 * REG_DWORD, a {@link List} for REG_MULTI_SZ, {@code null} when absent (Windows then uses its default); a setting
 * whose signal is a key's presence ({@link #isKey()}) is judged as {@link Boolean#TRUE} when the key exists.
 */
public enum RelatedSetting {
    /** {@code HKLM\SOFTWARE\Microsoft\Ole\EnableDCOM}, REG_SZ Y/N: N blocks all remote DCOM (KB825750). */
    ENABLE_DCOM("enableDcom", "SOFTWARE\\Microsoft\\Ole", "EnableDCOM"),
    /** {@code HKLM\SOFTWARE\Microsoft\Rpc\Internet\Ports}, REG_MULTI_SZ ranges: one malformed entry breaks all RPC. */
    RPC_PORTS("rpcPorts", "SOFTWARE\\Microsoft\\Rpc\\Internet", "Ports"),
    /** {@code ...\Rpc\Internet\PortsInternetAvailable}, REG_SZ Y/N: read with Ports (KB154596); checked with {@code rpcPorts}. */
    PORTS_INTERNET_AVAILABLE("rpcPorts", "SOFTWARE\\Microsoft\\Rpc\\Internet", "PortsInternetAvailable"),
    /** {@code ...\Rpc\Internet\UseInternetPorts}, REG_SZ Y/N: read with Ports (KB154596); checked with {@code rpcPorts}. */
    USE_INTERNET_PORTS("rpcPorts", "SOFTWARE\\Microsoft\\Rpc\\Internet", "UseInternetPorts"),
    /** {@code HKLM\SOFTWARE\Microsoft\Ole\LegacyAuthenticationLevel}, DWORD 1-6 (absent: 2, connect). */
    LEGACY_AUTHENTICATION_LEVEL("legacyAuthenticationLevel", "SOFTWARE\\Microsoft\\Ole", "LegacyAuthenticationLevel"),
    /** {@code HKLM\SOFTWARE\Microsoft\Ole\AppCompat\RequireIntegrityActivationAuthenticationLevel}, DWORD (KB5004442). */
    DCOM_HARDENING("dcomHardening", "SOFTWARE\\Microsoft\\Ole\\AppCompat", "RequireIntegrityActivationAuthenticationLevel"),
    /**
     * {@code HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\PendingFileRenameOperations}, REG_MULTI_SZ: files
     * Windows replaces at the next start, so a restart is already pending (dcom-facts.md: reboot-pending signals).
     */
    PENDING_FILE_RENAMES("rebootPending", "SYSTEM\\CurrentControlSet\\Control\\Session Manager", "PendingFileRenameOperations"),
    /** {@code HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending}: a key, present while servicing waits for a restart. */
    SERVICING_REBOOT_PENDING("rebootPending", "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending", null),
    /** {@code HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired}: a key, present while an update waits for a restart. */
    UPDATE_REBOOT_REQUIRED("rebootPending", "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired", null);

    private static final Pattern PORT_RANGE = Pattern.compile("^(\\d{1,5})(?:-(\\d{1,5}))?$");

    private final String key;
    private final String subkey;
    private final String value;

    RelatedSetting(String key, String subkey, String value) {
        this.key = key;
        this.subkey = subkey;
        this.value = value;
    }

    /** @return the policy key that switches this check (the Rpc\Internet values share {@code rpcPorts}) */
    public String policyKey() {
        return key;
    }

    /** @return the key under HKLM */
    public String subkey() {
        return subkey;
    }

    /** @return the value's name; {@code null} for a setting whose signal is the key itself ({@link #isKey()}) */
    public String valueName() {
        return value;
    }

    /** @return whether the key's presence is the signal, not a value in it */
    public boolean isKey() {
        return value == null;
    }

    /** @return what is wrong with the value as read and how to fix it, or {@code null} when nothing is */
    public String check(Object read) {
        if (read == null) {
            return null; // absent: Windows' default, which is fine for all three
        }
        switch (this) {
            case ENABLE_DCOM:
                return enableDcom(read);
            case RPC_PORTS:
                return ports(read);
            case PORTS_INTERNET_AVAILABLE:
            case USE_INTERNET_PORTS:
                return yesNo(read);
            case LEGACY_AUTHENTICATION_LEVEL:
                return authenticationLevel(read);
            case PENDING_FILE_RENAMES:
                return pendingRestart(read);
            case SERVICING_REBOOT_PENDING:
            case UPDATE_REBOOT_REQUIRED:
                return Boolean.TRUE.equals(read) ? "a restart is already pending on this host (" + subkey.substring(
                        subkey.lastIndexOf("\\", subkey.lastIndexOf('\\') - 1) + 1) + " is present: Windows servicing or Windows "
                        + "Update waits for it); a restart for the DCOM order also completes that, so plan it with the "
                        + "server's owners" : null;
            default:
                return hardening(read);
        }
    }

    private static String enableDcom(Object read) {
        String text = String.valueOf(read).trim().toUpperCase(Locale.ROOT);
        if ("Y".equals(text)) {
            return null;
        }
        return "N".equals(text) ? "EnableDCOM is N: this host refuses all remote DCOM, whatever the protocol order "
                + "(KB825750); set HKLM\\SOFTWARE\\Microsoft\\Ole\\EnableDCOM to Y and restart"
                : "EnableDCOM is not Y or N: Windows reads only those (KB825750); set it to Y and restart";
    }

    private static String ports(Object read) {
        if (!(read instanceof List)) {
            return "Rpc\\Internet\\Ports is not a REG_MULTI_SZ: RPC cannot read its port ranges; recreate it as a "
                    + "REG_MULTI_SZ of ranges such as 5000-6000 (KB154596)";
        }
        int position = 1;
        for (Object entry : (List<?>) read) {
            String range = String.valueOf(entry);
            if (!validRange(range)) {
                return "Rpc\\Internet\\Ports entry " + position + " is not a port or a range (written without spaces, "
                        + "such as 5000-6000): one malformed entry makes all RPC fail (KB154596, KB201911, KB252589); fix "
                        + "or remove it and restart";
            }
            position++;
        }
        return null;
    }

    private static boolean validRange(String range) {
        Matcher matcher = PORT_RANGE.matcher(range);
        if (!matcher.matches()) {
            return false;
        }
        int low = Integer.parseInt(matcher.group(1));
        int high = matcher.group(2) == null ? low : Integer.parseInt(matcher.group(2));
        return low >= 1 && high <= 65535 && low <= high;
    }

    private String yesNo(Object read) {
        String text = String.valueOf(read).trim().toUpperCase(Locale.ROOT);
        return "Y".equals(text) || "N".equals(text) ? null : "Rpc\\Internet\\" + value + " is not Y or N: RPC reads only those "
                + "with the Ports ranges (KB154596); set it to Y or N and restart";
    }

    private static String authenticationLevel(Object read) {
        if (read instanceof Long && (Long) read >= 1 && (Long) read <= 6) {
            return null;
        }
        return "LegacyAuthenticationLevel is not a DWORD from 1 to 6 (1 none ... 6 packet privacy; absent means 2, "
                + "connect): DCOM cannot use it; set a level from 1 to 6 or remove the value, and restart";
    }

    /** Any entry (a file to replace or delete at the next start), or a value that is not a list: a restart is pending. */
    private static String pendingRestart(Object read) {
        boolean pending = read instanceof List ? hasText((List<?>) read) : !String.valueOf(read).trim().isEmpty();
        return pending ? "a restart is already pending on this host (PendingFileRenameOperations holds files Windows "
                + "replaces at the next start: an update or an installer waits for it); a restart for the DCOM order also "
                + "completes those, so plan it with the server's owners" : null;
    }

    private static boolean hasText(List<?> entries) {
        for (Object entry : entries) {
            if (!String.valueOf(entry).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String hardening(Object read) {
        if (read instanceof Long && (Long) read == 0L) {
            return "RequireIntegrityActivationAuthenticationLevel is 0: the DCOM hardening of KB5004442 is off here; "
                    + "since March 2023 Windows enforces it anyway, so clients that cannot use packet integrity fail; "
                    + "remove the value or set it to 1 and update the clients";
        }
        return null;
    }
}
