package io.jenkins.plugins.dcom.analysis;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What each Windows generation's DCOM listens on and will use, as tables, each row with its source. The only
 * place these facts live; {@link PairPredictor} applies them. "Inference" marks what no source states outright.
 */
final class DcomRules {
    static final String TCP = "ncacn_ip_tcp";
    static final String UDP = "ncadg_ip_udp";
    static final String HTTP = "ncacn_http";

    /** [MS-DCOM] product behavior note 51: the protocols each generation listens on by default. */
    static final String SOURCE_LISTENS = "[MS-DCOM] note 51";
    /** KB242022: DCOM on Windows 2000 and later does not use datagram protocols at all. */
    static final String SOURCE_NO_DATAGRAM = "KB242022";
    /** [MS-DCOM] 3.2.4.1.1.1: activation tries the client's protocols in order, the next on an RPC error. */
    static final String SOURCE_ACTIVATION = "[MS-DCOM] 3.2.4.1.1.1";
    /** KB242022: each protocol tried and failed before the one that works costs a 30-45 s delay. */
    static final String SOURCE_DELAY = "KB242022";
    /** KB272937: a Windows 2000 console cannot connect to an NT 4.0 site server whose list starts with UDP. */
    static final String SOURCE_ARTICLE = "KB272937";

    private static final Map<WindowsGeneration, Set<String>> LISTENS = new EnumMap<>(WindowsGeneration.class);
    private static final Map<WindowsGeneration, Set<String>> USES = new EnumMap<>(WindowsGeneration.class);

    static {
        LISTENS.put(WindowsGeneration.NT4, set(TCP, "ncacn_spx", "ncacn_nb_nb", "ncacn_nb_ipx", UDP, "ncadg_ipx"));
        LISTENS.put(WindowsGeneration.WIN2000_XP, set(TCP, "ncacn_spx", "ncacn_nb_nb", "ncacn_nb_ipx"));
        LISTENS.put(WindowsGeneration.WIN2003_LATER, set(TCP));
        // What a generation's DCOM client will try: NT 4.0 everything it listens on (inference); 2000 and later no
        // datagram protocol (KB242022); 2003 and later TCP and HTTP ([MS-COMA] note 24).
        USES.put(WindowsGeneration.NT4, LISTENS.get(WindowsGeneration.NT4));
        USES.put(WindowsGeneration.WIN2000_XP, set(TCP, "ncacn_spx", "ncacn_nb_nb", "ncacn_nb_ipx", "ncacn_np", HTTP));
        USES.put(WindowsGeneration.WIN2003_LATER, set(TCP, HTTP));
    }

    private DcomRules() {
    }

    private static Set<String> set(String... protocols) {
        return Collections.unmodifiableSet(new HashSet<>(Arrays.asList(protocols)));
    }

    /**
     * @return whether the server listens on the protocol: its generation listens on it by default and the protocol
     * is in its own DCOM Protocols list (inference: RPCSS registers the protocols of its list)
     */
    static boolean listens(HostFacts server, String protocol) {
        return LISTENS.get(server.getGeneration()).contains(protocol) && server.getProtocols().contains(protocol);
    }

    /** @return whether the client's DCOM will try the protocol at all (one it will not try costs nothing) */
    static boolean uses(WindowsGeneration client, String protocol) {
        return USES.get(client).contains(protocol);
    }

    /**
     * @return whether the protocol crosses an IP network: SPX, IPX and NetBIOS protocols need stacks that a fleet
     * managed over WinRM and SMB on IP is not assumed to have (inference); trying one costs a failed attempt
     */
    static boolean crossesIp(String protocol) {
        return TCP.equals(protocol) || UDP.equals(protocol) || HTTP.equals(protocol);
    }

    static boolean isDatagram(String protocol) {
        return protocol.startsWith("ncadg_");
    }
}
