package io.jenkins.plugins.dcom.transport.rrp;

import com.hierynomus.mssmb2.SMB2Dialect;
import io.jenkins.plugins.dcom.contract.TransportNames;
import io.jenkins.plugins.dcom.contract.UserForms;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The remote registry RPC ([MS-RRP] {@code winreg} over SMB named pipes), for hosts without WinRM such as Windows
 * NT 4.0, and for any Windows with Remote Registry running. Two SMB stacks, one per generation, chosen per host:
 * SMB 2.0.2-3.1.1 through smbj and rapid7's dcerpc (Vista/2008 and later; all that Server 2019 and later have), and
 * SMB1 through j-Interop on jcifs (NT 4.0, 2000, 2003), which also reaches the NetBIOS session service on 139 where
 * 445 is refused, as on NT 4.0. A host line may pin the version with {@code smb=1|2|3}; otherwise SMB2/3 is tried
 * first and SMB1 only when the host offers nothing newer ({@link AutoDialectPipe}). NTLM logon on both.
 *
 * <p>jcifs reads its timeouts once per process, when its classes load: the first factory of a process sets them
 * from its settings (the command line serves one run per process).
 */
public final class RrpTransportFactory implements TransportFactory {
    /** The SMB port; jcifs cannot use another (it falls back to 139 by itself). */
    public static final int PORT = 445;
    private static final List<SMB2Dialect> SMB2 = Arrays.asList(SMB2Dialect.SMB_2_1, SMB2Dialect.SMB_2_0_2);
    private static final List<SMB2Dialect> SMB3 = Arrays.asList(SMB2Dialect.SMB_3_1_1, SMB2Dialect.SMB_3_0_2, SMB2Dialect.SMB_3_0);
    private static final List<SMB2Dialect> SMB2_AND_3 = Arrays.asList(SMB2Dialect.SMB_3_1_1, SMB2Dialect.SMB_3_0_2,
            SMB2Dialect.SMB_3_0, SMB2Dialect.SMB_2_1, SMB2Dialect.SMB_2_0_2);
    private final ConnectionSettings settings;
    /** Whether this run's first host has configured j-Interop and jcifs; a run does it once, as before at its start. */
    private boolean configured;

    /**
     * Costs nothing until a host is opened: a run whose hosts all use WinRM loads neither j-Interop's logging nor jcifs.
     *
     * @param settings the run's timeouts, which jcifs takes as system properties (once per process)
     */
    public RrpTransportFactory(ConnectionSettings settings) {
        this.settings = settings;
    }

    /**
     * j-Interop's loggers, silenced at the first host opened ({@code rpc} logs every packet at INFO); held so the levels
     * are not lost when the loggers would otherwise be collected.
     */
    private static List<Logger> silenced;

    /** Configures j-Interop and jcifs for this run, at its first host opened. */
    private synchronized void configureOnce() {
        if (!configured) {
            configure(settings);
            configured = true;
        }
    }

    private static synchronized void configure(ConnectionSettings settings) {
        if (silenced == null) {
            silenced = Arrays.asList(Logger.getLogger("org.jinterop"), Logger.getLogger("rpc"));
            for (Logger logger : silenced) {
                logger.setLevel(Level.OFF);
            }
        }
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
        return TransportNames.RRP;
    }

    @Override
    public int port(Target target, ConnectionSettings settings) {
        return target.getPort() == null ? PORT : target.getPort();
    }

    @Override
    public RegistryTransport open(Target target, ConnectionSettings settings) throws TransportException {
        configureOnce();
        if (target.getPort() != null && target.getPort() != PORT) {
            throw new TransportException(FailureKind.INVALID_VALUE, target.address(), "transport rrp uses SMB on port "
                    + PORT + " only; drop the port from the inventory line, or use transport=winrm");
        }
        Credentials credentials = settings.getCredentials();
        String problem = credentials.getKeytab() != null ? "the registry RPC logs on with a password (NTLM over SMB), and "
                + "a keytab serves Kerberos over WinRM only; nothing was sent. List this host with transport=winrm, or run "
                + "it with a password" : UserForms.problem(name(), credentials.getUser());
        if (problem != null) {
            throw new TransportException(FailureKind.INVALID_VALUE, target.address(), problem);
        }
        return new RrpTransport(target.address(), pipe(target, settings));
    }

    private static WinregPipe pipe(Target target, ConnectionSettings settings) {
        Credentials credentials = settings.getCredentials();
        String domain = credentials.getDomain() == null ? "" : credentials.getDomain();
        Supplier<WinregPipe> smb1 = () -> new Smb1Pipe(target.address(), target.getHost(), domain, credentials.getAccount(),
                credentials.getPassword());
        Integer pinned = target.getSmb();
        if (pinned != null && pinned == 1) {
            return smb1.get();
        }
        Smb2Pipe smb2 = new Smb2Pipe(target.address(), target.getHost(), PORT, domain, credentials.getAccount(),
                credentials.getPassword(), pinned == null ? SMB2_AND_3 : pinned == 2 ? SMB2 : SMB3,
                settings.getConnectTimeoutMillis(), settings.getSocketTimeoutMillis());
        return pinned == null ? new AutoDialectPipe(smb2, smb1) : smb2;
    }
}
