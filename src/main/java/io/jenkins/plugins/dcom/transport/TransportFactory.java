package io.jenkins.plugins.dcom.transport;

import io.jenkins.plugins.dcom.inventory.Target;

/** Opens sessions of one transport kind ({@code winrm}, {@code rrp}). */
public interface TransportFactory {
    /** @return the name used in inventories and on the command line */
    String name();

    /** @return the port a session with the target connects to: the inventory's, or this transport's default */
    int port(Target target, ConnectionSettings settings);

    /**
     * Opens a session. May or may not touch the network; failures surface at the latest on the first call.
     *
     * @throws TransportException when the settings cannot work for this target (nothing was sent)
     */
    RegistryTransport open(Target target, ConnectionSettings settings) throws TransportException;
}
