package io.jenkins.plugins.dcom.lab;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated Windows server: a WinRM endpoint on loopback with its own registry. A restart request really takes
 * it away: after the requested delay its listener closes, and it comes back on the same port after its downtime.
 */
public final class LabHost {
    /** Like Windows, the host takes a moment to stop its services after the delay runs out. */
    private static final long SHUTDOWN_MILLIS = 250;

    private final LabHostSpec spec;
    private final String password;
    private final LabRegistry registry;
    private final LabCounters counters = new LabCounters();
    private final List<RestartRecord> restarts = Collections.synchronizedList(new ArrayList<RestartRecord>());
    private final AtomicInteger comebacks = new AtomicInteger();
    /** Boots since the lab started: only a real restart counts, not a dropped connection. */
    private final AtomicInteger boots = new AtomicInteger();
    /** The boot time of the lab's first boot, in .NET ticks, as PowerShell prints LastBootUpTime. */
    private final long firstBootTicks = 638_000_000_000_000_000L + (System.currentTimeMillis() % 1_000_000) * 10_000L;
    private final LabTls tls;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final InetAddress address;
    private int port;
    private HttpServer server;
    /** The fleet's one listener when hosts are told apart by address, else {@code null}: the host listens itself. */
    private AddressListener shared;
    private boolean up;
    private WsmanHandler handler;
    private KerberosAcceptor kerberos;

    LabHost(LabHostSpec spec, String password, LabTls tls, InetAddress address, int port, Executor executor,
            ScheduledExecutorService scheduler) {
        this.spec = spec;
        this.password = password;
        this.tls = tls;
        this.address = address;
        this.port = port;
        this.executor = executor;
        this.scheduler = scheduler;
        this.registry = new LabRegistry(initialType(spec), spec.getProtocols());
    }

    private static String initialType(LabHostSpec spec) {
        if (spec.has(LabFault.VALUE_MISSING)) {
            return null;
        }
        return spec.has(LabFault.REG_SZ) ? "REG_SZ" : "REG_MULTI_SZ";
    }

    synchronized void start() throws IOException {
        if (spec.has(LabFault.UNREACHABLE)) {
            if (port == 0) {
                try (ServerSocket reserved = new ServerSocket(0, 1, address)) {
                    port = reserved.getLocalPort();
                }
            }
            return;
        }
        WindowsShell shell = new WindowsShell(spec.getName().toUpperCase(Locale.ROOT), registry,
                spec.has(LabFault.DENY_WRITE), this::restartRequested).restartAlreadyScheduled(spec.has(LabFault.RESTART_ALREADY_SCHEDULED)).bootTicks(this::bootTicks)
                .german(spec.has(LabFault.GERMAN_WINDOWS)).values(spec.getValues());
        handler = new WsmanHandler(this, shell); // a (re)started service: no shell, no logon
        listen();
    }

    private void listen() throws IOException {
        up = true;
        if (shared != null) {
            shared.serve(address, handler);
            return;
        }
        HttpSysTimeouts.apply();
        server = tls == null ? HttpServer.create(new InetSocketAddress(address, port), 64) : https();
        port = server.getAddress().getPort();
        server.createContext("/wsman", handler);
        server.setExecutor(executor);
        server.start();
    }

    private HttpServer https() throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(address, port), 64);
        https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        return https;
    }

    synchronized void stop() {
        up = false;
        if (shared != null) {
            shared.withdraw(address);
        }
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /**
     * Closes every connection and forgets every logon at once, as HTTP.sys does to an idle connection (its idle
     * timeout) or a restarted WinRM service: the next request on a new connection must log on again.
     */
    public synchronized void dropConnections() throws IOException {
        stop();
        handler.forgetLogons(); // the shells stay: they belong to the user, not to a connection
        listen();
    }

    /** @return whether the host is answering now */
    public synchronized boolean isUp() {
        return up;
    }

    private void restartRequested(RestartRecord request) {
        restarts.add(request);
        if (spec.has(LabFault.NETWORK_BLIP)) {
            scheduler.schedule(this::blip, 50, TimeUnit.MILLISECONDS);
        }
        if (!spec.has(LabFault.RESTART_ABORTED)) {
            scheduler.schedule(this::goDown, request.getDelaySeconds() * 1000L + SHUTDOWN_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Drops every connection for half a second, without a reboot. */
    private void blip() {
        stop();
        scheduler.schedule(() -> comeBack(false), 500, TimeUnit.MILLISECONDS);
    }

    private void goDown() {
        stop();
        scheduler.schedule(() -> comeBack(true), spec.getDowntimeMillis(), TimeUnit.MILLISECONDS);
    }

    private void comeBack(boolean rebooted) {
        try {
            if (rebooted) {
                boots.incrementAndGet();
            }
            start();
            if (rebooted) {
                comebacks.incrementAndGet();
            }
        } catch (IOException e) {
            if (rebooted) {
                boots.decrementAndGet();
            }
            scheduler.schedule(() -> comeBack(rebooted), 200, TimeUnit.MILLISECONDS);
        }
    }

    /** @return the current boot's time in ticks: it changes with every reboot, and only then */
    long bootTicks() {
        return firstBootTicks + boots.get() * 600_000_000L;
    }

    void simulateLatency() {
        if (spec.getLatencyMillis() > 0) {
            try {
                Thread.sleep(spec.getLatencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Serves the host on its own address through the fleet's one listener; before {@link #start()}. */
    void sharedListener(AddressListener listener) {
        this.shared = listener;
        this.port = listener.port();
    }

    /** Lets the host take Kerberos logons with the acceptor's keys; before {@link #start()}. */
    void kerberos(KerberosAcceptor acceptor) {
        this.kerberos = acceptor;
    }

    /** @return the host's Kerberos acceptor, or {@code null} when it takes no Kerberos logons */
    KerberosAcceptor kerberos() {
        return kerberos;
    }

    String expectedPassword() {
        return spec.has(LabFault.WRONG_PASSWORD) ? password + "-but-not-this-one" : password;
    }

    public LabHostSpec spec() {
        return spec;
    }

    /** @return how clients reach the host: {@code localhost} when it takes Kerberos (the name its SPN carries), else the IP */
    public String address() {
        return kerberos != null ? "localhost" : address.getHostAddress();
    }

    public int port() {
        return port;
    }

    public LabRegistry registry() {
        return registry;
    }

    public LabCounters counters() {
        return counters;
    }

    /** @return how many times the host went away after a restart request and came back */
    public int completedRestarts() {
        return comebacks.get();
    }

    /** @return every restart request accepted so far, oldest first */
    public List<RestartRecord> restarts() {
        synchronized (restarts) {
            return new ArrayList<>(restarts);
        }
    }
}
