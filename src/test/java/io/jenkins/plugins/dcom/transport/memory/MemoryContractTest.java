package io.jenkins.plugins.dcom.transport.memory;

import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.RegistryTransportContract;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** The in-memory transport keeps the same contract as the real ones, so engine tests that use it test the engine. */
class MemoryContractTest extends RegistryTransportContract {
    private static final String PASSWORD = "Memory-Passw0rd!";
    private MemoryFleet fleet;

    @BeforeEach
    void fleet() {
        fleet = new MemoryFleet(PASSWORD);
        fleet.add("nt4").protocols(NT4_LIST.toArray(new String[0])).windows("4.0")
                .text("SOFTWARE\\Microsoft\\Ole", "EnableDCOM", "N");
        fleet.add("win2000").protocols(W2K_LIST.toArray(new String[0])).windows("5.0");
        fleet.add("value-missing");
        fleet.add("reg-sz").text("SOFTWARE\\Microsoft\\Rpc", "DCOM Protocols", "ncacn_ip_tcp");
        fleet.add("read-only").protocols("ncadg_ip_udp", "ncacn_ip_tcp").readOnly();
        fleet.add("unreachable").protocols("ncacn_ip_tcp").down();
    }

    private MemoryHost host(Hosts host) {
        return fleet.host(host.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    @Override
    protected TransportFactory factory() {
        return fleet;
    }

    @Override
    protected Target target(Hosts host) {
        return Target.of(host.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), null, null);
    }

    @Override
    protected ConnectionSettings settings() {
        return ConnectionSettings.builder(new Credentials("admin", PASSWORD)).build();
    }

    @Override
    protected ConnectionSettings wrongPassword() {
        return ConnectionSettings.builder(new Credentials("admin", "Wr0ng-Passw0rd")).build();
    }

    @Override
    protected List<String> storedValue(Hosts host) throws Exception {
        return host(host).protocols();
    }

    @Override
    protected int restartRequests(Hosts host) {
        return host(host).restarts();
    }

    @Override
    protected void seed(Hosts host, RegistryValue value) {
        host(host).value("SOFTWARE\\Microsoft\\Rpc", "DCOM Protocols", value);
    }

    @Override
    protected String storedWindowsVersion(Hosts host) {
        return host(host).stored("SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "CurrentVersion").text();
    }
}
