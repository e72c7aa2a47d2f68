package io.jenkins.plugins.dcom.transport.rrp;

import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.RegistryTransportContract;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The transport contract, unchanged, over the registry RPC against real Samba hosts. */
class RrpOverSambaTest extends RegistryTransportContract {
    private static SambaFleet fleet;

    @BeforeAll
    static void startSamba() throws Exception {
        Impacket.require();
        fleet = SambaFleet.start();
    }

    @AfterAll
    static void stopSamba() {
        if (fleet != null) {
            fleet.close();
        }
    }

    static ConnectionSettings settings(String password) {
        return ConnectionSettings.builder(new Credentials("LAB\\" + SambaHost.ADMIN, password)).timeouts(3000, 10000).build();
    }

    @Override
    protected TransportFactory factory() {
        return new RrpTransportFactory(settings());
    }

    @Override
    protected Target target(Hosts host) {
        return Target.of(fleet.host(host).address(), null, "rrp");
    }

    @Override
    protected ConnectionSettings settings() {
        return settings(SambaFleet.PASSWORD);
    }

    @Override
    protected ConnectionSettings wrongPassword() {
        return settings("not-the-password");
    }

    @Override
    protected List<String> storedValue(Hosts host) throws Exception {
        return fleet.host(host).storedValue();
    }

    @Override
    protected void seed(Hosts host, RegistryValue value) throws Exception {
        Impacket.set(fleet.host(host), value);
    }

    @Override
    protected int restartRequests(Hosts host) throws Exception {
        return fleet.host(host).restartRequests().size();
    }
}
