package io.jenkins.plugins.dcom.inventory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validates host names and addresses before they reach a connection or a remote command line:
 * an RFC 1123 host name, a dotted IPv4 address, or an IPv6 address (bracketed in inventories).
 */
public final class HostNames {
    private static final Pattern LABEL = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$");
    private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");
    private static final Pattern HEX_GROUP = Pattern.compile("^[0-9A-Fa-f]{1,4}$");

    private HostNames() {
    }

    /** @return whether {@code host} is a valid host name, IPv4 or IPv6 address (without brackets) */
    public static boolean isValid(String host) {
        return host != null && (IPV4.matcher(host).matches() || isIpv6(host) || isHostName(host));
    }

    /**
     * @return whether {@code host} is an IPv6 address in RFC 4291 text form: eight groups of one to four hex digits,
     *         or fewer around one {@code ::}, optionally ending in a dotted IPv4 address (two groups)
     */
    public static boolean isIpv6(String host) {
        if (host.indexOf(':') < 0 || !IPV6_CHARS.matcher(host).matches()) {
            return false;
        }
        String[] halves = host.split("::", -1);
        if (halves.length > 2) {
            return false;
        }
        int groups = 0;
        for (int half = 0; half < halves.length; half++) {
            if (halves[half].isEmpty()) {
                continue;
            }
            String[] parts = halves[half].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = half == halves.length - 1 && i == parts.length - 1;
                if (last && parts[i].indexOf('.') >= 0) {
                    if (!IPV4.matcher(parts[i]).matches()) {
                        return false;
                    }
                    groups += 2;
                } else if (HEX_GROUP.matcher(parts[i]).matches()) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return halves.length == 2 ? groups <= 7 : groups == 8;
    }

    /** @return the host in one spelling per machine: lower case, and IP addresses in canonical form */
    public static String canonical(String host) {
        if (IPV4.matcher(host).matches() || isIpv6(host)) {
            try {
                return InetAddress.getByName(host).getHostAddress(); // a literal: no name lookup
            } catch (UnknownHostException notALiteral) {
                return host.toLowerCase(Locale.ROOT);
            }
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static boolean isHostName(String host) {
        if (host.isEmpty() || host.length() > 253 || host.endsWith(".") || IPV4_LIKE.matcher(host).matches()) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** All-numeric dotted names are mistyped IPv4 addresses, not host names. */
    private static final Pattern IPV4_LIKE = Pattern.compile("^[0-9.]+$");
}
