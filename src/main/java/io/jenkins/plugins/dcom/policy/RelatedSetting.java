package io.jenkins.plugins.dcom.policy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The registry settings that break DCOM as a wrong protocol order does, each read-only, each with its source
 * (dcom-facts.md). {@link #check(Object)} judges a value as read: a {@link String} for REG_SZ, a {@link Long} for
 * REG_DWORD, a {@link List} for REG_MULTI_SZ, {@code null} when absent (Windows then uses its default).
 */
public enum RelatedSetting {
    /** {@code HKLM\SOFTWARE\Microsoft\Ole\EnableDCOM}, REG_SZ Y/N: N blocks all remote DCOM (KB825750). */
    ENABLE_DCOM("enableDcom", "SOFTWARE\\Microsoft\\Ole", "EnableDCOM"),
    /** {@code HKLM\SOFTWARE\Microsoft\Rpc\Internet\Ports}, REG_MULTI_SZ ranges: one malformed entry breaks all RPC. */
    RPC_PORTS("rpcPorts", "SOFTWARE\\Microsoft\\Rpc\\Internet", "Ports"),
    /** {@code HKLM\SOFTWARE\Microsoft\Ole\AppCompat\RequireIntegrityActivationAuthenticationLevel}, DWORD (KB5004442). */
    DCOM_HARDENING("dcomHardening", "SOFTWARE\\Microsoft\\Ole\\AppCompat", "RequireIntegrityActivationAuthenticationLevel");

    private static final Pattern PORT_RANGE = Pattern.compile("^(\\d{1,5})(?:-(\\d{1,5}))?$");

    private final String key;
    private final String subkey;
    private final String value;

    RelatedSetting(String key, String subkey, String value) {
        this.key = key;
        this.subkey = subkey;
        this.value = value;
    }

    /** @return the policy key that switches this check */
    public String policyKey() {
        return key;
    }

    /** @return the key under HKLM */
    public String subkey() {
        return subkey;
    }

    /** @return the value's name */
    public String valueName() {
        return value;
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
        java.util.regex.Matcher matcher = PORT_RANGE.matcher(range);
        if (!matcher.matches()) {
            return false;
        }
        int low = Integer.parseInt(matcher.group(1));
        int high = matcher.group(2) == null ? low : Integer.parseInt(matcher.group(2));
        return low >= 1 && high <= 65535 && low <= high;
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
