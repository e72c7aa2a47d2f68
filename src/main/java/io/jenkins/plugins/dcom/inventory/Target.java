package io.jenkins.plugins.dcom.inventory;

import java.util.Locale;
import java.util.regex.Pattern;

/** One server of an inventory: where it is, how to reach it, and where it was declared. */
public final class Target {
    private static final Pattern UNSAFE_IN_FILE_NAMES = Pattern.compile("[^a-z0-9.-]");
    private final String host;
    private final Integer port;
    private final Role role;
    private final String transport;
    private final String name;
    private final Integer smb;
    private final Boolean https;
    private final int line;

    Target(String host, Integer port, Role role, String transport, String name, Integer smb, Boolean https, int line) {
        this.host = host;
        this.port = port;
        this.role = role;
        this.transport = transport;
        this.name = name;
        this.smb = smb;
        this.https = https;
        this.line = line;
    }

    /** Creates a target outside an inventory (tests, rollback records); the host must be valid. */
    public static Target of(String host, Integer port, String transport) {
        if (!HostNames.isValid(host)) {
            throw new IllegalArgumentException("'" + host + "' is not a host name or address");
        }
        return new Target(host, port, Role.UNSPECIFIED, transport, null, null, null, 0);
    }

    /** @return this target with its SMB major version pinned (1, 2 or 3), for the registry RPC */
    public Target withSmb(Integer version) {
        return new Target(host, port, role, transport, name, version, https, line);
    }

    /** @return the host name or address, validated, without brackets */
    public String getHost() {
        return host;
    }

    /** @return the port from the inventory, or {@code null} for the transport's default */
    public Integer getPort() {
        return port;
    }

    public Role getRole() {
        return role;
    }

    /** @return the transport named on the line, or {@code null} for the run's default */
    public String getTransport() {
        return transport;
    }

    /** @return a display name from {@code name=}, or {@code null} */
    public String getName() {
        return name;
    }

    /** @return the SMB major version the line pins with {@code smb=} (1, 2 or 3), or {@code null} to choose automatically */
    public Integer getSmb() {
        return smb;
    }

    /**
     * @return whether the line's {@code winrm=https} or {@code winrm=http} sets this host's WinRM listener, or
     *         {@code null} for the run's choice ({@code --https})
     */
    public Boolean getHttps() {
        return https;
    }

    /** @return the inventory line (1-based), 0 when not from an inventory */
    public int getLine() {
        return line;
    }

    /** @return {@code host} or {@code host:port} ({@code [v6]:port}), as a user wrote it */
    public String address() {
        String shown = HostNames.isIpv6(host) ? "[" + host + "]" : host;
        return port == null ? shown : shown + ":" + port;
    }

    /** @return the address with the display name, for console lines and reports */
    public String label() {
        return name == null ? address() : name + " (" + address() + ")";
    }

    /** @return a file-name-safe key, unique within an inventory */
    public String fileKey() {
        return UNSAFE_IN_FILE_NAMES.matcher(address().toLowerCase(Locale.ROOT)).replaceAll("_");
    }

    @Override
    public String toString() {
        return address();
    }
}
