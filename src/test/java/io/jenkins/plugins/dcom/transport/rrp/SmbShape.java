package io.jenkins.plugins.dcom.transport.rrp;

/**
 * What a Samba fixture host offers on the wire, modelled on the Windows generations the registry RPC must reach
 * (samba-hosts.md): each sets Samba's protocol range and ports.
 */
enum SmbShape {
    /** Windows 2008 to 2016 with SMB1 still installed: SMB1 and SMB 2.0.2-3.1.1 on 445. */
    DUAL("NT1", "SMB3", 445),
    /**
     * Windows Server 2019 and later, or any host with SMB1 removed: SMB 2.0.2-3.1.1 on 445, signing required (as on
     * domain controllers, and on every Server 2025 and Windows 11 24H2 by default).
     */
    SMB2_ONLY("SMB2_02", "SMB3", 445),
    /** Windows 2000 and 2003: SMB1 only, on 445. */
    SMB1_ONLY("NT1", "NT1", 445),
    /** Windows NT 4.0: SMB1 only, over the NetBIOS session service on 139; nothing on 445. */
    NETBIOS_ONLY("NT1", "NT1", 139),
    /**
     * Current Windows with the Remote Registry service stopped or disabled: SMB2/3 on 445, no {@code winreg} pipe.
     * Samba 4.17 keeps serving winreg with {@code rpc_server:winreg = disabled}; what removes it is not starting
     * samba-dcerpcd at all, so every RPC pipe is missing here, and opening winreg gets the same NT status Windows
     * sends (STATUS_OBJECT_NAME_NOT_FOUND). Only that answer is modelled: the tool opens no other pipe.
     */
    NO_WINREG("SMB2_02", "SMB3", 445);

    private final String min;
    private final String max;
    private final int port;

    SmbShape(String min, String max, int port) {
        this.min = min;
        this.max = max;
        this.port = port;
    }

    /** @return the smb.conf lines for this shape */
    String config() {
        return "  server min protocol = " + min + "\n  server max protocol = " + max + "\n  smb ports = " + port + "\n"
                + (port == 139 ? "  disable netbios = no\n" : "")
                + (this == NO_WINREG ? "  rpc start on demand helpers = no\n" : "")
                + (this == SMB2_ONLY ? "  server signing = mandatory\n" : "");
    }

    int port() {
        return port;
    }
}
