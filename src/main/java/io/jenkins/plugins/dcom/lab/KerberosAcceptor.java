package io.jenkins.plugins.dcom.lab;

import java.io.File;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Locale;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.KeyTab;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;

/**
 * The lab's Kerberos logon, as the WinRM service of a domain member accepts it: an AP-REQ for one of the service
 * principals in a keytab (the lab's {@code HTTP/<host>} keys, made by a real KDC in the tests), checked by the JDK's
 * GSS acceptor (ticket, authenticator, replay cache), answered with an AP-REP that carries an acceptor subkey, as
 * Windows' does. The lab models no KDC: tests start MIT's.
 */
final class KerberosAcceptor {
    private final Subject service = new Subject();

    /** @param keytab the service principals' keys */
    KerberosAcceptor(Path keytab) {
        // Windows' AP-REP carries a subkey that then protects the session's messages; the JDK adds one when asked.
        System.setProperty("sun.security.krb5.acceptor.subkey", "true");
        service.getPrivateCredentials().add(KeyTab.getUnboundInstance(new File(keytab.toString())));
    }

    /** A logon the acceptor took: the client, the AP-REP to send, the context that protects the session. */
    static final class Accepted {
        final String client;
        final byte[] reply;
        final GSSContext context;

        Accepted(String client, byte[] reply, GSSContext context) {
            this.client = client;
            this.reply = reply;
            this.context = context;
        }

        /** @return whether the client principal is {@code user@REALM} for this user name, in any case */
        boolean isUser(String user) {
            int at = client.lastIndexOf('@');
            return at > 0 && client.substring(0, at).toLowerCase(Locale.ROOT).equals(user.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * @param token the AP-REQ (raw Kerberos or inside SPNEGO)
     * @return the logon, or {@code null} when the token is not a valid one for a key of the keytab
     */
    Accepted accept(final byte[] token) {
        try {
            return Subject.doAs(service, (PrivilegedExceptionAction<Accepted>) () -> {
                GSSContext context = GSSManager.getInstance().createContext((GSSCredential) null);
                byte[] reply = context.acceptSecContext(token, 0, token.length);
                if (!context.isEstablished()) {
                    return null;
                }
                return new Accepted(context.getSrcName().toString(), reply == null ? new byte[0] : reply, context);
            });
        } catch (PrivilegedActionException e) {
            if (e.getException() instanceof GSSException) {
                return null;
            }
            throw new IllegalStateException(e.getException());
        }
    }
}
