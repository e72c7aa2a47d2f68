package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.contract.Setting;
import io.jenkins.plugins.dcom.contract.TransportNames;
import io.jenkins.plugins.dcom.contract.UserForms;
import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * WinRM through our WS-Management client ({@link WsmanShell} on {@link WsmanClient}). By default what a Windows server
 * accepts as it ships: HTTP on 5985, Negotiate (NTLMv2) or Kerberos, every message encrypted. {@code --https}: 5986
 * with strict certificate and host-name checks against the system trust or a {@code --truststore}. Basic sends
 * unencrypted messages, so over HTTP it is refused here, before anything is sent, unless plain HTTP was allowed.
 */
public final class WinRmTransportFactory implements TransportFactory {
    /** Default WinRM port over HTTP. */
    public static final int HTTP_PORT = 5985;
    /** Default WinRM port over HTTPS. */
    public static final int HTTPS_PORT = 5986;
    /** How long the service may hold a Receive before it answers "timed out, still running". */
    private static final int OPERATION_TIMEOUT_SECONDS = 20;

    @Override
    public String name() {
        return TransportNames.WINRM;
    }

    @Override
    public RegistryTransport open(Target target, ConnectionSettings settings) throws TransportException {
        boolean https = https(target, settings);
        String problem = problem(settings, https);
        if (problem != null) {
            throw new TransportException(FailureKind.INVALID_VALUE, target.address(), problem);
        }
        URI endpoint = endpoint(target, settings);
        WsmanClient client = new WsmanClient(endpoint, settings, https ? tls(target, settings) : null);
        WsmanEnvelopes envelopes = new WsmanEnvelopes(endpoint.toString(), OPERATION_TIMEOUT_SECONDS);
        return new WinRmTransport(target.address(), new WsmanShell(target.address(), client, envelopes,
                settings.getAuthentication(), settings.getSocketTimeoutMillis()));
    }

    /**
     * @return the host's {@code winrm=} field; else what its port says by WinRM's convention (5986 HTTPS, 5985 HTTP; as
     *         pywinrm reads a port); else the run's {@code --https}
     */
    static boolean https(Target target, ConnectionSettings settings) {
        if (target.getHttps() != null) {
            return target.getHttps();
        }
        if (target.getPort() != null && (target.getPort() == HTTPS_PORT || target.getPort() == HTTP_PORT)) {
            return target.getPort() == HTTPS_PORT;
        }
        return settings.isHttps();
    }

    /** @return why these settings cannot log on safely, before anything is sent; {@code null} when they can */
    private String problem(ConnectionSettings settings, boolean https) {
        String user = settings.getCredentials().getUser();
        WinRmAuthentication mode = settings.getAuthentication();
        String form = UserForms.problem(name(), user);
        if (form != null) {
            return form;
        }
        if (settings.getCredentials().getKeytab() != null && mode != WinRmAuthentication.KERBEROS) {
            return "a keytab logs on with Kerberos only; use " + Setting.AUTH.to("kerberos") + "; nothing was sent";
        }
        boolean clear = !https && !settings.isUnencryptedHttpAllowed();
        if (mode == WinRmAuthentication.BASIC && clear) {
            return "Basic over plain HTTP would send the password readable, and a default Windows server refuses it "
                    + "(AllowUnencrypted=false); nothing was sent. Use " + Setting.AUTH.to("negotiate") + " or kerberos (encrypted over HTTP), or "
                    + Setting.HTTPS;
        }
        if (mode == WinRmAuthentication.BASIC && (user.indexOf('\\') >= 0 || user.indexOf('@') >= 0)) {
            return "Windows accepts Basic for local accounts only: write the user as 'user', or use " + Setting.AUTH.to("negotiate") + " "
                    + "for a domain account (DOMAIN\\user or user@domain)";
        }
        if (mode == WinRmAuthentication.KERBEROS && user.indexOf('@') < 0) {
            return "Kerberos needs the user as user@REALM (the realm in upper case, as krb5.conf names it)";
        }
        if (mode == WinRmAuthentication.BASIC && !isAscii(settings.getCredentials().getPassword())) {
            return "the password holds characters outside ASCII, which Basic authentication carries in no agreed character "
                    + "set (a mismatch is a failed logon that counts towards lockout); nothing was sent. Use " + Setting.AUTH.to("negotiate")
                    + ", which sends the password whole";
        }
        return null;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7E || text.charAt(i) < 0x20) {
                return false;
            }
        }
        return true;
    }

    /** @return the inventory's port, else 5986 for HTTPS or 5985 for HTTP */
    @Override
    public int port(Target target, ConnectionSettings settings) {
        if (target.getPort() != null) {
            return target.getPort();
        }
        return https(target, settings) ? HTTPS_PORT : HTTP_PORT;
    }

    private URI endpoint(Target target, ConnectionSettings settings) throws TransportException {
        try {
            return new URI(https(target, settings) ? "https" : "http", null, target.getHost(), port(target, settings), "/wsman",
                    null, null);
        } catch (URISyntaxException e) {
            throw new TransportException(FailureKind.INVALID_VALUE, target.address(), "the host name makes no URL");
        }
    }

    /** @return TLS that trusts the {@code --truststore}'s certificates, else the system's, for this session only */
    private static SSLContext tls(Target target, ConnectionSettings settings) throws TransportException {
        Path truststore = settings.getTruststore();
        try {
            KeyStore store = null;
            if (truststore != null) {
                if (!Files.isReadable(truststore)) {
                    throw new TransportException(FailureKind.TLS_FAILED, target.address(),
                            "the truststore " + truststore + " does not exist or cannot be read");
                }
                store = KeyStore.getInstance(truststore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
                try (InputStream in = Files.newInputStream(truststore)) {
                    store.load(in, settings.getTruststorePassword().toCharArray());
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new TransportException(FailureKind.TLS_FAILED, target.address(),
                    "the truststore cannot be loaded (" + e.getClass().getSimpleName() + "); check its type and password");
        }
    }
}
