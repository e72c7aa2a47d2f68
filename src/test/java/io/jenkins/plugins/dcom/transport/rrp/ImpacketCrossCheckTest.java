package io.jenkins.plugins.dcom.transport.rrp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.RegistryTransportContract.Hosts;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tool and an independent [MS-RRP] client, Debian's impacket, agree on what a Samba host holds. */
class ImpacketCrossCheckTest {
    private static SambaFleet fleet;

    @BeforeAll
    static void start() throws Exception {
        Impacket.require();
        fleet = SambaFleet.start();
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static RegistryTransport open(Hosts host) throws Exception {
        ConnectionSettings settings = RrpSambaContract.settings(SambaFleet.PASSWORD);
        return new RrpTransportFactory(settings).open(Target.of(fleet.host(host).address(), null, "rrp"), settings);
    }

    @Test
    void shouldWriteAValueThatImpacketReadsBackTheSame() throws Exception {
        List<String> written = Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx");
        try (RegistryTransport session = open(Hosts.WIN2000)) {
            session.write(written);
        }
        String address = fleet.host(Hosts.WIN2000).address();

        String printed = Impacket.python(Impacket.REG_PY.toString(), "LAB/" + SambaHost.ADMIN + ":" + SambaFleet.PASSWORD
                + "@" + address, "query", "-keyName", "HKLM\\SOFTWARE\\Microsoft\\Rpc", "-v", "DCOM Protocols");

        assertThat(printed).contains("REG_MULTI_SZ").contains(String.join("\0", written));
        assertThat(Impacket.get(fleet.host(Hosts.WIN2000))).isEqualTo(RegistryValue.multiSz(written));
    }

    @Test
    void shouldReadAValueImpacketWroteWithAShapeSambaNetCannotSeed() throws Exception {
        List<String> five = Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx", "ncacn_nb_nb", "ncacn_http");
        Impacket.set(fleet.host(Hosts.NT4), RegistryValue.multiSz(five));

        try (RegistryTransport session = open(Hosts.NT4)) {
            assertThat(session.read().protocols("nt4")).containsExactlyElementsOf(five);
        }
    }
}
