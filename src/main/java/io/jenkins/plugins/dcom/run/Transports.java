package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** The transports available to a run, by name, and the default for lines that name none. */
public final class Transports {
    private final Map<String, TransportFactory> factories = new LinkedHashMap<>();
    private final String defaultName;

    /**
     * @param defaultName the transport for inventory lines without {@code transport=}
     * @param available   the factories
     */
    public Transports(String defaultName, TransportFactory... available) {
        for (TransportFactory factory : available) {
            factories.put(factory.name(), factory);
        }
        if (!factories.containsKey(defaultName)) {
            throw new IllegalArgumentException("transport '" + defaultName + "' is not available; use one of " + factories.keySet());
        }
        this.defaultName = defaultName;
    }

    /** @return the transport name that applies to the target */
    public String nameFor(Target target) {
        return target.getTransport() == null ? defaultName : target.getTransport();
    }

    /**
     * @throws TransportException when the target names a transport this build does not have
     */
    public TransportFactory factoryFor(Target target) throws TransportException {
        TransportFactory factory = factories.get(nameFor(target));
        if (factory == null) {
            throw new TransportException(FailureKind.INVALID_VALUE, target.address(), "inventory line " + target.getLine()
                    + " asks for transport '" + nameFor(target) + "', which is not available; use one of " + factories.keySet());
        }
        return factory;
    }
}
