package io.jenkins.plugins.dcom.transport.memory;

import io.jenkins.plugins.dcom.contract.TransportNames;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.ProtocolValues;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fleet in memory and the transport that reaches it: for the engine's tests that are about runs (waves, the account
 * guard, backups, reports), not about a wire. It keeps the transport contract ({@code MemoryContractTest}), so the
 * engine cannot tell it from a real transport but for speed. Hosts are looked up by the target's host name.
 */
public final class MemoryFleet implements TransportFactory {
    private final Map<String, MemoryHost> hosts = new LinkedHashMap<>();
    private final String password;
    private final String transportName;

    /** @param password what every host accepts unless told otherwise; the transport is named {@code winrm} */
    public MemoryFleet(String password) {
        this(password, TransportNames.WINRM);
    }

    public MemoryFleet(String password, String transportName) {
        this.password = password;
        this.transportName = transportName;
    }

    /** @return a new host of that name (a host name the inventory can hold) */
    public synchronized MemoryHost add(String name) {
        MemoryHost host = new MemoryHost(name, password);
        hosts.put(name.toLowerCase(Locale.ROOT), host);
        return host;
    }

    public synchronized MemoryHost host(String name) {
        return hosts.get(name.toLowerCase(Locale.ROOT));
    }

    /** @return the inventory of every host, one a line */
    public synchronized String inventory() {
        StringBuilder text = new StringBuilder();
        for (MemoryHost host : hosts.values()) {
            text.append(host.name()).append('\n');
        }
        return text.toString();
    }

    @Override
    public String name() {
        return transportName;
    }

    @Override
    public int port(Target target, ConnectionSettings settings) {
        return target.getPort() == null ? 5985 : target.getPort();
    }

    @Override
    public RegistryTransport open(Target target, ConnectionSettings settings) throws TransportException {
        MemoryHost host = host(target.getHost());
        String address = target.address();
        if (host == null || host.isDown()) {
            throw new TransportException(FailureKind.UNREACHABLE, address, "connection refused (no such host in memory)");
        }
        if (!host.logOn(settings.getCredentials().getPassword())) {
            throw new TransportException(FailureKind.AUTH_FAILED, address, "the host rejected the logon");
        }
        return new Session(host, address);
    }

    /** One session: every call goes straight to the host's registry. */
    private static final class Session implements RegistryTransport {
        private final MemoryHost host;
        private final String address;

        Session(MemoryHost host, String address) {
            this.host = host;
            this.address = address;
        }

        @Override
        public RegistryValue read() throws TransportException {
            RegistryValue value = host.stored(ProtocolValues.SUBKEY, ProtocolValues.VALUE);
            if (value == null) {
                throw new TransportException(FailureKind.VALUE_MISSING, address, ProtocolValues.VALUE + " does not exist");
            }
            return value;
        }

        @Override
        public RegistryValue write(List<String> protocols) throws TransportException {
            ProtocolValues.check(address, protocols);
            return restore(RegistryValue.multiSz(protocols));
        }

        @Override
        public RegistryValue restore(RegistryValue saved) throws TransportException {
            if (host.isReadOnly()) {
                throw new TransportException(FailureKind.ACCESS_DENIED, address, "the account may not write the value");
            }
            host.write(saved);
            return read();
        }

        @Override
        public void restart(RestartRequest request) throws TransportException {
            if (host.isReadOnly()) {
                throw new TransportException(FailureKind.ACCESS_DENIED, address, "the account may not restart the host");
            }
            host.restart();
        }

        @Override
        public String bootMarker() {
            return host.bootMarker();
        }

        @Override
        public RegistryValue readValue(String subkey, String name) {
            return host.stored(subkey, name);
        }

        @Override
        public boolean keyExists(String subkey) {
            return host.hasKey(subkey);
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
