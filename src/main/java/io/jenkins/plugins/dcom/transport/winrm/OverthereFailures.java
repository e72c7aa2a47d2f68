package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Classifies what Overthere throws into a {@link TransportException}. Overthere's messages hold URLs and,
 * in traces, request bodies; only the kind and our own words reach the message.
 */
final class OverthereFailures {
    private static final Pattern HTTP_STATUS = Pattern.compile("Unexpected HTTP response on \\S+:\\s+(.*) \\((\\d{3})\\)");

    private OverthereFailures() {
    }

    static TransportException classify(String host, RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            TransportException classified = classifyOne(host, cause);
            if (classified != null) {
                return classified;
            }
        }
        return new TransportException(FailureKind.PROTOCOL_ERROR, host,
                "WinRM call failed (" + failure.getClass().getSimpleName() + ")");
    }

    private static TransportException classifyOne(String host, Throwable cause) {
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
                    + "TLS 1.2 on the host, or use --allow-http on a trusted network");
        }
        if (cause instanceof SSLException || cause instanceof CertificateException) {
            return new TransportException(FailureKind.TLS_FAILED, host,
                    "the HTTPS handshake failed (" + cause.getClass().getSimpleName() + ")");
        }
        return classifyHttpStatus(host, cause.getMessage());
    }

    /**
     * The JDK's own handshake failures when no protocol version is shared (its messages, not the host's): "No
     * appropriate protocol", or the peer's protocol_version alert.
     */
    private static boolean isProtocolMismatch(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        return message.contains("No appropriate protocol") || message.contains("protocol_version");
    }

    private static TransportException classifyHttpStatus(String host, String message) {
        Matcher matcher = message == null ? null : HTTP_STATUS.matcher(message);
        if (matcher == null || !matcher.find()) {
            return null;
        }
        int status = Integer.parseInt(matcher.group(2));
        if (status == 401) {
            return new TransportException(FailureKind.AUTH_FAILED, host, "the WinRM service rejected the credentials (HTTP 401): "
                    + "a wrong password, Basic authentication off for a local account, or a local administrator other than the "
                    + "built-in Administrator, whose remote token UAC filters unless LocalAccountTokenFilterPolicy=1");
        }
        if (status == 403) {
            return new TransportException(FailureKind.ACCESS_DENIED, host, "the WinRM service refused the user (HTTP 403)");
        }
        return new TransportException(FailureKind.PROTOCOL_ERROR, host,
                "the WinRM service answered HTTP " + status + " " + matcher.group(1)
                        + " (HTTP 500 is a WS-Management fault: an operation timeout, a shell quota or a bad request)");
    }
}
