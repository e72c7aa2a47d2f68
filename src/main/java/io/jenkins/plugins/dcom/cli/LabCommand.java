package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.lab.DemoFleet;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.lab.LabTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs a simulated fleet in the foreground and writes what a client needs to reach it. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"Run a simulated fleet of Windows servers (WinRM endpoints on loopback) until stopped.",
                "Writes inventory.txt, truststore.p12 and password into --dir."})
final class LabCommand implements Callable<Integer> {
    /** Each host on a port of its own costs the lab a listener, a thread and several file descriptors. */
    static final int MAX_HOSTS_ON_PORTS = 2000;
    /** Hosts told apart by address share one listener: the limit is the benchmark's largest fleet. */
    static final int MAX_HOSTS_ON_ADDRESSES = 10_000;
    @ParentCommand
    DcomComplianceCommand parent;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "work/lab", description = "Where the inventory, truststore and password go (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--base-port", paramLabel = "PORT", defaultValue = "15985", description = "First host's port; the others follow (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "0", description = "0 for the KB Q272937 demo fleet, else N NT 4.0-style hosts, "
            + "at most " + MAX_HOSTS_ON_PORTS + " on ports of their own, " + MAX_HOSTS_ON_ADDRESSES + " with --addresses (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--addresses", description = "Give every host its own loopback address (" + LabFleet.FIRST_ADDRESS
            + " and on, Linux) on one port, --base-port, as a fleet is addressed; with --base-port 5985 the inventory "
            + "names no port.")
    boolean addresses;

    @Option(names = "--https", description = "Serve HTTPS (a certificate the lab's truststore trusts) instead of Windows' "
            + "default, HTTP with Negotiate and encrypted messages.")
    boolean https;

    @Option(names = "--latency-ms", paramLabel = "MILLIS", defaultValue = "0", description = "Delay added to every request (default: ${DEFAULT-VALUE}).")
    long latency;

    @Option(names = "--downtime-ms", paramLabel = "MILLIS", defaultValue = "5000", description = "How long a restarted host stays away (default: ${DEFAULT-VALUE}).")
    long downtime;

    @Option(names = "--password-env", paramLabel = "NAME", description = "Use the password in this environment variable (default: a random one, kept in DIR/password).")
    String passwordEnv;

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "0", description = "Stop after N seconds; 0 runs until interrupted (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Override
    public Integer call() throws UsageException, InterruptedException {
        Bounds.check("--hosts", hosts, 0, addresses ? MAX_HOSTS_ON_ADDRESSES : MAX_HOSTS_ON_PORTS);
        Bounds.check("--base-port", basePort, 0, addresses ? 65535 : 65535 - Math.max(hosts, 6));
        Bounds.check("--latency-ms", latency, 0, 60_000);
        Bounds.check("--downtime-ms", downtime, 0, 600_000);
        Bounds.check("--seconds", seconds, 0, Bounds.WEEK);
        try {
            LabCredentials credentials = passwordEnv == null ? LabCredentials.in(dir)
                    : LabCredentials.given(dir, passwordFrom(passwordEnv));
            LabTls tls = https ? LabTls.in(dir.resolve("tls")) : null;
            try (LabFleet fleet = addresses ? LabFleet.startOnAddresses(specs(), credentials.password(), tls, basePort)
                    : LabFleet.start(specs(), credentials.password(), tls, basePort)) {
                Path inventory = fleet.writeInventory(dir.resolve("inventory.txt"));
                if (tls != null) {
                    Files.copy(tls.truststore(), dir.resolve("truststore.p12"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
                printHowTo(fleet, inventory, credentials);
                waitUntilStopped(fleet);
            }
        } catch (IOException e) {
            throw new UsageException("the lab cannot start: " + e.getMessage() + " (is another lab using the ports? try --base-port)", e);
        }
        return 0;
    }

    private String passwordFrom(String variable) throws UsageException {
        String value = parent.environment.get(variable);
        if (value == null || value.isEmpty()) {
            throw new UsageException("--password-env " + variable + ": the environment variable is not set or empty");
        }
        return value;
    }

    private List<LabHostSpec> specs() {
        if (hosts == 0) {
            List<LabHostSpec> demo = new ArrayList<>();
            for (LabHostSpec spec : DemoFleet.specs(downtime)) {
                demo.add(spec.latency(latency));
            }
            return demo;
        }
        List<LabHostSpec> fleet = new ArrayList<>();
        for (int i = 1; i <= hosts; i++) {
            fleet.add(LabHostSpec.host(String.format(Locale.ROOT, "NT4-%04d", i), "ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx")
                    .role("site-server").latency(latency).downtime(downtime));
        }
        return fleet;
    }

    private void printHowTo(LabFleet fleet, Path inventory, LabCredentials credentials) {
        parent.out.println("Lab: " + fleet.hosts().size() + " hosts on " + (addresses ? "their own loopback addresses" : "127.0.0.1") + " over " + (fleet.isHttps() ? "HTTPS" : "HTTP")
                + ", user " + LabCredentials.USER + ". Inventory: " + inventory.toAbsolutePath());
        if (fleet.hosts().size() <= 20) {
            parent.out.print(fleet.inventory());
        }
        parent.out.println("Audit it from another terminal with:");
        parent.out.println("  java -jar target/dcom-protocol-compliance-cli.jar audit --inventory " + inventory
                + " --user " + LabCredentials.USER + " --password-file " + credentials.file()
                + (fleet.isHttps() ? " --https --truststore " + dir.resolve("truststore.p12") : ""));
        parent.out.println(seconds > 0 ? "Stopping in " + seconds + " s." : "Press Ctrl-C to stop.");
        parent.out.flush();
    }

    /** Waits, keeping {@value #COUNTERS} in --dir up to date: what the fleet was asked, for a benchmark to read. */
    private void waitUntilStopped(LabFleet fleet) throws InterruptedException {
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lab-counters");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(() -> writeCounters(fleet), 0, 200, TimeUnit.MILLISECONDS);
        try {
            CountDownLatch forever = new CountDownLatch(1);
            if (seconds > 0) {
                forever.await(seconds, TimeUnit.SECONDS);
            } else {
                forever.await();
            }
        } finally {
            writer.shutdownNow();
        }
    }

    /** The file in --dir with the fleet's totals: {@code requests=N unauthorized=N connections=N handshakes=N commands=N}. */
    static final String COUNTERS = "counters.txt";

    private void writeCounters(LabFleet fleet) {
        long[] totals = fleet.totals();
        String line = String.format(Locale.ROOT, "requests=%d unauthorized=%d connections=%d handshakes=%d commands=%d%n",
                totals[0], totals[1], totals[2], totals[3], totals[4]);
        try {
            Path temporary = Files.createTempFile(dir, ".counters", ".tmp");
            Files.write(temporary, line.getBytes(StandardCharsets.US_ASCII));
            Files.move(temporary, dir.resolve(COUNTERS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            parent.err.println("lab: cannot write " + dir.resolve(COUNTERS) + ": " + e.getMessage());
        }
    }
}
