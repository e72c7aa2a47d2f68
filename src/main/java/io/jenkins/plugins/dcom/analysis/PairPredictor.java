package io.jenkins.plugins.dcom.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Predicts what DCOM does when a console connects to a site server, from both hosts' Windows generations and
 * protocol lists ({@link DcomRules}). Three rules, the first that applies decides:
 * <ol>
 * <li>A setting read on either host that stops all remote DCOM (EnableDCOM=N, KB825750; a malformed RPC port range,
 * KB154596): fails, whatever the lists.</li>
 * <li>The article (KB272937): an NT 4.0 server whose list starts with a datagram protocol, and a console of
 * Windows 2000 or later: fails (0x80070776). Why, mechanically, is inference: either the server's string bindings
 * or its callbacks to the console put UDP first, which Windows 2000 and later do not use.</li>
 * <li>Activation ([MS-DCOM] 3.2.4.1.1.1): the console tries its own protocols in order, skipping those its DCOM
 * does not use; the first one the server listens on connects; each one tried before it costs a delay (KB242022);
 * none: fails (RPC_S_SERVER_UNAVAILABLE, 0x800706BA).</li>
 * </ol>
 */
public final class PairPredictor {
    private PairPredictor() {
    }

    public static PairPrediction predict(HostFacts console, HostFacts server) {
        String unknown = unknown(console, server);
        if (unknown != null) {
            return new PairPrediction(console.getLabel(), server.getLabel(), PairOutcome.UNKNOWN, null, Collections.<String>emptyList(), unknown);
        }
        for (HostFacts host : new HostFacts[] {server, console}) {
            if (!host.getBlockers().isEmpty()) {
                return new PairPrediction(console.getLabel(), server.getLabel(), PairOutcome.FAILS, null,
                        Collections.<String>emptyList(), host.getLabel() + ": " + host.getBlockers().get(0));
            }
        }
        if (articleCase(console, server)) {
            return new PairPrediction(console.getLabel(), server.getLabel(), PairOutcome.FAILS, null,
                    Collections.singletonList(server.getProtocols().get(0)), "the NT 4.0 server puts " + server.getProtocols().get(0)
                    + " first, which " + console.getGeneration().label() + " DCOM does not use: 0x80070776, the article's "
                    + "symptom (" + DcomRules.SOURCE_ARTICLE + "; the mechanism is inference)");
        }
        return activation(console, server);
    }

    private static String unknown(HostFacts console, HostFacts server) {
        for (HostFacts host : new HostFacts[] {console, server}) {
            if (host.getGeneration() == WindowsGeneration.UNKNOWN) {
                return host.getLabel() + ": its Windows version could not be read";
            }
            if (host.getProtocols() == null) {
                return host.getLabel() + ": its DCOM Protocols list could not be read";
            }
        }
        return null;
    }

    private static boolean articleCase(HostFacts console, HostFacts server) {
        return server.getGeneration() == WindowsGeneration.NT4 && console.getGeneration() != WindowsGeneration.NT4
                && !server.getProtocols().isEmpty() && DcomRules.isDatagram(server.getProtocols().get(0));
    }

    private static PairPrediction activation(HostFacts console, HostFacts server) {
        List<String> failed = new ArrayList<>();
        for (String protocol : console.getProtocols()) {
            if (!DcomRules.uses(console.getGeneration(), protocol)) {
                continue; // never tried, costs nothing (KB242022 for datagram protocols on 2000 and later)
            }
            if (DcomRules.crossesIp(protocol) && DcomRules.listens(server, protocol)) {
                PairOutcome outcome = failed.isEmpty() ? PairOutcome.CONNECTS : PairOutcome.SLOW;
                return new PairPrediction(console.getLabel(), server.getLabel(), outcome, protocol, failed, outcome == PairOutcome.CONNECTS
                        ? "connects on " + protocol + ", the first protocol of the console's list that the server listens on ("
                                + DcomRules.SOURCE_ACTIVATION + ", " + DcomRules.SOURCE_LISTENS + ")"
                        : "connects on " + protocol + " after " + failed.size() + " failed attempt(s) on " + String.join(", ", failed)
                                + ", 30-45 s each (" + DcomRules.SOURCE_ACTIVATION + ", " + DcomRules.SOURCE_DELAY + ")");
            }
            failed.add(protocol);
        }
        return new PairPrediction(console.getLabel(), server.getLabel(), PairOutcome.FAILS, null, failed, failed.isEmpty()
                ? "the console's list holds no protocol its DCOM uses: RPC_S_SERVER_UNAVAILABLE, 0x800706BA (" + DcomRules.SOURCE_ACTIVATION + ")"
                : "no protocol of the console's list is one the server listens on (tried " + String.join(", ", failed)
                        + "): RPC_S_SERVER_UNAVAILABLE, 0x800706BA (" + DcomRules.SOURCE_ACTIVATION + ", " + DcomRules.SOURCE_LISTENS + ")");
    }
}
