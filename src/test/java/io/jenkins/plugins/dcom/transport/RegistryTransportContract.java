package io.jenkins.plugins.dcom.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dcom.inventory.Target;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /**
     * Sets the host's value without the transport under test: bytes as given where the fixture stores bytes
     * (Samba, through impacket), the entries where it stores entries (the lab).
     */
    protected abstract void seed(Hosts host, RegistryValue value) throws Exception;

    /** The address of the host last opened: messages name it. */
    private String opened;

    private RegistryTransport open(Hosts host) throws TransportException {
        opened = target(host).address();
        return factory().open(target(host), settings());
    }

    private List<String> read(RegistryTransport session) throws TransportException {
        return session.read().protocols(opened);
    }

    private List<String> write(RegistryTransport session, List<String> protocols) throws TransportException {
        return session.write(protocols).protocols(opened);
    }

    /** The shapes a REG_MULTI_SZ takes in the field, as UTF-16LE text, and the entries Windows sees in each. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("ends in a single NUL (many tools write it so)", "ncadg_ip_udp\0ncacn_ip_tcp\0",
                        Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp")),
                Arguments.of("has no terminator", "ncadg_ip_udp\0ncacn_ip_tcp", Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp")),
                Arguments.of("has an empty entry in the middle", "ncacn_ip_tcp\0\0ncadg_ip_udp\0\0",
                        Arrays.asList("ncacn_ip_tcp", "", "ncadg_ip_udp")),
                Arguments.of("has a look-alike letter", "ncacn_ip_t\u0163p\0ncadg_ip_udp\0\0",
                        Arrays.asList("ncacn_ip_t\u0163p", "ncadg_ip_udp")),
                Arguments.of("has control characters", "ncacn_ip_tcp\u001B[2J\u0007\0\0", Arrays.asList("ncacn_ip_tcp\u001B[2J\u0007")),
                Arguments.of("has an entry holding the text \\0", "ncacn_ip_tcp\\0ncadg_ip_udp\0\0",
                        Arrays.asList("ncacn_ip_tcp\\0ncadg_ip_udp")),
                Arguments.of("is larger than 8 KiB", String.join("\0", Collections.nCopies(200, "ncacn_ip_tcp_0123456789")) + "\0\0",
                        Collections.nCopies(200, "ncacn_ip_tcp_0123456789")));
    }

    @ParameterizedTest(name = "a value that {0} is read entry for entry")
    @MethodSource("shapes")
    void readsEveryShapeOfAMultiSzAsWindowsDoes(String shape, String text, List<String> entries) throws Exception {
        seed(Hosts.WIN2000, new RegistryValue(RegistryValue.REG_MULTI_SZ, text.getBytes(StandardCharsets.UTF_16LE), true));
        try (RegistryTransport session = open(Hosts.WIN2000)) {
            assertThat(read(session)).containsExactlyElementsOf(entries);
        } finally {
            seed(Hosts.WIN2000, RegistryValue.multiSz(W2K_LIST));
        }
    }

    @Test
    void thousandsOfEmptyEntriesAreAClassifiedFailureNotACrash() throws Exception {
        char[] nuls = new char[5000];
        assertReadOfSeedFails(new RegistryValue(RegistryValue.REG_MULTI_SZ, new String(nuls).getBytes(StandardCharsets.UTF_16LE),
                true), FailureKind.MALFORMED_VALUE, "entries");
    }

    @Test
    void aValueLargerThanTheBoundIsAClassifiedFailure() throws Exception {
        assertReadOfSeedFails(RegistryValue.multiSz(Collections.nCopies(3000, "ncacn_ip_tcp_0123456789")),
                FailureKind.MALFORMED_VALUE, "DCOM Protocols");
    }

    @Test
    void aQwordValueIsWrongTypeNotAnInternalError() throws Exception {
        assertReadOfSeedFails(new RegistryValue(11, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, true), FailureKind.WRONG_TYPE, "REG_QWORD");
    }

    /** Seeds WIN2000 with the value, reads it, expects the classified failure, and puts W2K's value back. */
    private void assertReadOfSeedFails(RegistryValue seeded, FailureKind kind, String detail) throws Exception {
        seed(Hosts.WIN2000, seeded);
        try (RegistryTransport session = open(Hosts.WIN2000)) {
            assertThatThrownBy(() -> read(session)).isInstanceOfSatisfying(TransportException.class, e -> {
                assertThat(e.getKind()).isEqualTo(kind);
                assertThat(e.getMessage()).contains(opened).contains(detail);
            });
        } finally {
            seed(Hosts.WIN2000, RegistryValue.multiSz(W2K_LIST));
        }
    }

    /** @return the host's CurrentVersion as the fixture holds it, read without the transport under test */
    protected abstract String storedWindowsVersion(Hosts host) throws Exception;

    @Test
    void readsTheWindowsVersionForTheConnectivityAnalysis() throws Exception {
        try (RegistryTransport nt4 = open(Hosts.NT4); RegistryTransport w2k = open(Hosts.WIN2000)) {
            assertThat(nt4.windowsVersion()).isEqualTo(storedWindowsVersion(Hosts.NT4));
            assertThat(w2k.windowsVersion()).isEqualTo(storedWindowsVersion(Hosts.WIN2000));
        }
    }

    @Test
    void readsARelatedSettingReadOnlyAndAMissingOneAsAbsent() throws Exception {
        try (RegistryTransport nt4 = open(Hosts.NT4); RegistryTransport w2k = open(Hosts.WIN2000)) {
            assertThat(nt4.readValue("SOFTWARE\\Microsoft\\Ole", "EnableDCOM").text()).isEqualTo("N");
            assertThat(w2k.readValue("SOFTWARE\\Microsoft\\Ole", "EnableDCOM")).isNull();
        }
    }

    @Test
    void readsSeveralValuesAtOnceAsEachAloneAndLeavesAMissingOneOut() throws Exception {
        ValueRead enableDcom = new ValueRead("SOFTWARE\\Microsoft\\Ole", "EnableDCOM");
        ValueRead version = new ValueRead(RegistryTransport.VERSION_KEY, RegistryTransport.VERSION_VALUE);
        ValueRead missing = new ValueRead("SOFTWARE\\Microsoft\\Ole", "NoSuchValue");
        try (RegistryTransport nt4 = open(Hosts.NT4); RegistryTransport w2k = open(Hosts.WIN2000)) {
            Map<ValueRead, RegistryValue> fromNt4 = nt4.readValues(Arrays.asList(enableDcom, version, missing));
            Map<ValueRead, RegistryValue> fromW2k = w2k.readValues(Arrays.asList(enableDcom, version, missing));

            assertThat(fromNt4.get(enableDcom).text()).isEqualTo(nt4.readValue(enableDcom.subkey(), enableDcom.name()).text())
                    .isEqualTo("N");
            assertThat(fromNt4.get(version).text()).isEqualTo(storedWindowsVersion(Hosts.NT4));
            assertThat(fromNt4).doesNotContainKey(missing);
            assertThat(fromW2k).as("a value one host lacks is left out for that host only").doesNotContainKey(enableDcom)
                    .containsKey(version);
            assertThat(fromW2k.get(version).text()).isEqualTo(storedWindowsVersion(Hosts.WIN2000));
        }
    }

    @Test
    void readsTheValueTogetherWithOtherValuesAsEachAlone() throws Exception {
        ValueRead enableDcom = new ValueRead("SOFTWARE\\Microsoft\\Ole", "EnableDCOM");
        ValueRead version = new ValueRead(RegistryTransport.VERSION_KEY, RegistryTransport.VERSION_VALUE);
        try (RegistryTransport nt4 = open(Hosts.NT4); RegistryTransport w2k = open(Hosts.WIN2000)) {
            AuditReads fromNt4 = nt4.readWith(Arrays.asList(enableDcom, version));
            AuditReads fromW2k = w2k.readWith(Arrays.asList(enableDcom, version));

            assertThat(fromNt4.value().protocols("NT4")).containsExactlyElementsOf(storedValue(Hosts.NT4));
            assertThat(fromNt4.other(enableDcom).text()).isEqualTo("N");
            assertThat(fromNt4.other(version).text()).isEqualTo(storedWindowsVersion(Hosts.NT4));
            assertThat(fromW2k.value().protocols("W2K")).containsExactlyElementsOf(storedValue(Hosts.WIN2000));
            assertThat(fromW2k.other(enableDcom)).isNull();
            assertThat(fromW2k.othersFailure()).isNull();
        }
    }

    @Test
    void aMissingOrWrongTypeValueReadWithOthersIsClassifiedAsAReadAloneClassifiesIt() {
        // as aMissingValueIsClassifiedAsValueMissing and aRegSzValueIsClassifiedAsWrongType, with other values asked too
        List<ValueRead> others = Collections.singletonList(new ValueRead(RegistryTransport.VERSION_KEY, RegistryTransport.VERSION_VALUE));
        for (Hosts host : new Hosts[] {Hosts.VALUE_MISSING, Hosts.REG_SZ}) {
            assertThatThrownBy(() -> {
                try (RegistryTransport session = open(host)) {
                    session.readWith(others).value().protocols(host.name());
                }
            }).as(host.name()).isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.getKind())
                    .isEqualTo(host == Hosts.VALUE_MISSING ? FailureKind.VALUE_MISSING : FailureKind.WRONG_TYPE));
        }
    }

    @Test
    void tellsAnExistingKeyFromAMissingOneReadOnly() throws Exception {
        try (RegistryTransport session = open(Hosts.WIN2000)) {
            assertThat(session.keyExists("SOFTWARE\\Microsoft\\Rpc")).isTrue();
            assertThat(session.keyExists("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending")).isFalse();
        }
    }

    @Test
    void readsTheListInTheOrderWindowsKeepsIt() throws Exception {
        try (RegistryTransport session = open(Hosts.NT4)) {
            assertThat(read(session)).containsExactlyElementsOf(storedValue(Hosts.NT4));
        }
        try (RegistryTransport session = open(Hosts.WIN2000)) {
            assertThat(read(session)).first().isEqualTo("ncacn_ip_tcp");
        }
    }

    @Test
    void writeReplacesTheWholeListAndReturnsWhatWasReadBack() throws Exception {
        List<String> reordered = Arrays.asList("ncacn_ip_tcp", "ncacn_spx", "ncadg_ip_udp");
        try (RegistryTransport session = open(Hosts.NT4)) {
            assertThat(write(session, reordered)).containsExactlyElementsOf(reordered);
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
            assertThat(read(session)).containsExactlyElementsOf(before);
            assertThatThrownBy(() -> write(session, Arrays.asList("ncacn_ip_tcp")))
                    .isInstanceOfSatisfying(TransportException.class,
                            e -> assertThat(e.getKind()).isEqualTo(FailureKind.ACCESS_DENIED));
        }
        assertThat(storedValue(Hosts.READ_ONLY)).containsExactlyElementsOf(before);
    }

    @Test
    void anUnsafeProtocolNameIsRefusedBeforeAnythingIsSent() throws Exception {
        List<String> before = storedValue(Hosts.WIN2000);
        try (RegistryTransport session = open(Hosts.WIN2000)) {
            assertThatThrownBy(() -> write(session, Arrays.asList("ncacn_ip_tcp", "x\" & shutdown /s & \"")))
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
                read(session);
            }
        }).isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.getKind()).isEqualTo(expected);
            assertThat(e.getMessage()).contains(target(host).address()).contains(expected.advice());
        });
    }
}
