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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a simulated fleet in the foreground and writes what a client needs to reach it. */
final class LabCommand extends Subcommand {
    /** Each host on a port of its own costs the lab a listener, a thread and several file descriptors. */
    static final int MAX_HOSTS_ON_PORTS = 2000;
    /** Hosts told apart by address share one listener: the limit is the benchmark's largest fleet. */
    static final int MAX_HOSTS_ON_ADDRESSES = 10_000;
    private Path dir;
    private long basePort;
    private long hosts;
    private boolean addresses;
    private boolean https;
    private long latency;
    private long downtime;
    private String passwordEnv;
    private long seconds;

    LabCommand(DcomComplianceCommand parent) {
        super(parent);
    }

    @Override
    String name() {
        return "lab";
    }

    @Override
    String description() {
        return "Run a simulated fleet of Windows servers (WinRM endpoints on loopback) until stopped. Writes inventory.txt, "
                + "truststore.p12 and password into --dir.";
    }

    @Override
    void declare(OptionTable table) {
        table.value("dir", "DIR", "work/lab", "Where the inventory, truststore and password go")
                .value("base-port", "PORT", "15985", "First host's port; the others follow")
                .value("hosts", "N", "0", "0 for the KB Q272937 demo fleet, else N NT 4.0-style hosts, at most "
                        + MAX_HOSTS_ON_PORTS + " on ports of their own, " + MAX_HOSTS_ON_ADDRESSES + " with --addresses")
                .flag("addresses", "Give every host its own loopback address (" + LabFleet.FIRST_ADDRESS + " and on, Linux) "
                        + "on one port, --base-port, as a fleet is addressed; with --base-port 5985 the inventory names no port.")
                .flag("https", "Serve HTTPS (a certificate the lab's truststore trusts) instead of Windows' default, HTTP "
                        + "with Negotiate and encrypted messages.")
                .value("latency-ms", "MILLIS", "0", "Delay added to every request")
                .value("downtime-ms", "MILLIS", "5000", "How long a restarted host stays away")
                .value("password-env", "NAME", "Use the password in this environment variable (default: a random one, kept "
                        + "in DIR/password).")
                .value("seconds", "N", "0", "Stop after N seconds; 0 runs until interrupted");
    }

    @Override
    void read(Arguments arguments) throws UsageException {
        dir = arguments.path("dir");
        basePort = arguments.number("base-port");
        hosts = arguments.number("hosts");
        addresses = arguments.flag("addresses");
        https = arguments.flag("https");
        latency = arguments.number("latency-ms");
        downtime = arguments.number("downtime-ms");
        passwordEnv = arguments.text("password-env");
        seconds = arguments.number("seconds");
    }

    @Override
    int call() throws UsageException, InterruptedException {
        Bounds.check("--hosts", hosts, 0, addresses ? MAX_HOSTS_ON_ADDRESSES : MAX_HOSTS_ON_PORTS);
        int port = Bounds.check("--base-port", basePort, 0, addresses ? 65535 : 65535 - Math.max(hosts, 6));
        Bounds.check("--latency-ms", latency, 0, 60_000);
        Bounds.check("--downtime-ms", downtime, 0, 600_000);
        Bounds.check("--seconds", seconds, 0, Bounds.WEEK);
        try {
            LabCredentials credentials = passwordEnv == null ? LabCredentials.in(dir)
                    : LabCredentials.given(dir, passwordFrom(passwordEnv));
            LabTls tls = https ? LabTls.in(dir.resolve("tls")) : null;
            try (LabFleet fleet = addresses ? LabFleet.startOnAddresses(specs(), credentials.password(), tls, port)
                    : LabFleet.start(specs(), credentials.password(), tls, port)) {
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
