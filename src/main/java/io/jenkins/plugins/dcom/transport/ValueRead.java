package io.jenkins.plugins.dcom.transport;

import java.util.Objects;

/** One value under HKLM to read, read-only: its key (under HKLM) and its name. */
public final class ValueRead {
    private final String subkey;
    private final String name;

    public ValueRead(String subkey, String name) {
        this.subkey = Objects.requireNonNull(subkey);
        this.name = Objects.requireNonNull(name);
    }

    public String subkey() {
        return subkey;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ValueRead && subkey.equalsIgnoreCase(((ValueRead) other).subkey)
                && name.equalsIgnoreCase(((ValueRead) other).name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subkey.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return "HKLM\\" + subkey + "\\" + name;
    }
}
