package io.jenkins.plugins.dcom.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.inventory.Role;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the analysis with its source; see {@link PairPredictor} and {@link DcomRules}. */
class PairPredictorTest {
    private static final List<String> NT4_DEFAULT = Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx");
    private static final List<String> NT4_FIXED = Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx");
    private static final List<String> W2K_DEFAULT = Arrays.asList("ncacn_ip_tcp", "ncacn_spx", "ncacn_nb_nb");

    private static HostFacts host(String name, Role role, WindowsGeneration generation, List<String> protocols) {
        return new HostFacts(name, role, generation, protocols);
    }

    private static PairPrediction predict(WindowsGeneration console, List<String> consoleList, WindowsGeneration server, List<String> serverList) {
        return PairPredictor.predict(host("C", Role.CONSOLE, console, consoleList), host("S", Role.SITE_SERVER, server, serverList));
    }

    @Test
    void kb272937AWindows2000ConsoleFailsAgainstAnNt4ServerWithUdpFirst() {
        PairPrediction pair = predict(WindowsGeneration.WIN2000_XP, W2K_DEFAULT, WindowsGeneration.NT4, NT4_DEFAULT);

        assertThat(pair.getOutcome()).isEqualTo(PairOutcome.FAILS);
        assertThat(pair.getReason()).contains("0x80070776").contains("KB272937").contains("inference");
    }

    @Test
    void kb825750AServerWithDcomTurnedOffFailsEveryPairWhateverItsList() {
        HostFacts server = new HostFacts("S", Role.SITE_SERVER, WindowsGeneration.NT4, NT4_FIXED,
                java.util.Collections.singletonList("EnableDCOM is N: this host refuses all remote DCOM (KB825750)"));

        PairPrediction pair = PairPredictor.predict(host("C", Role.CONSOLE, WindowsGeneration.WIN2000_XP, W2K_DEFAULT), server);

        assertThat(pair.getOutcome()).isEqualTo(PairOutcome.FAILS);
        assertThat(pair.getReason()).startsWith("S: EnableDCOM is N").contains("KB825750");
        assertThat(PairPredictor.predict(host("C", Role.CONSOLE, WindowsGeneration.WIN2000_XP, W2K_DEFAULT),
                server.withProtocols(NT4_FIXED)).getOutcome()).as("the blocker outlives a new list").isEqualTo(PairOutcome.FAILS);
    }

    @Test
    void kb154596AConsoleWithABrokenRpcPortRangeFailsToo() {
        HostFacts console = new HostFacts("C", Role.CONSOLE, WindowsGeneration.WIN2000_XP, W2K_DEFAULT,
                java.util.Collections.singletonList("Rpc\\Internet\\Ports entry 1 is not a port or a range (KB154596)"));

        assertThat(PairPredictor.predict(console, host("S", Role.SITE_SERVER, WindowsGeneration.NT4, NT4_FIXED)).getReason())
                .startsWith("C: Rpc\\Internet\\Ports").contains("KB154596");
    }

    @Test
    void kb272937TheArticlesFixMovingTcpFirstOnTheServerMakesThePairConnectOnTcp() {
        PairPrediction pair = predict(WindowsGeneration.WIN2000_XP, W2K_DEFAULT, WindowsGeneration.NT4, NT4_FIXED);

        assertThat(pair.getOutcome()).isEqualTo(PairOutcome.CONNECTS);
        assertThat(pair.getProtocol()).isEqualTo("ncacn_ip_tcp");
    }

    @Test
    void msDcom32411AndKb242022AnNt4ConsoleWithUdpFirstReachesAWindows2000ServerOnlyAfterAFailedAttempt() {
        PairPrediction pair = predict(WindowsGeneration.NT4, NT4_DEFAULT, WindowsGeneration.WIN2000_XP, W2K_DEFAULT);

        assertThat(pair.getOutcome()).as("2000 does not listen on UDP ([MS-DCOM] note 51)").isEqualTo(PairOutcome.SLOW);
        assertThat(pair.getFailedAttempts()).containsExactly("ncadg_ip_udp");
        assertThat(pair.getProtocol()).isEqualTo("ncacn_ip_tcp");
        assertThat(pair.getReason()).contains("30-45 s").contains("KB242022");
    }

    @Test
    void kb242022AWindows2000ConsoleSkipsADatagramProtocolInItsOwnListAtNoCost() {
        PairPrediction pair = predict(WindowsGeneration.WIN2000_XP, Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp"),
                WindowsGeneration.WIN2003_LATER, Arrays.asList("ncacn_ip_tcp"));

        assertThat(pair.getOutcome()).isEqualTo(PairOutcome.CONNECTS);
        assertThat(pair.getFailedAttempts()).isEmpty();
    }

    @Test
    void nt4ConsolesAndServersBothWithUdpFirstConnectOnUdp() {
        PairPrediction pair = predict(WindowsGeneration.NT4, NT4_DEFAULT, WindowsGeneration.NT4, NT4_DEFAULT);

        assertThat(pair.getOutcome()).isEqualTo(PairOutcome.CONNECTS);
        assertThat(pair.getProtocol()).isEqualTo("ncadg_ip_udp");
    }

