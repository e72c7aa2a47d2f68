package io.jenkins.plugins.dcom.transport.winrm;

import java.io.IOException;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Base64;
import java.util.Locale;
import javax.security.auth.Subject;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * One Kerberos logon to one WinRM host, as pywinrm's Kerberos transport makes it: the AP-REQ for {@code HTTP/<host>}
 * (the service ticket comes from the run's {@link KerberosTickets} subject, which caches it) goes in an
 * {@code Authorization: Negotiate} header, and the host must prove itself with the AP-REP in its answer (mutual
 * authentication). The established context then encrypts the session's messages ({@link KerberosCipher}).
 */
final class KerberosLogon {
    private static final Oid KERBEROS_V5 = oid("1.2.840.113554.1.2.2");
    static final String SCHEME = "Negotiate";

    private final String host;
    private final GSSContext context;
    private final byte[] request;

    private KerberosLogon(String host, GSSContext context, byte[] request) {
        this.host = host;
        this.context = context;
        this.request = request;
    }

    /**
     * @param subject the run's logged-on subject, holding the ticket-granting ticket
     * @param host    the host name as the inventory writes it: its service principal is {@code HTTP/<host>}
     * @throws IOException ({@link KerberosTickets.KerberosLogonException}) when no service ticket can be had
     */
    static KerberosLogon start(Subject subject, final String host) throws IOException {
        try {
            return Subject.doAs(subject, (PrivilegedExceptionAction<KerberosLogon>) () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSName service = manager.createName("HTTP@" + host, GSSName.NT_HOSTBASED_SERVICE);
                GSSContext context = manager.createContext(service, KERBEROS_V5, null, GSSContext.DEFAULT_LIFETIME);
                context.requestMutualAuth(true);
                context.requestConf(true);
                context.requestInteg(true);
                context.requestSequenceDet(true);
                context.requestReplayDet(true);
                context.requestCredDeleg(false);
                return new KerberosLogon(host, context, context.initSecContext(new byte[0], 0, 0));
            });
        } catch (PrivilegedActionException e) {
            int major = e.getException() instanceof GSSException ? ((GSSException) e.getException()).getMajor() : -1;
            throw new KerberosTickets.KerberosLogonException("no Kerberos service ticket for HTTP/" + host.toLowerCase(Locale.ROOT)
                    + " (GSS major code " + major + "): list the host under the FQDN its HTTP service principal carries "
                    + "(setspn -L on the host shows it), not an IP address or alias, and check the clocks");
        }
    }

    /** @return the {@code Authorization} header that carries the AP-REQ */
    String authorization() {
        return SCHEME + " " + Base64.getEncoder().encodeToString(request);
    }

    /**
     * Completes the logon with the host's answer to {@link #authorization()}.
     *
     * @param challenge the answer's {@code WWW-Authenticate} header, or {@code null}
     * @return the cipher for this session's messages
     * @throws IOException when the host did not prove that it holds the service's key
     */
    MessageCipher complete(String challenge) throws IOException {
        String prefix = SCHEME.toLowerCase(Locale.ROOT) + " ";
        if (challenge == null || !challenge.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            throw notProven(null);
        }
        try {
            byte[] reply = Base64.getDecoder().decode(challenge.substring(prefix.length()).trim());
            context.initSecContext(reply, 0, reply.length);
        } catch (GSSException | IllegalArgumentException e) {
            throw notProven(e);
        }
        return new KerberosCipher(context);
    }

    private IOException notProven(Exception cause) {
        return new IOException("the host " + host + " accepted the Kerberos ticket but did not prove it holds the key of "
                + "HTTP/" + host + " (no valid mutual-authentication answer)", cause);
    }

    private static Oid oid(String dotted) {
        try {
            return new Oid(dotted);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }
}
