package io.jenkins.plugins.dcom.compat;

/**
 * Something the plugin's bytecode needs from the server: a type, a member it calls or reads, or a method it
 * overrides (which the server must still call). Names are binary names; {@code params} is erased, as in the TSVs.
 */
final class Reference {
    enum Kind {
        TYPE, METHOD, CTOR, FIELD, OVERRIDE
    }

    final Kind kind;
    final String owner;
    final String name;
    final String params;
    final String from;

    Reference(Kind kind, String owner, String name, String params, String from) {
        this.kind = kind;
        this.owner = owner;
        this.name = name;
        this.params = params;
        this.from = from;
    }

    @Override
    public String toString() {
        String member = kind == Kind.TYPE ? owner : owner + "." + name + (kind == Kind.FIELD ? "" : params);
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + member + " (used by " + from + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reference && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
