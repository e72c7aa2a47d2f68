package io.jenkins.plugins.dcom.inventory;

import java.util.regex.Pattern;

/**
 * Validates host names and addresses before they reach a connection or a remote command line:
 * an RFC 1123 host name, a dotted IPv4 address, or an IPv6 address (bracketed in inventories).
 */
public final class HostNames {
    private static final Pattern LABEL = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$");
    private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    private HostNames() {
    }

    /** @return whether {@code host} is a valid host name, IPv4 or IPv6 address (without brackets) */
    public static boolean isValid(String host) {
        return host != null && (IPV4.matcher(host).matches() || isIpv6(host) || isHostName(host));
    }

    /** @return whether {@code host} looks like an IPv6 address */
    public static boolean isIpv6(String host) {
        return host.indexOf(':') >= 0 && IPV6.matcher(host).matches();
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
