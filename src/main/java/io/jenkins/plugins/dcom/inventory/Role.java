package io.jenkins.plugins.dcom.inventory;

/** What a server does in the KB Q272937 story; reports group by it, the engine treats all alike. */
public enum Role {
    SITE_SERVER("site-server"),
    CONSOLE("console"),
    UNSPECIFIED("unspecified");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Role parse(String label) {
        for (Role role : values()) {
            if (role != UNSPECIFIED && role.label.equals(label)) {
                return role;
            }
        }
        return null;
    }
}