    @Test
    void msDcomNote51AServer2003ListensOnTcpOnlySoAConsoleWithoutTcpFails() {
        PairPrediction pair = predict(WindowsGeneration.WIN2000_XP, Arrays.asList("ncacn_spx", "ncacn_nb_nb"),
                WindowsGeneration.WIN2003_LATER, Arrays.asList("ncacn_ip_tcp"));

        assertThat(pair.getOutcome()).isEqualTo(PairOutcome.FAILS);
        assertThat(pair.getFailedAttempts()).containsExactly("ncacn_spx", "ncacn_nb_nb");
        assertThat(pair.getReason()).contains("0x800706BA");
    }

    @Test
    void inferenceAServerListensOnlyOnTheProtocolsOfItsOwnList() {
        PairPrediction pair = predict(WindowsGeneration.WIN2000_XP, W2K_DEFAULT, WindowsGeneration.WIN2000_XP,
                Arrays.asList("ncacn_spx"));

        assertThat(pair.getOutcome()).isEqualTo(PairOutcome.FAILS);
    }

    @Test
    void anEmptyServerListDisablesDcomSoEveryConsoleFails() {
        PairPrediction pair = predict(WindowsGeneration.WIN2003_LATER, Arrays.asList("ncacn_ip_tcp"),
                WindowsGeneration.WIN2003_LATER, Arrays.<String>asList());

        assertThat(pair.getOutcome()).isEqualTo(PairOutcome.FAILS);
    }

    @Test
    void anUnreadableVersionOrListIsUnknownAndSaysWhich() {
        PairPrediction noVersion = predict(WindowsGeneration.UNKNOWN, W2K_DEFAULT, WindowsGeneration.NT4, NT4_DEFAULT);
        PairPrediction noList = predict(WindowsGeneration.WIN2000_XP, W2K_DEFAULT, WindowsGeneration.NT4, null);

        assertThat(noVersion.getOutcome()).isEqualTo(PairOutcome.UNKNOWN);
        assertThat(noVersion.getReason()).startsWith("C:").contains("Windows version");
        assertThat(noList.getOutcome()).isEqualTo(PairOutcome.UNKNOWN);
        assertThat(noList.getReason()).startsWith("S:").contains("DCOM Protocols");
    }

    @Test
    void currentVersionTellsTheGenerations() {
        assertThat(WindowsGeneration.of("4.0")).isEqualTo(WindowsGeneration.NT4);
        assertThat(WindowsGeneration.of("5.0")).isEqualTo(WindowsGeneration.WIN2000_XP);
        assertThat(WindowsGeneration.of("5.1")).isEqualTo(WindowsGeneration.WIN2000_XP);
        assertThat(WindowsGeneration.of("5.2")).isEqualTo(WindowsGeneration.WIN2003_LATER);
        assertThat(WindowsGeneration.of("6.3")).isEqualTo(WindowsGeneration.WIN2003_LATER);
        assertThat(WindowsGeneration.of("4.0\u0000; rm -rf")).isEqualTo(WindowsGeneration.UNKNOWN);
        assertThat(WindowsGeneration.of(null)).isEqualTo(WindowsGeneration.UNKNOWN);
    }

    @Test
    void aFleetWithoutBothRolesIsSkippedWithOneLineSayingWhy() {
        ConnectivityMatrix matrix = ConnectivityMatrix.of(Arrays.asList(host("A", Role.UNSPECIFIED, WindowsGeneration.NT4, NT4_DEFAULT),
                host("B", Role.SITE_SERVER, WindowsGeneration.NT4, NT4_DEFAULT)));

        assertThat(matrix.getPairs()).isEmpty();
        assertThat(matrix.getSkipped()).contains("role=console").contains("has 0 and 1");
    }

    @Test
    void theMatrixHasEveryConsoleServerPair() {
        ConnectivityMatrix matrix = ConnectivityMatrix.of(Arrays.asList(
                host("SMS1", Role.SITE_SERVER, WindowsGeneration.NT4, NT4_DEFAULT),
                host("PC1", Role.CONSOLE, WindowsGeneration.WIN2000_XP, W2K_DEFAULT),
                host("PC2", Role.CONSOLE, WindowsGeneration.NT4, NT4_DEFAULT),
                host("SMS2", Role.SITE_SERVER, WindowsGeneration.NT4, NT4_FIXED)));

        assertThat(matrix.getConsoles()).containsExactly("PC1", "PC2");
        assertThat(matrix.getServers()).containsExactly("SMS1", "SMS2");
        assertThat(matrix.getPairs()).extracting(PairPrediction::getOutcome)
                .containsExactly(PairOutcome.FAILS, PairOutcome.CONNECTS, PairOutcome.CONNECTS, PairOutcome.CONNECTS);
        assertThat(matrix.count(PairOutcome.FAILS)).isEqualTo(1);
    }
}
