package io.jenkins.plugins.dcom.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dcom.inventory.Target;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every transport must do, run against real endpoints: lab WinRM hosts, and Samba hosts for the registry
 * RPC. A subclass provides the hosts (see {@link Hosts}) and a way to look at a host's stored value from the
 * server side, independent of the transport under test.
 */
public abstract class RegistryTransportContract {
    /** The hosts a fixture provides; each named for its state. */
    public enum Hosts {
        NT4, WIN2000, VALUE_MISSING, REG_SZ, READ_ONLY, UNREACHABLE
    }

    /** NT 4.0's list as the fixtures seed it. */
    protected static final List<String> NT4_LIST = Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx");
    /** Windows 2000's list as the fixtures seed it. */
    protected static final List<String> W2K_LIST = Arrays.asList("ncacn_ip_tcp", "ncacn_spx", "ncacn_nb_nb");

    protected abstract TransportFactory factory();

    protected abstract Target target(Hosts host);

    protected abstract ConnectionSettings settings();

    /** Settings with the right user and a wrong password. */
    protected abstract ConnectionSettings wrongPassword();

    /** @return the value as stored on the server, read without the transport under test */
    protected abstract List<String> storedValue(Hosts host) throws Exception;

    /** @return how many restart requests the host recorded */
    protected abstract int restartRequests(Hosts host) throws Exception;

    private RegistryTransport open(Hosts host) throws TransportException {
        return factory().open(target(host), settings());
    }

    @Test
    void readsTheListInTheOrderWindowsKeepsIt() throws Exception {
        try (RegistryTransport session = open(Hosts.NT4)) {
            assertThat(session.read()).containsExactlyElementsOf(storedValue(Hosts.NT4));
        }
        try (RegistryTransport session = open(Hosts.WIN2000)) {
            assertThat(session.read()).first().isEqualTo("ncacn_ip_tcp");
        }
    }

    @Test
    void writeReplacesTheWholeListAndReturnsWhatWasReadBack() throws Exception {
        List<String> reordered = Arrays.asList("ncacn_ip_tcp", "ncacn_spx", "ncadg_ip_udp");
        try (RegistryTransport session = open(Hosts.NT4)) {
            assertThat(session.write(reordered)).containsExactlyElementsOf(reordered);
        }
        assertThat(storedValue(Hosts.NT4)).containsExactlyElementsOf(reordered);
    }

    @Test
    void aMissingValueIsClassifiedAsValueMissing() {
        assertFailure(Hosts.VALUE_MISSING, FailureKind.VALUE_MISSING);
    }

    @Test
    void aRegSzValueIsClassifiedAsWrongType() {
        assertFailure(Hosts.REG_SZ, FailureKind.WRONG_TYPE);
    }

    @Test
    void anUnreachableHostIsClassifiedAsUnreachable() {
        assertFailure(Hosts.UNREACHABLE, FailureKind.UNREACHABLE);
    }

    @Test
    void aWrongPasswordIsClassifiedAsAuthenticationFailureWithoutEchoingIt() {
        assertThatThrownBy(() -> {
            try (RegistryTransport session = factory().open(target(Hosts.NT4), wrongPassword())) {
                session.read();
            }
        }).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.getKind()).isEqualTo(FailureKind.AUTH_FAILED);
            assertThat(e.getMessage()).contains(target(Hosts.NT4).address())
                    .doesNotContain(wrongPassword().getCredentials().getPassword());
        });
    }

    @Test
    void writingWithoutRightsIsAccessDeniedAndLeavesTheValueAlone() throws Exception {
        List<String> before = storedValue(Hosts.READ_ONLY);
        try (RegistryTransport session = open(Hosts.READ_ONLY)) {
            assertThat(session.read()).containsExactlyElementsOf(before);
            assertThatThrownBy(() -> session.write(Arrays.asList("ncacn_ip_tcp")))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.getKind()).isEqualTo(FailureKind.ACCESS_DENIED));
        }
        assertThat(storedValue(Hosts.READ_ONLY)).containsExactlyElementsOf(before);
    }

    @Test
    void anUnsafeProtocolNameIsRefusedBeforeAnythingIsSent() throws Exception {
        List<String> before = storedValue(Hosts.WIN2000);
        try (RegistryTransport session = open(Hosts.WIN2000)) {
            assertThatThrownBy(() -> session.write(Arrays.asList("ncacn_ip_tcp", "x\" & shutdown /s & \"")))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.getKind()).isEqualTo(FailureKind.INVALID_VALUE));
        }
        assertThat(storedValue(Hosts.WIN2000)).containsExactlyElementsOf(before);
        assertThat(restartRequests(Hosts.WIN2000)).isZero();
    }

    @Test
    void aRestartWithoutRightsIsAccessDenied() throws Exception {
        try (RegistryTransport session = open(Hosts.READ_ONLY)) {
            assertThatThrownBy(() -> session.restart(new RestartRequest(600, "DCOM protocol order KB272937")))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.getKind()).isEqualTo(FailureKind.ACCESS_DENIED));
        }
        assertThat(restartRequests(Hosts.READ_ONLY)).isZero();
    }

    private void assertFailure(Hosts host, FailureKind expected) {
        assertThatThrownBy(() -> {
            try (RegistryTransport session = open(host)) {
                session.read();
            }
        }).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.getKind()).isEqualTo(expected);
            assertThat(e.getMessage()).contains(target(host).address()).contains(expected.advice());
        });
    }
}
