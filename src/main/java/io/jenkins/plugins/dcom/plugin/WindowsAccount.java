package io.jenkins.plugins.dcom.plugin;

/**
 * A Windows user and its password, as a credential of the build's context gives them. {@link #toString()} never shows
 * the password.
 */
public final class WindowsAccount {
    private final String user;
    private final String password;

    public WindowsAccount(String user, String password) {
        this.user = user == null ? "" : user.trim();
        this.password = password == null ? "" : password;
    }

    /** @return the user, {@code CORP\svc-dcom} or {@code svc-dcom@corp.example} */
    public String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public String toString() {
        return user + " (password not shown)";
    }
}
