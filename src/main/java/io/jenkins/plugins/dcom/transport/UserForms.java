package io.jenkins.plugins.dcom.transport;

import io.jenkins.plugins.dcom.contract.TransportNames;

/**
 * Which way of writing a user each transport accepts: WinRM (Overthere) does Basic for {@code user} and Kerberos
 * for {@code user@REALM} but not DOMAIN&#92;user; the registry RPC logs on with NTLM, so DOMAIN&#92;user
 * or {@code user}, not {@code user@REALM}. Shared by the transports and the build step's form.
 */
public final class UserForms {
    private UserForms() {
    }

    /** @return {@code null} when {@code transport} accepts {@code user} as written, else what to write instead */
    public static String problem(String transport, String user) {
        if (TransportNames.RRP.equals(transport) && user.indexOf('@') >= 0) {
            return "the registry RPC logs on with NTLM: write the user as DOMAIN\\user (or user for a local account), not user@REALM";
        }
        if (TransportNames.WINRM.equals(transport) && user.indexOf('\\') >= 0) {
            return "WinRM does not accept the user form DOMAIN\\user; use 'user' for a local account (Basic) "
                    + "or 'user@REALM' for a domain account (Kerberos)";
        }
        return null;
    }
}
