package io.jenkins.plugins.dcom.transport;

import java.util.Collections;
import java.util.Map;

/**
 * What one look at a host read ({@link RegistryTransport#readWith}): {@code DCOM Protocols}, and the other values asked
 * for, found or not; when those could not be read, why.
 */
public final class AuditReads {
    private final RegistryValue value;
    private final Map<ValueRead, RegistryValue> others;
    private final TransportException othersFailure;

    public AuditReads(RegistryValue value, Map<ValueRead, RegistryValue> others, TransportException othersFailure) {
        this.value = value;
        this.others = others == null ? Collections.<ValueRead, RegistryValue>emptyMap() : others;
        this.othersFailure = othersFailure;
    }

    /** @return {@code DCOM Protocols}, as {@link RegistryTransport#read()} gives it */
    public RegistryValue value() {
        return value;
    }

    /** @return the other value, or {@code null} when the host has none (or it could not be read) */
    public RegistryValue other(ValueRead read) {
        return others.get(read);
    }

    /** @return why the other values could not be read, or {@code null} when they were */
    public TransportException othersFailure() {
        return othersFailure;
    }
}
