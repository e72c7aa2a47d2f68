package io.jenkins.plugins.dcom.transport.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.lab.Kdc;
import io.jenkins.plugins.dcom.lab.LabHost;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import org.junit.jupiter.api.Test;

/** Kerberos over plain HTTP, as a default Windows server takes it: every message encrypted with the session's keys. */
class WinRmKerberosOverHttpTest extends KerberosLabContract {
    @Override
    boolean https() {
        return false;
    }

    @Test
    void everyMessageGoesEncryptedUnderATicketTheKdcIssued() throws Exception {
        LabHost host = fleet().host("NT4");
        long requests = host.counters().requests();
        try (RegistryTransport transport = new WinRmTransportFactory().open(Target.of(host.address(), host.port(), "winrm"), settings())) {
            assertThat(transport.read().protocols(host.address())).isEqualTo(NT4_LIST);
        }

        assertThat(host.counters().requests() - requests).as("the AP-REQ with the first POST, then Create, Command, "
                + "Receive, Delete: no 401").isEqualTo(5);
        assertThat(host.counters().unauthorized()).isZero();
        assertThat(host.counters().sealedMessages()).isPositive();
        assertThat(host.counters().plainMessages()).isZero();
        assertThat(kdc.logLines("for HTTP/localhost@" + Kdc.REALM)).as("service tickets this test's KDC issued").isPositive();
    }
}
