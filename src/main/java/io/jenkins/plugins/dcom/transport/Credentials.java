package io.jenkins.plugins.dcom.transport;

import io.jenkins.plugins.dcom.contract.Setting;
import java.nio.file.Path;

/**
 * A user and password for the remote hosts, or, for Kerberos, a user and the keytab that holds the account's keys. The
 * password never appears in {@link #toString()}; callers pass it only to the library that authenticates.
 */
public final class Credentials {
    private final String user;
    private final String password;
    private final Path keytab;

    /**
     * @param user     {@code user}, {@code DOMAIN\\user} or {@code user@REALM}
     * @param password the password; may be empty, never {@code null}
     */
    public Credentials(String user, String password) {
        if (password == null) {
            throw new IllegalArgumentException("a password is required (" + Setting.PASSWORD + ")");
        }
        this.user = checkedUser(user);
        this.password = password;
        this.keytab = null;
    }

    private Credentials(String user, Path keytab) {
        this.user = checkedUser(user);
        this.password = "";
        this.keytab = keytab;
    }

    private static String checkedUser(String user) {
        if (user == null || user.trim().isEmpty()) {
            throw new IllegalArgumentException("a user name is required (" + Setting.USER + ")");
        }
        return user.trim();
    }

    /**
     * @param user   {@code user@REALM}, the principal whose keys the keytab holds
     * @param keytab the keytab file (a domain's service account keeps one on the agents instead of a password)
     * @return credentials that log on with the keytab's keys; Kerberos only
     */
    public static Credentials fromKeytab(String user, Path keytab) {
        return new Credentials(user, keytab);
    }

    /** @return the keytab to log on with, or {@code null} when the credentials are a password */
    public Path getKeytab() {
        return keytab;
    }

    public String getUser() {
        return user;
    }

    /** @return the password; hand it only to the authenticating library */
    public String getPassword() {
        return password;
    }

    /** @return the domain of {@code DOMAIN\\user}, or {@code null} */
    public String getDomain() {
        int slash = user.indexOf('\\');
        return slash < 0 ? null : user.substring(0, slash);
    }

    /** @return the user without a {@code DOMAIN\\} prefix */
    public String getAccount() {
        int slash = user.indexOf('\\');
        return slash < 0 ? user : user.substring(slash + 1);
    }

    @Override
    public String toString() {
        return user + (keytab == null ? " (password hidden)" : " (keytab " + keytab + ")");
    }
}
