package io.jenkins.plugins.dcom.contract;


/**
 * Which way of writing a user each transport accepts: the registry RPC logs on with NTLM through SMB, so
 * DOMAIN&#92;user or {@code user}, not {@code user@REALM}; WinRM's Negotiate takes every form (its Kerberos and Basic
 * modes check theirs when the session opens). Shared by the transports and the build step's form.
 */
public final class UserForms {
    private UserForms() {
    }

    /** @return {@code null} when {@code transport} accepts {@code user} as written, else what to write instead */
    public static String problem(String transport, String user) {
        if (TransportNames.RRP.equals(transport) && user.indexOf('@') >= 0) {
            return "the registry RPC logs on with NTLM: write the user as DOMAIN\\user (or user for a local account), not user@REALM";
        }
        return null;
    }
}
