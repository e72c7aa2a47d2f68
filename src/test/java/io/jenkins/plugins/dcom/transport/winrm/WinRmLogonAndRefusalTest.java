package io.jenkins.plugins.dcom.transport.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.lab.LabCounters;
import io.jenkins.plugins.dcom.lab.LabFault;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHost;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.lab.WinRmServiceSetting;
import io.jenkins.plugins.dcom.transport.AuditReads;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.ValueRead;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the WinRM transport logs on to hosts as Windows ships them and what it says when a host refuses: by the
 * codes the host gives, with the fix named, and nothing sent when the settings could only leak or fail.
 */
class WinRmLogonAndRefusalTest {
    /** NTLM carries the password's UTF-16 whole, so a password outside ASCII logs on like any other. */
    private static final String PASSWORD = "P\u00e4ssw\u00f6rt-\u00df-1";
    private static LabFleet fleet;

    @BeforeAll
    static void start() throws Exception {
        fleet = LabFleet.start(Arrays.asList(
                LabHostSpec.host("DEFAULT", "ncadg_ip_udp", "ncacn_ip_tcp"),
                LabHostSpec.host("NOSHELL", "ncacn_ip_tcp").service(WinRmServiceSetting.REMOTE_SHELLS_DISABLED),
                LabHostSpec.host("GERMAN", "ncadg_ip_udp", "ncacn_ip_tcp").fault(LabFault.GERMAN_WINDOWS)
                        .fault(LabFault.DENY_WRITE),
                LabHostSpec.host("WRONG", "ncacn_ip_tcp").fault(LabFault.WRONG_PASSWORD),
                LabHostSpec.host("BASICONLY", "ncacn_ip_tcp").service(WinRmServiceSetting.BASIC_ONLY)), PASSWORD, null, 0);
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    private static ConnectionSettings.Builder settings() {
        return ConnectionSettings.builder(new Credentials("labadmin", PASSWORD)).timeouts(5000, 10000);
    }

    private static RegistryTransport open(String host, ConnectionSettings settings) throws TransportException {
        LabHost lab = fleet.host(host);
        return new WinRmTransportFactory().open(Target.of(lab.address(), lab.port(), "winrm"), settings);
    }

    private static TransportException failure(String host, ConnectionSettings settings) {
        return catchThrowableOfType(() -> {
            try (RegistryTransport transport = open(host, settings)) {
                transport.read();
            }
        }, TransportException.class);
    }

    @Test
    void aHostThatOffersBasicOnlyIsNotReportedAsAWrongPasswordAndNoLogonIsCounted() {
        TransportException refused = failure("BASICONLY", settings().build());

        assertThat(refused.getKind()).as("not AUTH_FAILED: the account guard must not stop the fleet for it")
                .isEqualTo(FailureKind.PROTOCOL_ERROR);
        assertThat(refused.getMessage()).contains("offers Basic only").contains("--auth basic").contains("Negotiate=");
        assertThat(fleet.host("BASICONLY").counters().rejectedLogons()).isZero();
    }

    @Test
    void theDefaultsReachADefaultHostWithANonAsciiPasswordAndOneShellForSeveralCommands() throws Exception {
        LabHost host = fleet.host("DEFAULT");
        long commandsBefore = host.counters().commands();
        try (RegistryTransport transport = open("DEFAULT", settings().build())) {
            assertThat(transport.read().protocols("DEFAULT")).containsExactly("ncadg_ip_udp", "ncacn_ip_tcp");
            assertThat(transport.windowsVersion()).isEqualTo("6.3");
            assertThat(transport.windowsRelease()).as("three values, one command").isEqualTo("Windows Server 2019 Standard, build 17763");
        }
        assertThat(host.counters().commands() - commandsBefore).isEqualTo(3);
    }

    @Test
    void aHostsValueWithItsVersionReleaseAndRelatedValuesCostsOneCommand() throws Exception {
        LabHost host = fleet.host("DEFAULT");
        List<ValueRead> others = Arrays.asList(new ValueRead(RegistryTransport.VERSION_KEY, RegistryTransport.VERSION_VALUE),
                new ValueRead(RegistryTransport.VERSION_KEY, "ProductName"), new ValueRead("SOFTWARE\\Microsoft\\Ole", "EnableDCOM"));
        try (RegistryTransport transport = open("DEFAULT", settings().build())) {
            long commandsBefore = host.counters().commands();

            AuditReads reads = transport.readWith(others);

            assertThat(host.counters().commands() - commandsBefore).isEqualTo(1);
            assertThat(reads.value().protocols("DEFAULT")).containsExactly("ncadg_ip_udp", "ncacn_ip_tcp");
            assertThat(reads.other(others.get(0)).text()).isEqualTo("6.3");
            assertThat(reads.other(others.get(1)).text()).isEqualTo("Windows Server 2019 Standard");
        }
    }

    @Test
    void severalRelatedValuesOfSeveralKeysCostOneCommand() throws Exception {
        LabHost host = fleet.host("DEFAULT");
        List<ValueRead> reads = Arrays.asList(new ValueRead("SOFTWARE\\Microsoft\\Ole", "EnableDCOM"),
                new ValueRead(RegistryTransport.VERSION_KEY, RegistryTransport.VERSION_VALUE),
                new ValueRead("SOFTWARE\\Microsoft\\Ole", "LegacyAuthenticationLevel"),
                new ValueRead("SOFTWARE\\Microsoft\\Rpc\\Internet", "Ports"));
        try (RegistryTransport transport = open("DEFAULT", settings().build())) {
            long commandsBefore = host.counters().commands();

            Map<ValueRead, RegistryValue> found = transport.readValues(reads);

            assertThat(host.counters().commands() - commandsBefore).isEqualTo(1);
            assertThat(found.get(reads.get(1)).text()).isEqualTo("6.3");
            for (ValueRead read : reads) {
                RegistryValue alone = transport.readValue(read.subkey(), read.name());
                assertThat(found.get(read) == null ? null : found.get(read).text()).as(read.toString())
                        .isEqualTo(alone == null ? null : alone.text());
            }
        }
        assertThat(host.counters().rejectedLogons()).isZero();
    }

    @Test
    void aSessionWhoseConnectionTheHostClosedLogsOnAgainInsteadOfCallingItAWrongPassword() throws Exception {
        LabHost host = fleet.host("DEFAULT");
        try (RegistryTransport transport = open("DEFAULT", settings().build())) {
            transport.read();
            host.dropConnections(); // HTTP.sys closes idle connections; NTLM logons die with them

            assertThat(transport.windowsVersion()).isEqualTo("6.3");
        }
        assertThat(host.counters().rejectedLogons()).isZero();
    }

    @Test
    void aConnectionTheHostClosedIsSeenBeforeTheNextMessageWhichGoesAfterANewLogonOnANewConnection() throws Exception {
        LabHost host = fleet.host("DEFAULT");
        LabCounters counters = host.counters();
        try (RegistryTransport transport = open("DEFAULT", settings().build())) {
            transport.read();
            host.dropConnections();
            long[] before = {counters.requests(), counters.unauthorized(), counters.connections()};

            assertThat(transport.windowsVersion()).isEqualTo("6.3");

            assertThat(counters.connections() - before[2]).isEqualTo(1);
            assertThat(counters.unauthorized() - before[1]).as("the new logon's CHALLENGE only: nothing went on the "
                    + "closed connection to be refused").isEqualTo(1);
            assertThat(counters.requests() - before[0]).as("NEGOTIATE, AUTHENTICATE, then Command and Receive in the "
                    + "shell the host kept").isEqualTo(4);
        }
    }

    @Test
    void aHostThatRefusesRemoteShellsNamesTheGroupPolicy() {
        TransportException refused = failure("NOSHELL", settings().build());

        assertThat(refused.getKind()).isEqualTo(FailureKind.ACCESS_DENIED);
        assertThat(refused.getMessage()).contains("Allow Remote Shell Access").contains("2150859180");
    }

    @Test
    void aGermanHostsRefusedWriteIsAccessDeniedByItsCodesNotItsWords() throws Exception {
        try (RegistryTransport transport = open("GERMAN", settings().build())) {
            TransportException refused = catchThrowableOfType(
                    () -> transport.write(Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp")), TransportException.class);

            assertThat(refused.getKind()).isEqualTo(FailureKind.ACCESS_DENIED);
            assertThat(refused.getMessage()).contains("Zugriff verweigert");
        }
        assertThat(fleet.host("GERMAN").registry().data()).containsExactly("ncadg_ip_udp", "ncacn_ip_tcp");
    }

    @Test
    void aWrongPasswordIsOneFailedLogonAndNamesTheFix() {
        TransportException rejected = failure("WRONG", settings().build());

        assertThat(rejected.getKind()).isEqualTo(FailureKind.AUTH_FAILED);
        assertThat(rejected.getMessage()).contains("HTTP 401").contains("LocalAccountTokenFilterPolicy")
                .doesNotContain(PASSWORD);
        assertThat(fleet.host("WRONG").counters().rejectedLogons()).isEqualTo(1);
    }

    @Test
    void basicAgainstADefaultHostIsRejectedWithoutCountingAFailedLogonAndSaysBasicIsOff() {
        ConnectionSettings basic = ConnectionSettings.builder(new Credentials("labadmin", "Ascii-Only-1"))
                .authentication(WinRmAuthentication.BASIC).allowHttp().timeouts(5000, 10000).build();

        TransportException rejected = failure("DEFAULT", basic);

        assertThat(rejected.getKind()).isEqualTo(FailureKind.AUTH_FAILED);
        assertThat(rejected.getMessage()).contains("Basic is off");
        assertThat(fleet.host("DEFAULT").counters().rejectedLogons()).isZero();
    }

    @Test
    void aReadCostsTheTwoNtlmLegsAndTheFourMessagesOnOneConnection() throws Exception {
        LabCounters counters = fleet.host("DEFAULT").counters();
        long[] before = {counters.requests(), counters.unauthorized(), counters.connections()};

        try (RegistryTransport transport = open("DEFAULT", settings().build())) {
            transport.read();
        }

        assertThat(counters.requests() - before[0]).as("NEGOTIATE with the first POST, AUTHENTICATE, Create, Command, "
                + "Receive, Delete").isEqualTo(6);
        assertThat(counters.unauthorized() - before[1]).as("only the CHALLENGE").isEqualTo(1);
        assertThat(counters.connections() - before[2]).isEqualTo(1);
    }

    @Test
    void aKerberosLogonThatCannotHappenReachesNoHostAndNamesKrb5Conf() {
        long before = fleet.host("DEFAULT").counters().requests();
        ConnectionSettings kerberos = ConnectionSettings.builder(new Credentials("dcom@NO-SUCH-REALM.INVALID", "Ascii-Only-1"))
                .authentication(WinRmAuthentication.KERBEROS).timeouts(5000, 10000).build();

        TransportException first = failure("DEFAULT", kerberos);
        TransportException second = failure("DEFAULT", kerberos);

        assertThat(first.getKind()).isEqualTo(FailureKind.AUTH_FAILED);
        assertThat(first.getMessage()).contains("Kerberos logon").contains("krb5.conf");
        assertThat(second.getMessage()).isEqualTo(first.getMessage());
        assertThat(fleet.host("DEFAULT").counters().requests()).isEqualTo(before);
    }

    @Test
    void basicOverPlainHttpSendsNothingUnlessAllowed() {
        long before = fleet.host("DEFAULT").counters().requests();
        ConnectionSettings clear = ConnectionSettings.builder(new Credentials("labadmin", "Ascii-Only-1"))
                .authentication(WinRmAuthentication.BASIC).build();

        TransportException refused = catchThrowableOfType(() -> open("DEFAULT", clear), TransportException.class);

        assertThat(refused.getKind()).isEqualTo(FailureKind.INVALID_VALUE);
        assertThat(refused.getMessage()).contains("nothing was sent").contains("--auth negotiate (build step: auth 'negotiate') or kerberos");
        assertThat(fleet.host("DEFAULT").counters().requests()).isEqualTo(before);
    }
}
