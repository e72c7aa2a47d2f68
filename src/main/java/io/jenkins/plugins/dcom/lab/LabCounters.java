package io.jenkins.plugins.dcom.lab;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a lab host served: HTTP requests (401 challenges included), TCP connections (distinct client endpoints) and
 * TLS handshakes (one per new TLS connection), shells and commands. For the benchmark and the tests.
 */
public final class LabCounters {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong unauthorized = new AtomicLong();
    private final AtomicLong rejectedLogons = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong handshakes = new AtomicLong();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong sealedMessages = new AtomicLong();
    private final AtomicLong plainMessages = new AtomicLong();
    private final Set<InetSocketAddress> endpoints = Collections.newSetFromMap(new ConcurrentHashMap<InetSocketAddress, Boolean>());

    void request(InetSocketAddress client, boolean tls) {
        requests.incrementAndGet();
        if (endpoints.add(client)) {
            connections.incrementAndGet();
            if (tls) {
                handshakes.incrementAndGet();
            }
        }
    }

    /** @param withCredentials whether the request carried credentials (then they were wrong: a failed logon) */
    void challenged(boolean withCredentials) {
        unauthorized.incrementAndGet();
        if (withCredentials) {
            rejectedLogons.incrementAndGet();
        }
    }

    void command() {
        commands.incrementAndGet();
    }

    /** @param sealed whether the SOAP message came sealed (NTLM message encryption) rather than in clear */
    void soap(boolean sealed) {
        (sealed ? sealedMessages : plainMessages).incrementAndGet();
    }

    /** @return SOAP messages that arrived sealed */
    public long sealedMessages() {
        return sealedMessages.get();
    }

    /** @return SOAP messages that arrived in clear (and were answered: over HTTPS, or with AllowUnencrypted) */
    public long plainMessages() {
        return plainMessages.get();
    }

    public long requests() {
        return requests.get();
    }

    /** @return requests answered 401 (sent without, or with wrong, credentials) */
    public long unauthorized() {
        return unauthorized.get();
    }

    /** @return logons refused for wrong credentials: what raises a Windows account's bad-password count */
    public long rejectedLogons() {
        return rejectedLogons.get();
    }

    public long connections() {
        return connections.get();
    }

    public long handshakes() {
        return handshakes.get();
    }

    /** @return commands run (each a {@code Command} message) */
    public long commands() {
        return commands.get();
    }
}
