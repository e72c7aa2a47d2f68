package io.jenkins.plugins.dcom.transport.rrp;

import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import io.jenkins.plugins.dcom.transport.UserForms;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The remote registry RPC ([MS-RRP] {@code winreg} over SMB named pipes) through j-Interop, for hosts without
 * WinRM such as Windows NT 4.0. SMB1 and NTLM only (jcifs); port 445.
 *
 * <p>jcifs reads its timeouts once per process, when its classes load: the first factory of a process sets them
 * from its settings (the command line serves one run per process).
 */
public final class RrpTransportFactory implements TransportFactory {
    /** The SMB port; jcifs cannot use another. */
    public static final int PORT = 445;
    /** Held so the levels set here are not lost when the loggers would otherwise be collected. */
    private static final Logger JINTEROP_LOG = Logger.getLogger("org.jinterop");
    /** j-Interop's RPC layer logs every packet at INFO through this one. */
    private static final Logger RPC_LOG = Logger.getLogger("rpc");

    public RrpTransportFactory(ConnectionSettings settings) {
        JINTEROP_LOG.setLevel(Level.OFF);
        RPC_LOG.setLevel(Level.OFF);
        configureJcifsOnce(settings);
    }

    private static synchronized void configureJcifsOnce(ConnectionSettings settings) {
        setIfAbsent("jcifs.smb.client.connTimeout", settings.getConnectTimeoutMillis());
        setIfAbsent("jcifs.smb.client.soTimeout", settings.getSocketTimeoutMillis());
        setIfAbsent("jcifs.smb.client.responseTimeout", settings.getSocketTimeoutMillis());
        if (System.getProperty("jcifs.smb.lmCompatibility") == null) {
            System.setProperty("jcifs.smb.lmCompatibility", "3");
        }
        if (System.getProperty("jcifs.resolveOrder") == null) {
            System.setProperty("jcifs.resolveOrder", "DNS");
        }
        jcifs.Config.setProperty("jcifs.smb.client.connTimeout", System.getProperty("jcifs.smb.client.connTimeout"));
        jcifs.Config.setProperty("jcifs.smb.client.soTimeout", System.getProperty("jcifs.smb.client.soTimeout"));
        jcifs.Config.setProperty("jcifs.smb.client.responseTimeout", System.getProperty("jcifs.smb.client.responseTimeout"));
        jcifs.Config.setProperty("jcifs.smb.lmCompatibility", System.getProperty("jcifs.smb.lmCompatibility"));
        jcifs.Config.setProperty("jcifs.resolveOrder", System.getProperty("jcifs.resolveOrder"));
    }

    private static void setIfAbsent(String key, int millis) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, String.valueOf(millis));
        }
    }

    @Override
    public String name() {
        return "rrp";
    }

    @Override
    public int port(Target target, ConnectionSettings settings) {
        return target.getPort() == null ? PORT : target.getPort();
    }

    @Override
    public RegistryTransport open(Target target, ConnectionSettings settings) throws TransportException {
        if (target.getPort() != null && target.getPort() != PORT) {
            throw new TransportException(FailureKind.INVALID_VALUE, target.address(), "transport rrp uses SMB on port "
                    + PORT + " only; drop the port from the inventory line, or use transport=winrm");
        }
        Credentials credentials = settings.getCredentials();
        String problem = UserForms.problem(name(), credentials.getUser());
        if (problem != null) {
            throw new TransportException(FailureKind.INVALID_VALUE, target.address(), problem);
        }
        String domain = credentials.getDomain() == null ? "" : credentials.getDomain();
        return new RrpTransport(target.address(), target.getHost(), domain, credentials.getAccount(), credentials.getPassword());
    }
}
