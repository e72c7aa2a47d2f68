package io.jenkins.plugins.dcom.transport;

import io.jenkins.plugins.dcom.contract.Setting;

/**
 * A user and password for the remote hosts. The password never appears in {@link #toString()}; callers pass it
 * only to the library that authenticates.
 */
public final class Credentials {
    private final String user;
    private final String password;

    /**
     * @param user     {@code user}, {@code DOMAIN\\user} or {@code user@REALM}
     * @param password the password; may be empty, never {@code null}
     */
    public Credentials(String user, String password) {
        if (user == null || user.trim().isEmpty()) {
            throw new IllegalArgumentException("a user name is required (" + Setting.USER + ")");
        }
        if (password == null) {
            throw new IllegalArgumentException("a password is required (" + Setting.PASSWORD + ")");
        }
        this.user = user.trim();
        this.password = password;
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
        return user + " (password hidden)";
    }
}
