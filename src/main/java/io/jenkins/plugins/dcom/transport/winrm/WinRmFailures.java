package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.contract.Setting;
import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import io.jenkins.plugins.dcom.text.UntrustedText;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/**
 * Classifies a failed WinRM exchange by the codes Windows gives: the exception type of a failed connection, the HTTP
 * status, and a SOAP fault's WSManFault code ([MS-WSMV] 2.2.4.43, winerror.h). The host's localized fault text is
 * never classified; it may follow, cleaned, for the admin to read.
 */
final class WinRmFailures {
    /** ERROR_WSMAN_OPERATION_TIMEDOUT, 0x80338029: a Receive that found no output within OperationTimeout. */
    static final long OPERATION_TIMED_OUT = 2150858793L;
    /** ERROR_WSMAN_REMOTESHELLS_NOT_ALLOWED, 0x803381AC: Group Policy "Allow Remote Shell Access" is disabled. */
    static final long REMOTE_SHELLS_NOT_ALLOWED = 2150859180L;
    /** The shell does not exist (any more): closed by IdleTimeout, a service restart, or a reboot. */
    static final long SHELL_NOT_FOUND = 2150858843L;
    private static final long ACCESS_DENIED = 5L;
    private static final long ACCESS_DENIED_HRESULT = 2147942405L;
    private static final long QUOTA_USER = 2150859175L;
    private static final long QUOTA_SYSTEM = 2150859176L;
    private static final long QUOTA_MAX_SHELL_USERS = 2150859179L;

    private WinRmFailures() {
    }

