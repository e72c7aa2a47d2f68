package io.jenkins.plugins.dcom.contract;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The one list of transport names, read by the inventory parser, the command line and the build step's form and
 * Pipeline step. The SMB dialects are choices inside {@code rrp} (an inventory line's {@code smb=}), not names here.
 * Each name's factory lives in its own package; the command line pairs them ({@code cli.TransportChoice}).
 */
public final class TransportNames {
    /** WinRM: reg.exe and shutdown.exe over WS-Management. */
    public static final String WINRM = "winrm";
    /** The remote registry RPC: [MS-RRP] winreg over SMB named pipes, SMB1 to SMB 3.1.1. */
    public static final String RRP = "rrp";
    /** The default for runs and inventory lines that name none. */
    public static final String DEFAULT = WINRM;
    /** Every name, in the order forms list them. */
    public static final List<String> ALL = Collections.unmodifiableList(Arrays.asList(WINRM, RRP));

    private TransportNames() {
    }

    /**
     * @param name a transport name as given, {@code null} or blank for the default
     * @return the name
     * @throws IllegalArgumentException naming the accepted names when {@code name} is not one
     */
    public static String check(String name) {
        if (name == null || name.trim().isEmpty()) {
            return DEFAULT;
        }
        if (!ALL.contains(name.trim())) {
            throw new IllegalArgumentException("transport '" + name.trim() + "' is unknown; use one of " + ALL);
        }
        return name.trim();
    }
}
