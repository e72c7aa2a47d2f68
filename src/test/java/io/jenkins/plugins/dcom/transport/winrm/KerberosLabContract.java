package io.jenkins.plugins.dcom.transport.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.lab.Kdc;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHost;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transport contract with Kerberos, against a real MIT KDC that issues the tickets and lab hosts that accept them
 * with their service keys; what is Kerberos' own (one refusal at the KDC for a wrong password, the service principal a
 * host name gives) is tested here too. Subclasses choose HTTP (every message encrypted) or HTTPS.
 */
abstract class KerberosLabContract extends WinRmLabContract {
    static Kdc kdc;

    @BeforeAll
    static void startKdc() throws Exception {
        kdc = Kdc.start("labadmin", LabFixture.PASSWORD).configureJvm();
    }

    @AfterAll
    static void stopKdc() throws Exception {
        if (kdc != null) {
            kdc.close();
        }
    }

    @Test
    void aSessionWhoseConnectionTheHostClosedLogsOnAgainWithANewAuthenticator() throws Exception {
        LabHost host = fleet().host("NT4");
        long refusals = kdc.logLines("PREAUTH_FAILED");
        try (RegistryTransport transport = new WinRmTransportFactory().open(Target.of(host.address(), host.port(), "winrm"), settings())) {
            transport.read();
            host.dropConnections(); // the Kerberos logon belongs to the connection, as NTLM's does

            assertThat(transport.read().protocols(host.address())).isEqualTo(NT4_LIST);
        }
        assertThat(host.counters().rejectedLogons()).as("the replay cache saw no authenticator twice").isZero();
        assertThat(kdc.logLines("PREAUTH_FAILED")).isEqualTo(refusals);
    }

    @Test
    void aWrongPasswordIsOneRefusalAtTheKdcHoweverManyHostsAreTried() throws Exception {
        ConnectionSettings wrong = build("Wrong-Passw0rd-for-kdc"); // not the contract's: the run asks the KDC once per password
        long refusalsBefore = kdc.logLines("PREAUTH_FAILED");
        for (String name : new String[] {"NT4", "WIN2000", "READ_ONLY"}) {
            LabHost host = fleet().host(name);
            TransportException failure = catchThrowableOfType(() -> {
                try (RegistryTransport transport = new WinRmTransportFactory().open(
                        Target.of(host.address(), host.port(), "winrm"), wrong)) {
                    transport.read();
                }
            }, TransportException.class);
            assertThat(failure.getKind()).isEqualTo(FailureKind.AUTH_FAILED);
            assertThat(failure.getMessage()).contains("Kerberos logon").doesNotContain("Wrong-Passw0rd");
            assertThat(host.counters().requests()).as("nothing reaches a host without a ticket").isZero();
        }

        assertThat(kdc.logLines("PREAUTH_FAILED") - refusalsBefore).isEqualTo(1);
    }

    @Test
    void aHostListedByItsAddressGetsNoTicketAndTheMessageSaysToListItsFqdn() throws Exception {
        LabHost host = fleet().host("WIN2000");
        TransportException failure = catchThrowableOfType(() -> {
            try (RegistryTransport transport = new WinRmTransportFactory().open(Target.of("127.0.0.1", host.port(), "winrm"), settings())) {
                transport.read();
            }
        }, TransportException.class);

        assertThat(failure.getKind()).isEqualTo(FailureKind.AUTH_FAILED);
        assertThat(failure.getMessage()).contains("HTTP/127.0.0.1").contains("FQDN").contains("setspn");
        assertThat(host.counters().requests()).isZero();
    }

    @Override
    LabFleet startLab(List<LabHostSpec> hosts) throws Exception {
        return LabFleet.start(hosts, LabFixture.PASSWORD, https() ? LabFixture.tls() : null, 0, kdc.keytab());
    }

    @Override
    String user() {
        return "labadmin@" + Kdc.REALM;
    }

    @Override
    WinRmAuthentication authentication() {
        return WinRmAuthentication.KERBEROS;
    }
}