    /** An answer this client refuses to believe (too large, malformed): its message is ours, not the host's. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** A connection that failed: by exception type, never by the JDK's or the host's wording (bar TLS versions). */
    static TransportException of(String host, IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            TransportException classified = classifyOne(host, cause);
            if (classified != null) {
                return classified;
            }
        }
        return new TransportException(FailureKind.PROTOCOL_ERROR, host, "the WinRM exchange failed ("
                + failure.getClass().getSimpleName() + ")");
    }

    private static TransportException classifyOne(String host, Throwable cause) {
        if (cause instanceof Refused) {
            return new TransportException(FailureKind.PROTOCOL_ERROR, host, cause.getMessage());
        }
        if (cause instanceof Deadline.Passed) {
            return new TransportException(FailureKind.TIMEOUT, host, "the WinRM service sent " + cause.getMessage());
        }
        if (cause instanceof KerberosTickets.KerberosLogonException) {
            return new TransportException(FailureKind.AUTH_FAILED, host, cause.getMessage());
        }
        if (cause instanceof SocketTimeoutException || cause.getClass().getSimpleName().equals("ConnectTimeoutException")) {
            return new TransportException(FailureKind.TIMEOUT, host, "no answer from the WinRM service in time");
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new TransportException(FailureKind.UNREACHABLE, host, "connection refused or no route to the WinRM port");
        }
        if (cause instanceof SocketException || cause.getClass().getSimpleName().equals("NoHttpResponseException")) {
            return new TransportException(FailureKind.UNREACHABLE, host, "the connection was dropped before an answer came");
        }
        if (cause instanceof UnknownHostException) {
            return new TransportException(FailureKind.UNREACHABLE, host, "the host name does not resolve");
        }
        if (cause instanceof SSLException && isProtocolMismatch(cause)) {
            return new TransportException(FailureKind.TLS_FAILED, host, "the host offers no TLS version this Java accepts "
                    + "(Java disables TLS 1.0/1.1; Windows Server 2008 has no TLS 1.2, 2008 R2 has it off by default): enable "
                    + "TLS 1.2 on the host, or leave out " + Setting.HTTPS + ": over HTTP, Negotiate encrypts every message");
        }
        if (cause instanceof SSLException || cause instanceof CertificateException) {
            return new TransportException(FailureKind.TLS_FAILED, host,
                    "the HTTPS handshake failed (" + cause.getClass().getSimpleName() + ")");
        }
        return null;
    }

    /**
     * The JDK's own handshake failures when no protocol version is shared (its messages, not the host's): "No
     * appropriate protocol", or the peer's protocol_version alert.
     */
    private static boolean isProtocolMismatch(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        return message.contains("No appropriate protocol") || message.contains("protocol_version");
    }

    /**
     * An answer that is not the one asked for.
     *
     * @param sealed whether the request went sealed (Negotiate or Kerberos over HTTP)
     */
    static TransportException of(String host, WsmanClient.Answer answer, WsmanReply fault, WinRmAuthentication mode,
            boolean sealed) {
        if (answer.status == 401 && mode != WinRmAuthentication.BASIC && answer.offered.equals(Collections.singletonList("basic"))) {
            return new TransportException(FailureKind.PROTOCOL_ERROR, host, "the WinRM service offers Basic only (its "
                    + "Negotiate and Kerberos are off), so no logon was tried with " + mode.label() + ": use "
                    + Setting.AUTH.to("basic") + " with " + Setting.HTTPS + " (local accounts only), or turn Negotiate on "
                    + "there (winrm set winrm/config/service/auth @{Negotiate=\"true\"})");
        }
        if (answer.status == 401) {
            return rejected(host, mode);
        }
        if (fault != null && fault.isFault()) {
            return fault(host, fault);
        }
        if (answer.status == 500 && answer.body.length == 0 && !sealed) {
            return new TransportException(FailureKind.ACCESS_DENIED, host, "the WinRM service refused an unencrypted message "
                    + "(HTTP 500 with AllowUnencrypted=false, Windows' default): use " + Setting.AUTH.to("negotiate") + ", which encrypts "
                    + "every message over HTTP, or " + Setting.HTTPS);
        }
        return new TransportException(FailureKind.PROTOCOL_ERROR, host, "the WinRM service answered HTTP " + answer.status
                + " without a WS-Management fault");
    }

    private static TransportException rejected(String host, WinRmAuthentication mode) {
        String why;
        if (mode == WinRmAuthentication.BASIC) {
            why = "Basic is off on a default Windows server (winrm set winrm/config/service/auth @{Basic=\"true\"}), works for "
                    + "local accounts only, and over HTTP also needs AllowUnencrypted; " + Setting.AUTH.to("negotiate") + " needs none of this";
        } else if (mode == WinRmAuthentication.KERBEROS) {
            why = "the host did not accept the Kerberos ticket: use the host's FQDN (its HTTP/<fqdn> service principal), "
                    + "and check the clocks and that Kerberos is on in the WinRM service";
        } else {
            why = "a wrong password or user (DOMAIN\\user or user@domain for a domain account, user for a local one)";
        }
        return new TransportException(FailureKind.AUTH_FAILED, host, "the WinRM service rejected the logon (HTTP 401): "
                + why + "; a local administrator other than the built-in Administrator also needs "
                + "LocalAccountTokenFilterPolicy=1 (UAC remote restrictions)");
    }

    private static TransportException fault(String host, WsmanReply fault) {
        Long code = fault.faultCode();
        long value = code == null ? -1 : code;
        String said = " (WSManFault " + (code == null ? "without a code" : String.valueOf(code)) + ", "
                + UntrustedText.clip(UntrustedText.line(fault.faultSubcode()), 80) + "; the host said: "
                + UntrustedText.clip(UntrustedText.line(fault.faultText()), 200) + ")";
        if (value == REMOTE_SHELLS_NOT_ALLOWED) {
            return new TransportException(FailureKind.ACCESS_DENIED, host, "the host refuses remote shells: Group Policy "
                    + "Windows Components > Windows Remote Shell > Allow Remote Shell Access is disabled (AllowRemoteShellAccess)"
                    + "; enable it, or use transport=rrp, which needs no shell" + said);
        }
        if (value == ACCESS_DENIED || value == ACCESS_DENIED_HRESULT) {
            return new TransportException(FailureKind.ACCESS_DENIED, host, "the account may not use WinRM here: it must be a "
                    + "local administrator (a local account other than the built-in Administrator also needs "
                    + "LocalAccountTokenFilterPolicy=1)" + said);
        }
        if (value == OPERATION_TIMED_OUT) {
            return new TransportException(FailureKind.TIMEOUT, host, "the WinRM operation timed out on the host" + said);
        }
        if (value == QUOTA_USER || value == QUOTA_SYSTEM || value == QUOTA_MAX_SHELL_USERS) {
            return new TransportException(FailureKind.PROTOCOL_ERROR, host, "the host's WinRM shell quota is used up "
                    + "(MaxShellsPerUser, MaxConcurrentUsers): lower " + Setting.CONCURRENCY + ", or close other sessions" + said);
        }
        return new TransportException(FailureKind.PROTOCOL_ERROR, host, "the WinRM service answered with a fault" + said);
    }
}
