package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.contract.TransportNames;
import com.xebialabs.overthere.ConnectionOptions;
import com.xebialabs.overthere.OperatingSystemFamily;
import com.xebialabs.overthere.cifs.BaseCifsConnectionBuilder;
import com.xebialabs.overthere.cifs.CifsConnectionType;
import com.xebialabs.overthere.cifs.WinrmHttpsCertificateTrustStrategy;
import com.xebialabs.overthere.cifs.WinrmHttpsHostnameVerificationStrategy;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import io.jenkins.plugins.dcom.transport.UserForms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.TrustManagerFactory;

/**
 * WinRM through Overthere's built-in client ({@code cifs} + {@code WINRM_INTERNAL}): HTTPS with strict certificate
 * and host-name checks unless plain HTTP was explicitly allowed, connect and socket timeouts always set.
 *
 * <p>Overthere's strict trust uses the JVM's default trust managers, so a {@code --truststore} is installed as the
 * process-wide {@code javax.net.ssl.trustStore}: the command-line process serves one run, which makes that safe.
 */
public final class WinRmTransportFactory implements TransportFactory {
    /** Default WinRM port over HTTP. */
    public static final int HTTP_PORT = 5985;
    /** Default WinRM port over HTTPS. */
    public static final int HTTPS_PORT = 5986;
    private static final String OPERATION_TIMEOUT = "PT60.000S";

    @Override
    public String name() {
        return TransportNames.WINRM;
    }

    @Override
    public RegistryTransport open(Target target, ConnectionSettings settings) throws TransportException {
        String problem = UserForms.problem(name(), settings.getCredentials().getUser());
        if (problem != null) {
            throw new TransportException(FailureKind.INVALID_VALUE, target.address(), problem);
        }
        if (isBasic(settings) && !isAscii(settings.getCredentials().getPassword())) {
            throw new TransportException(FailureKind.INVALID_VALUE, target.address(), "the password holds characters "
                    + "outside ASCII, which this WinRM client's Basic authentication would send as '?' (a failed logon "
                    + "that counts towards lockout); nothing was sent. Use a domain account (user@REALM, Kerberos) or "
                    + "transport=rrp, which send the password whole");
        }
        installTruststore(target, settings);
        return new WinRmTransport(target.address(), options(target, settings));
    }

    /** Overthere uses Basic for a user without a realm, Kerberos for user@REALM. */
    private static boolean isBasic(ConnectionSettings settings) {
        return settings.getCredentials().getUser().indexOf('@') < 0;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7E || text.charAt(i) < 0x20) {
                return false;
            }
        }
        return true;
    }

    private static ConnectionOptions options(Target target, ConnectionSettings settings) {
        ConnectionOptions options = new ConnectionOptions();
        options.set(ConnectionOptions.OPERATING_SYSTEM, OperatingSystemFamily.WINDOWS);
        options.set(BaseCifsConnectionBuilder.CONNECTION_TYPE, CifsConnectionType.WINRM_INTERNAL);
        options.set(ConnectionOptions.ADDRESS, target.getHost());
        options.set(ConnectionOptions.PORT, defaultedPort(target, settings));
        options.set(ConnectionOptions.USERNAME, settings.getCredentials().getUser());
        options.set(ConnectionOptions.PASSWORD, settings.getCredentials().getPassword());
        options.set(ConnectionOptions.CONNECTION_TIMEOUT_MILLIS, settings.getConnectTimeoutMillis());
        options.set(ConnectionOptions.SOCKET_TIMEOUT_MILLIS, settings.getSocketTimeoutMillis());
        options.set(BaseCifsConnectionBuilder.WINRM_ENABLE_HTTPS, settings.isHttps());
        options.set(BaseCifsConnectionBuilder.WINRM_CONTEXT, BaseCifsConnectionBuilder.WINRM_CONTEXT_DEFAULT);
        options.set(BaseCifsConnectionBuilder.WINRM_TIMEMOUT, OPERATION_TIMEOUT);
        options.set(BaseCifsConnectionBuilder.WINRM_HTTPS_CERTIFICATE_TRUST_STRATEGY, WinrmHttpsCertificateTrustStrategy.STRICT);
        options.set(BaseCifsConnectionBuilder.WINRM_HTTPS_HOSTNAME_VERIFICATION_STRATEGY,
                WinrmHttpsHostnameVerificationStrategy.STRICT);
        return options;
    }

    /** @return the inventory's port, else 5986 for HTTPS or 5985 for HTTP (an Integer: Overthere requires one) */
    @Override
    public int port(Target target, ConnectionSettings settings) {
        return defaultedPort(target, settings);
    }

    private static Integer defaultedPort(Target target, ConnectionSettings settings) {
        if (target.getPort() != null) {
            return target.getPort();
        }
        return settings.isHttps() ? HTTPS_PORT : HTTP_PORT;
    }

    private static synchronized void installTruststore(Target target, ConnectionSettings settings) throws TransportException {
        Path truststore = settings.getTruststore();
        if (truststore == null) {
            return;
        }
        if (!Files.isReadable(truststore)) {
            throw new TransportException(FailureKind.TLS_FAILED, target.address(),
                    "the truststore " + truststore + " does not exist or cannot be read");
        }
        String path = truststore.toAbsolutePath().toString();
        if (path.equals(System.getProperty("javax.net.ssl.trustStore"))) {
            return;
        }
        System.setProperty("javax.net.ssl.trustStore", path);
        System.setProperty("javax.net.ssl.trustStorePassword", settings.getTruststorePassword());
        System.setProperty("javax.net.ssl.trustStoreType", path.endsWith(".jks") ? "JKS" : "PKCS12");
        warmDefaultTrust(target);
    }

    /**
     * Loads the new default trust once, here, under this class's lock: the JDK reloads its cached trust store
     * lazily, and threads that race that reload were seen getting the previous store (and failing the handshake).
     */
    private static void warmDefaultTrust(Target target) throws TransportException {
        try {
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).init((KeyStore) null);
        } catch (GeneralSecurityException e) {
            throw new TransportException(FailureKind.TLS_FAILED, target.address(),
                    "the truststore cannot be loaded (" + e.getClass().getSimpleName() + "); check its type and password");
        }
    }
}
