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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport contract, unchanged, over the registry RPC against real Samba hosts of one {@link SmbShape}: each
 * subclass names a shape, the SMB stack that must reach it, and the dialect the session must report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RrpSambaContract extends RegistryTransportContract {
    private SambaFleet fleet;

    /** @return what the hosts offer */
    abstract SmbShape shape();

    /** @return how the session must say it reached the hosts, e.g. "SMB 3.1.1" */
    abstract String expectedDialect();

    @BeforeAll
    void startSamba() throws Exception {
        Impacket.require();
        fleet = SambaFleet.start(shape());
    }

    @Test
    void shouldReachTheHostOverTheDialectItsGenerationSpeaks() throws Exception {
        try (RegistryTransport session = factory().open(target(Hosts.WIN2000), settings())) {
            assertThat(session.read().protocols("WIN2000")).isEqualTo(W2K_LIST);
            assertThat(session.channel()).isEqualTo(expectedDialect());
        }
    }

    @AfterAll
    void stopSamba() {
        if (fleet != null) {
            fleet.close();
        }
    }

    SambaFleet fleet() {
        return fleet;
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

    /** Samba serves its own CurrentVersion (6.1) whatever its registry holds; impacket, the independent client, says which. */
    @Override
    protected String storedWindowsVersion(Hosts host) throws Exception {
        return Impacket.windowsVersion(fleet.host(host));
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
