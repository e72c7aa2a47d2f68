package io.jenkins.plugins.dcom.lab;

/**
 * A lab host's departures from the WinRM service's defaults. By default a lab host is what {@code winrm quickconfig}
 * leaves on a Windows Server: an HTTP listener, Negotiate (NTLMv2) and Kerberos on, Basic off,
 * {@code AllowUnencrypted=false} (so over HTTP every message must be sealed). Kerberos logons need service keys from
 * a KDC ({@link LabFleet#start(java.util.List, String, LabTls, int, java.nio.file.Path)}); the tests start MIT's.
 */
public enum WinRmServiceSetting {
    /** {@code winrm set winrm/config/service/auth @{Basic="true"}}: Basic logons with local accounts are accepted. */
    BASIC,
    /**
     * {@code winrm set winrm/config/service/auth @{Negotiate="false";Kerberos="false"}} beside {@link #BASIC}: the service
     * offers Basic alone, and answers a Negotiate or Kerberos logon with 401 offering Basic (no logon was checked).
     */
    BASIC_ONLY,
    /** {@code winrm set winrm/config/service @{AllowUnencrypted="true"}}: plain SOAP bodies are accepted over HTTP. */
    ALLOW_UNENCRYPTED,
    /**
     * Group Policy "Allow Remote Shell Access" disabled ({@code AllowRemoteShellAccess=false}): logons work, creating a
     * shell fails with WSManFault 2150859180 (ERROR_WSMAN_REMOTESHELLS_NOT_ALLOWED).
     */
    REMOTE_SHELLS_DISABLED
}
