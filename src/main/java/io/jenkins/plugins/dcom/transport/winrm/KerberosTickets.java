package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.transport.Credentials;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * The run's one Kerberos logon: the JDK's {@code Krb5LoginModule} asks the KDC for a ticket-granting ticket once per
 * process and user, and every WinRM request runs as that {@link Subject}, so service tickets are fetched once per host
 * and cached in it, not one logon per message. A failed logon is remembered too: the KDC is not asked again with the
 * same wrong password (one failed logon, not one per host). The realm and KDC come from krb5.conf
 * ({@code java.security.krb5.conf}); the JDK refuses RC4 keys since 17, so accounts need AES keys.
 */
final class KerberosTickets {
    private static final Map<String, Object> LOGONS = new HashMap<>();

    private KerberosTickets() {
    }

    /**
     * @param credentials {@code user@REALM} with the account's password, or with a keytab of its keys
     * @return the logged-on subject, the same object for every call with these credentials
     * @throws IOException when the KDC refused the logon or Kerberos is not configured; repeated without asking again
     */
    static synchronized Subject subject(Credentials credentials) throws IOException {
        String user = credentials.getUser();
        Path keytab = credentials.getKeytab();
        // krb5.conf is part of the key: a process that logs on against another configuration asks that KDC afresh
        String key = user + '\0' + (keytab == null ? Integer.toHexString(credentials.getPassword().hashCode())
                : keytab.toAbsolutePath() + "@" + keytab.toFile().lastModified()) + '\0' + System.getProperty("java.security.krb5.conf");
        Object known = LOGONS.get(key);
        if (known == null) {
            known = keytab == null ? logOn(user, credentials.getPassword()) : logOnWithKeytab(user, keytab);
            LOGONS.put(key, known);
        }
        if (known instanceof IOException) {
            throw new KerberosLogonException(((IOException) known).getMessage());
        }
        return (Subject) known;
    }

    private static Object logOn(String user, String password) {
        Subject subject = new Subject();
        try {
            LoginContext login = new LoginContext("dcom-protocol-compliance", subject, callbacks -> answer(callbacks, user, password),
                    configuration(passwordOptions()));
            login.login();
            return subject;
        } catch (LoginException e) {
            return new KerberosLogonException("the Kerberos logon of " + user + " failed (" + e.getClass().getSimpleName()
                    + "): check the password, that krb5.conf names the realm and its KDC, that the host names are FQDNs "
                    + "the KDC knows (HTTP/<fqdn> service principals), the clocks, and that the account has AES keys");
        }
    }

    /** Logs on with the keys a keytab holds for the user: no password anywhere, no prompt. */
    private static Object logOnWithKeytab(String user, Path keytab) {
        Subject subject = new Subject();
        Map<String, String> options = new HashMap<>();
        options.put("useKeyTab", "true");
        options.put("keyTab", keytab.toAbsolutePath().toString());
        options.put("principal", user);
        options.put("doNotPrompt", "true");
        options.put("useTicketCache", "false");
        options.put("storeKey", "false");
        options.put("refreshKrb5Config", "true");
        try {
            new LoginContext("dcom-protocol-compliance", subject, callbacks -> {
                throw new UnsupportedCallbackException(callbacks[0], "a keytab logon asks nothing");
            }, configuration(options)).login();
            return subject;
        } catch (LoginException e) {
            return new KerberosLogonException("the Kerberos logon of " + user + " with the keytab " + keytab + " failed ("
                    + e.getClass().getSimpleName() + "): check that the keytab holds the account's current keys (export it "
                    + "again after a password change: ktpass on Windows, ktutil or kadmin ktadd -norandkey), that the "
                    + "principal is written as in the keytab (user@REALM), and that krb5.conf names the realm and its KDC");
        }
    }

    private static void answer(Callback[] callbacks, String user, String password) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback) {
                ((NameCallback) callback).setName(user);
            } else if (callback instanceof PasswordCallback) {
                ((PasswordCallback) callback).setPassword(password.toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    private static Map<String, String> passwordOptions() {
        Map<String, String> options = new HashMap<>();
        options.put("useTicketCache", "false");
        options.put("doNotPrompt", "false");
        options.put("storeKey", "false");
        options.put("refreshKrb5Config", "true"); // read krb5.conf as it is at the logon, not as it was at the first
        return options;
    }

    private static Configuration configuration(Map<String, String> options) {
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
            }
        };
    }

    /** A Kerberos logon that did not happen: the KDC refused it, or Kerberos is not configured on this machine. */
    static final class KerberosLogonException extends IOException {
        KerberosLogonException(String message) {
            super(message);
        }
    }
}
