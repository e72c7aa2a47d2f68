package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.inventory.HostNames;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
     * Checks that no machine is listed twice: the same host with and without its default port, or written in two
     * spellings ({@code HOST} and {@code host}, {@code ::1} and {@code 0:0::1}), is one machine.
     *
     * @throws IllegalArgumentException naming both inventory lines
     */
    public void checkDistinct(List<Target> targets, ConnectionSettings settings) {
        Map<String, Target> seen = new HashMap<>();
        for (Target target : targets) {
            TransportFactory factory = factories.get(nameFor(target));
            if (factory == null) {
                continue; // reported per host by factoryFor
            }
            String key = HostNames.canonical(target.getHost()) + " " + nameFor(target) + " " + factory.port(target, settings);
            Target earlier = seen.put(key, target);
            if (earlier != null) {
                throw new IllegalArgumentException("inventory line " + target.getLine() + " (" + target.address()
                        + ") is the same machine and port as line " + earlier.getLine() + " (" + earlier.address()
                        + "); remove one of the lines");
            }
        }
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
