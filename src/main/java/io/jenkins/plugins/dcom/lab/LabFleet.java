package io.jenkins.plugins.dcom.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated fleet of Windows servers on loopback, one WinRM endpoint per host, all sharing one user and
 * password. Close it to stop every host.
 */
public final class LabFleet implements AutoCloseable {
    /** WinRM's HTTP port, left out of the inventory where every host has it, as a fleet's inventory leaves it out. */
    private static final int WINRM_HTTP_PORT = 5985;
    private final List<LabHost> hosts;
    private final LabTls tls;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final AddressListener listener;

    private LabFleet(List<LabHost> hosts, LabTls tls, ExecutorService executor, ScheduledExecutorService scheduler,
            AddressListener listener) {
        this.hosts = Collections.unmodifiableList(hosts);
        this.listener = listener;
        this.tls = tls;
        this.executor = executor;
        this.scheduler = scheduler;
    }

    /**
     * Starts a fleet.
     *
     * @param specs    the hosts
     * @param password the password every host expects (but those with {@link LabFault#WRONG_PASSWORD})
     * @param tls      TLS material for HTTPS, or {@code null} for plain HTTP
     * @param basePort the first host's port, the next one +1 and so on; 0 for ports the system picks
     */
    public static LabFleet start(List<LabHostSpec> specs, String password, LabTls tls, int basePort) throws IOException {
        return start(specs, password, tls, basePort, null);
    }

    /**
     * Starts a fleet whose hosts also take Kerberos logons, as domain members do: each host is addressed as
     * {@code localhost} (its service principal {@code HTTP/localhost}) and accepts tickets for the keytab's keys.
     *
     * @param keytab the keys of the hosts' service principal, or {@code null} for no Kerberos
     */
    public static LabFleet start(List<LabHostSpec> specs, String password, LabTls tls, int basePort, Path keytab)
            throws IOException {
        KerberosAcceptor kerberos = keytab == null ? null : new KerberosAcceptor(keytab);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        return start(specs, tls, null, (fleet, i) -> {
            LabHost host = new LabHost(specs.get(i), password, tls, loopback, basePort == 0 ? 0 : basePort + i,
                    fleet.executor, fleet.scheduler);
            host.kerberos(kerberos);
            return host;
        });
    }

    /**
     * Starts a fleet addressed as a real one is: every host on its own loopback address, from {@link #FIRST_ADDRESS}
     * on (an address ending in .0 or .255 is passed over), all on one port, WinRM's 5985 unless told otherwise. One
     * listener serves them all ({@link AddressListener}), so ten thousand hosts cost one thread and one socket.
     *
     * @param port the one port, 0 for one the system picks
     */
    public static LabFleet startOnAddresses(List<LabHostSpec> specs, String password, LabTls tls, int port) throws IOException {
        AddressListener listener = AddressListener.start(port, tls, daemons("lab-http"));
        return start(specs, tls, listener, (fleet, i) -> {
            LabHost host = new LabHost(specs.get(i), password, tls, address(i), 0, fleet.executor, fleet.scheduler);
            host.sharedListener(listener);
            return host;
        });
    }

    /** The first address {@link #startOnAddresses} gives. */
    public static final String FIRST_ADDRESS = "127.1.0.1";

    /** @return the address of the {@code index}th host (from 0): 127.1.0.1, 127.1.0.2, ... skipping .0 and .255 */
    static InetAddress address(int index) throws IOException {
        int usable = 254;
        int third = index / usable;
        int fourth = index % usable + 1;
        if (third > 255) {
            throw new IOException("no more than " + 256 * usable + " hosts fit on 127.1.0.0/16");
        }
        return InetAddress.getByAddress(new byte[] {127, 1, (byte) third, (byte) fourth});
    }

    private interface HostFactory {
        LabHost create(LabFleet fleet, int index) throws IOException;
    }

    private static LabFleet start(List<LabHostSpec> specs, LabTls tls, AddressListener listener, HostFactory factory)
            throws IOException {
        ExecutorService executor = Executors.newCachedThreadPool(daemons("lab-http"));
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemons("lab-restart"));
        List<LabHost> hosts = new ArrayList<>();
        LabFleet fleet = new LabFleet(hosts, tls, executor, scheduler, listener);
        try {
            for (int i = 0; i < specs.size(); i++) {
                LabHost host = factory.create(fleet, i);
                host.start();
                hosts.add(host);
            }
        } catch (IOException | RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    public List<LabHost> hosts() {
        return hosts;
    }

    /** @return the host with that name */
    public LabHost host(String name) {
        for (LabHost host : hosts) {
            if (host.spec().getName().equals(name)) {
                return host;
            }
        }
        throw new IllegalArgumentException("no lab host named " + name);
    }

    public boolean isHttps() {
        return tls != null;
    }

    /** @return the truststore that makes a client trust this fleet, or {@code null} over HTTP */
    public Path truststore() {
        return tls == null ? null : tls.truststore();
    }

    /** @return an inventory listing every host, in the format of {@code InventoryParser} */
    public String inventory() {
        StringBuilder text = new StringBuilder("# DCOM compliance lab: ").append(hosts.size()).append(" hosts over ")
                .append(isHttps() ? "HTTPS" : "HTTP").append('\n');
        for (LabHost host : hosts) {
            text.append(host.address());
            if (listener == null || host.port() != WINRM_HTTP_PORT || isHttps()) {
                text.append(':').append(host.port());
            }
            text.append(" name=").append(host.spec().getName());
            if (host.spec().getRole() != null) {
                text.append(" role=").append(host.spec().getRole());
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Writes {@link #inventory()} to a file. */
    public Path writeInventory(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, inventory().getBytes(StandardCharsets.UTF_8));
    }

    /** @return the sum of every host's counters: requests, 401s, connections, handshakes, commands */
    public long[] totals() {
        long[] totals = new long[5];
        for (LabHost host : hosts) {
            LabCounters counters = host.counters();
            totals[0] += counters.requests();
            totals[1] += counters.unauthorized();
            totals[2] += counters.connections();
            totals[3] += counters.handshakes();
            totals[4] += counters.commands();
        }
        return totals;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        for (LabHost host : hosts) {
            host.stop();
        }
        if (listener != null) {
            listener.stop();
        }
        executor.shutdownNow();
    }

    private static ThreadFactory daemons(final String prefix) {
        final AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
