package io.jenkins.plugins.dcom.benchmark;

import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.lab.LabTls;
import io.jenkins.plugins.dcom.policy.Presets;
import io.jenkins.plugins.dcom.run.ComplianceEngine;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.Mode;
import io.jenkins.plugins.dcom.run.ProgressListener;
import io.jenkins.plugins.dcom.run.RunOptions;
import io.jenkins.plugins.dcom.run.RunResult;
import io.jenkins.plugins.dcom.run.Transports;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.winrm.WinRmTransportFactory;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Audits (and once remediates) a lab fleet of several hundred HTTPS hosts with added latency at several
 * concurrency levels, and prints per level: hosts per second, per-host latency against the protocol floor,
 * HTTP requests, TCP connections and TLS handshakes per host (counted by the lab), peak heap (in process), and
 * the peak RSS of the command-line jar doing the same audit as a child process. Not a test: it asserts nothing.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:exec@benchmark} (see docs/benchmark.md); arguments
 * {@code hosts latencyMillis level...}.
 */
public final class WinRmBenchmark {
    private static final String PASSWORD = "Bench-Passw0rd";
    /** Exchanges of one command with a client that keeps its connection and sends credentials up front. */
    private static final int FLOOR_EXCHANGES = 4;

    private WinRmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int latency = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Integer> levels = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            levels.add(Integer.parseInt(args[i]));
        }
        if (levels.isEmpty()) {
            levels.addAll(Arrays.asList(4, 16, 64));
        }
        Path work = Files.createTempDirectory("dcom-bench");
        LabTls tls = LabTls.in(work.resolve("tls"));
        System.out.printf(Locale.ROOT, "WinRM benchmark: %d HTTPS lab hosts, %d ms added per HTTP request, Overthere client, %s, %d cores%n",
                hosts, latency, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "floor per command = %d exchanges x %d ms = %d ms (TCP and TLS round trips cost nothing on loopback)%n%n",
                FLOOR_EXCHANGES, latency, FLOOR_EXCHANGES * latency);
        System.out.println("mode       conc  hosts/s  mean ms  p95 ms  x floor  req/host  401/host  conn/host  tls/host  cmd/host  peak heap MB  cli wall s  cli peak RSS MB");
        for (int level : levels) {
            row("audit", level, hosts, latency, tls, work);
        }
        row("remediate", levels.get(levels.size() - 1), hosts, latency, tls, work);
    }

    private static void row(String mode, int concurrency, int hosts, int latency, LabTls tls, Path work) throws Exception {
        Measure inProcess;
        try (LabFleet fleet = fleet(hosts, latency, tls)) {
            inProcess = runInProcess(mode, concurrency, fleet, tls, work);
        }
        double[] cli = mode.equals("audit") ? runCli(concurrency, hosts, latency, tls, work) : new double[] {Double.NaN, Double.NaN};
        System.out.printf(Locale.ROOT, "%-9s %5d %8.1f %8.0f %7.0f %8.2f %9.2f %9.2f %10.2f %9.2f %9.2f %13.0f %11.1f %16.0f%n",
                mode, concurrency, inProcess.hostsPerSecond, inProcess.meanMillis, inProcess.p95Millis,
                inProcess.meanMillis / (FLOOR_EXCHANGES * (double) latency), inProcess.perHost[0], inProcess.perHost[1],
                inProcess.perHost[2], inProcess.perHost[3], inProcess.perHost[4], inProcess.peakHeapMb, cli[0], cli[1]);
    }

    private static LabFleet fleet(int hosts, int latency, LabTls tls) throws Exception {
        List<LabHostSpec> specs = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            specs.add(LabHostSpec.host("H" + i, "ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx").latency(latency));
        }
        return LabFleet.start(specs, PASSWORD, tls, 0);
    }

    private static Measure runInProcess(String mode, int concurrency, LabFleet fleet, LabTls tls, Path work) throws Exception {
        Inventory inventory = new InventoryParser().parse(fleet.inventory(), "bench");
        ConnectionSettings settings = ConnectionSettings.builder(new Credentials("labadmin", PASSWORD))
                .truststore(tls.truststore(), LabTls.TRUSTSTORE_PASSWORD).timeouts(10_000, 60_000).build();
        RunOptions options = RunOptions.builder(mode.equals("audit") ? Mode.AUDIT : Mode.REMEDIATE,
                new Transports("winrm", new WinRmTransportFactory()), settings)
                .policy(Presets.get(Presets.KB272937)).concurrency(concurrency)
                .backups(new BackupStore(work.resolve("backups-" + System.nanoTime()))).build();
        resetHeapPeaks();
        long start = System.nanoTime();
        RunResult result = new ComplianceEngine(options, ProgressListener.NONE).run("bench", inventory);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> totals = new ArrayList<>();
        for (HostResult host : result.getHosts()) {
            totals.add(host.getPhaseMillis().get("total"));
        }
        Collections.sort(totals);
        double mean = 0;
        for (long total : totals) {
            mean += total;
        }
        long[] counters = fleet.totals();
        double[] perHost = new double[counters.length];
        for (int i = 0; i < counters.length; i++) {
            perHost[i] = counters[i] / (double) totals.size();
        }
        return new Measure(totals.size() / seconds, mean / totals.size(), totals.get((int) (totals.size() * 0.95) - 1),
                perHost, peakHeapMb());
    }

    /** Runs the command-line jar's audit against a fresh fleet and samples the child's peak RSS (VmHWM). */
    private static double[] runCli(int concurrency, int hosts, int latency, LabTls tls, Path work) throws Exception {
        Path jar = Paths.get("target", "dcom-protocol-compliance-cli.jar");
        if (!Files.exists(jar)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        try (LabFleet fleet = fleet(hosts, latency, tls)) {
            Path inventory = fleet.writeInventory(work.resolve("inventory-" + concurrency + ".txt"));
            Path password = Files.write(work.resolve("password"), PASSWORD.getBytes(StandardCharsets.US_ASCII));
            ProcessBuilder builder = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                    "-jar", jar.toString(), "audit", "--inventory", inventory.toString(), "--user", "labadmin",
                    "--password-file", password.toString(), "--truststore", tls.truststore().toString(),
                    "--concurrency", String.valueOf(concurrency), "--report-dir", work.resolve("cli-report").toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            Process process = builder.start();
            long peakKb = 0;
            Path status = Paths.get("/proc", String.valueOf(process.pid()), "status");
            while (process.isAlive()) {
                peakKb = Math.max(peakKb, vmHwmKb(status));
                Thread.sleep(20);
            }
            return new double[] {(System.nanoTime() - start) / 1e9, peakKb / 1024.0};
        }
    }

    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception processGone) {
            // sampled after exit: keep the last figure
        }
        return 0;
    }

    private static void resetHeapPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    private static final class Measure {
        final double hostsPerSecond;
        final double meanMillis;
        final double p95Millis;
        final double[] perHost;
        final double peakHeapMb;

        Measure(double hostsPerSecond, double meanMillis, double p95Millis, double[] perHost, double peakHeapMb) {
            this.hostsPerSecond = hostsPerSecond;
            this.meanMillis = meanMillis;
            this.p95Millis = p95Millis;
            this.perHost = perHost;
            this.peakHeapMb = peakHeapMb;
        }
    }
}
