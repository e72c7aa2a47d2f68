package io.jenkins.plugins.dcom.transport.rrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A host behind a firewall that drops connection requests: its own network namespace, whose answers go to a
 * blackhole route, so the SYN is never answered (needs root and iproute2, as the Samba tests do). The SMB2 stack
 * must give up at the run's --connect-timeout (smbj's own factory always waits 5 s), and must not try SMB1 after a
 * timeout.
 */
class SmbConnectTimeoutTest {
    private static final String NAMESPACE = "dcomdrop";
    private static final String ADDRESS = "169.254.77.2";

    @BeforeAll
    static void dropEverything() throws Exception {
        SambaFleet.requireSamba();
        removeNamespace();
        Commands.run(null, "ip", "netns", "add", NAMESPACE);
        Commands.run(null, "ip", "link", "add", "dcomv0", "type", "veth", "peer", "name", "dcomv1");
        Commands.run(null, "ip", "link", "set", "dcomv1", "netns", NAMESPACE);
        Commands.run(null, "ip", "addr", "add", "169.254.77.1/30", "dev", "dcomv0");
        Commands.run(null, "ip", "link", "set", "dcomv0", "up");
        Commands.run(null, "ip", "netns", "exec", NAMESPACE, "ip", "addr", "add", ADDRESS + "/30", "dev", "dcomv1");
        Commands.run(null, "ip", "netns", "exec", NAMESPACE, "ip", "link", "set", "dcomv1", "up");
        Commands.run(null, "ip", "netns", "exec", NAMESPACE, "ip", "route", "add", "blackhole", "169.254.77.1/32");
    }

    @AfterAll
    static void removeNamespace() throws Exception {
        Commands.exitCode("ip", "netns", "del", NAMESPACE); // takes the veth pair with it
        Commands.exitCode("ip", "link", "del", "dcomv0");
    }

    @Test
    void aHostThatDropsTheConnectionRequestTimesOutAtTheRunsConnectTimeout() {
        ConnectionSettings settings = ConnectionSettings.builder(new Credentials("LAB\\" + SambaHost.ADMIN, "x"))
                .timeouts(1000, 3000).build();

        long start = System.nanoTime();
        TransportException failure = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (RegistryTransport session = new RrpTransportFactory(settings).open(Target.of(ADDRESS, null, "rrp"), settings)) {
                return catchThrowableOfType(session::read, TransportException.class);
            }
        });

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(failure.getKind()).as(failure.getMessage()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(millis).as("1 s asked; smbj's own 5 s would mean the option is ignored").isLessThan(4500);
        assertThat(failure.getMessage()).doesNotContain("SMB1");
    }
}
