package io.jenkins.plugins.dcom.benchmark;

import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.lab.Kdc;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.lab.LabTls;
import io.jenkins.plugins.dcom.lab.WinRmServiceSetting;
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
 * Audits (and once remediates) a lab fleet of several hundred hosts with added latency at several concurrency levels,
 * in three modes side by side: Windows' defaults (HTTP, Negotiate or Kerberos, every message encrypted) and HTTPS
 * with Basic; Kerberos against a real MIT KDC when Debian's krb5-kdc is installed (else its rows are left out). Prints per
 * level: hosts per second, per-host latency against the protocol floor of that mode, HTTP requests, 401s, TCP
 * connections and TLS handshakes per host (counted by the lab), CPU per command, peak heap (in process), and the peak
 * RSS of the command-line jar doing the same audit as a child process. Not a test: it asserts nothing.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:exec@benchmark} (see docs/benchmark.md); arguments
 * {@code hosts latencyMillis level...}.
 */
public final class WinRmBenchmark {
    private static final String PASSWORD = "Bench-Passw0rd";
    /** Exchanges of one command with a client that keeps its connection and sends credentials up front. */
    private static final int FLOOR_EXCHANGES = 4;
    /** NTLM adds two legs (NEGOTIATE, then AUTHENTICATE) before the first sealed message of a connection. */
    private static final int NTLM_LEGS = 2;
    /** Kerberos adds one: the AP-REQ, answered by the AP-REP, before the first sealed message. */
    private static final int KERBEROS_LEGS = 1;
    private static Kdc kdc;

    /** The ways a Windows server is reached. */
    private enum Way {
        NEGOTIATE_HTTP("negotiate/http", FLOOR_EXCHANGES + NTLM_LEGS),
        KERBEROS_HTTP("kerberos/http", FLOOR_EXCHANGES + KERBEROS_LEGS),
        BASIC_HTTPS("basic/https", FLOOR_EXCHANGES);

        final String label;
        final int floorExchanges;

        Way(String label, int floorExchanges) {
            this.label = label;
            this.floorExchanges = floorExchanges;
        }
    }

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
        System.out.printf(Locale.ROOT, "WinRM benchmark: %d lab hosts, %d ms added per HTTP request, our WS-Management client, "
                + "%s, %d cores%n", hosts, latency, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "floor per command: basic/https %d exchanges, negotiate/http %d (two NTLM legs), "
                + "kerberos/http %d (one AP exchange) x %d ms (TCP and TLS round trips and the KDC cost nothing on loopback)%n%n",
                FLOOR_EXCHANGES, FLOOR_EXCHANGES + NTLM_LEGS, FLOOR_EXCHANGES + KERBEROS_LEGS, latency);
        if (Files.isExecutable(Paths.get("/usr/sbin/krb5kdc")) && Files.isExecutable(Paths.get("/usr/sbin/kadmin.local"))) {
            kdc = Kdc.start("labadmin", PASSWORD);
            System.setProperty("java.security.krb5.conf", kdc.krb5Conf().toString());
        } else {
            System.out.println("(no krb5-kdc here: the kerberos/http rows are left out)");
        }
        System.out.println("way             mode       conc  hosts/s  mean ms  p95 ms  x floor  req/host  401/host  conn/host  tls/host  "
                + "cmd/host  cpu ms/cmd  peak heap MB  cli wall s  cli peak RSS MB");
        for (Way way : Way.values()) {
            if (way == Way.KERBEROS_HTTP && kdc == null) {
                continue;
            }
            for (int level : levels) {
                row(way, "audit", level, hosts, latency, tls, work);
            }
            row(way, "remediate", levels.get(levels.size() - 1), hosts, latency, tls, work);
        }
        if (kdc != null) {
            kdc.close();
        }
    }

    private static void row(Way way, String mode, int concurrency, int hosts, int latency, LabTls tls, Path work) throws Exception {
        Measure inProcess;
        try (LabFleet fleet = fleet(way, hosts, latency, tls)) {
            inProcess = runInProcess(way, mode, concurrency, fleet, tls, work);
        }
        double[] cli = mode.equals("audit") ? runCli(way, concurrency, hosts, latency, tls, work) : new double[] {Double.NaN, Double.NaN};
        System.out.printf(Locale.ROOT, "%-15s %-9s %5d %8.1f %8.0f %7.0f %8.2f %9.2f %9.2f %10.2f %9.2f %9.2f %11.1f %13.0f %11.1f %16.0f%n",
                way.label, mode, concurrency, inProcess.hostsPerSecond, inProcess.meanMillis, inProcess.p95Millis,
                inProcess.meanMillis / (way.floorExchanges * (double) latency), inProcess.perHost[0], inProcess.perHost[1],
                inProcess.perHost[2], inProcess.perHost[3], inProcess.perHost[4], inProcess.cpuMillisPerCommand,
                inProcess.peakHeapMb, cli[0], cli[1]);
    }

    private static LabFleet fleet(Way way, int hosts, int latency, LabTls tls) throws Exception {
        List<LabHostSpec> specs = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            LabHostSpec host = LabHostSpec.host("H" + i, "ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx").latency(latency);
            specs.add(way == Way.BASIC_HTTPS ? host.service(WinRmServiceSetting.BASIC) : host);
        }
        return LabFleet.start(specs, PASSWORD, way == Way.BASIC_HTTPS ? tls : null, 0,
                way == Way.KERBEROS_HTTP ? kdc.keytab() : null);
    }

    private static ConnectionSettings settings(Way way, LabTls tls) {
        ConnectionSettings.Builder builder = ConnectionSettings.builder(new Credentials(user(way), PASSWORD)).timeouts(10_000, 60_000);
        if (way == Way.KERBEROS_HTTP) {
            return builder.authentication(WinRmAuthentication.KERBEROS).build();
        }
        return way == Way.NEGOTIATE_HTTP ? builder.build() : builder.authentication(WinRmAuthentication.BASIC).https()
                .truststore(tls.truststore(), LabTls.TRUSTSTORE_PASSWORD).build();
    }

    private static String user(Way way) {
        return way == Way.KERBEROS_HTTP ? "labadmin@" + Kdc.REALM : "labadmin";
    }

    private static Measure runInProcess(Way way, String mode, int concurrency, LabFleet fleet, LabTls tls, Path work) throws Exception {
        Inventory inventory = new InventoryParser().parse(fleet.inventory(), "bench");
        ConnectionSettings settings = settings(way, tls);
        RunOptions options = RunOptions.builder(mode.equals("audit") ? Mode.AUDIT : Mode.REMEDIATE,
                new Transports("winrm", new WinRmTransportFactory()), settings)
                .policy(Presets.get(Presets.KB272937)).concurrency(concurrency)
                .backups(new BackupStore(work.resolve("backups-" + System.nanoTime()))).build();
        resetHeapPeaks();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        RunResult result = new ComplianceEngine(options, ProgressListener.NONE).run("bench", inventory);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuStart;
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
        for (HostResult host : result.getHosts()) {
            if (host.getFailure() != null) {
                System.out.println("(" + way.label + ": a host failed, the figures below do not count: " + host.getMessage() + ")");
                break;
            }
        }
        double commands = Math.max(1, counters[4]);
        return new Measure(totals.size() / seconds, mean / totals.size(), totals.get((int) (totals.size() * 0.95) - 1),
                perHost, cpu / 1e6 / commands, peakHeapMb());
    }

    /** CPU of this whole process (client and lab together: the lab's share is the same in both ways). */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    /** Runs the command-line jar's audit against a fresh fleet and samples the child's peak RSS (VmHWM). */
    private static double[] runCli(Way way, int concurrency, int hosts, int latency, LabTls tls, Path work) throws Exception {
        Path jar = Paths.get("target", "dcom-protocol-compliance-cli.jar");
        if (!Files.exists(jar)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        try (LabFleet fleet = fleet(way, hosts, latency, tls)) {
            Path inventory = fleet.writeInventory(work.resolve("inventory-" + concurrency + ".txt"));
            Path password = Files.write(work.resolve("password"), PASSWORD.getBytes(StandardCharsets.US_ASCII));
            List<String> command = new ArrayList<>(Arrays.asList(System.getProperty("java.home") + File.separator + "bin"
                    + File.separator + "java", "-Djava.security.krb5.conf=" + System.getProperty("java.security.krb5.conf", ""),
                    "-jar", jar.toString(), "audit", "--inventory", inventory.toString(), "--user", user(way), "--password-file", password.toString(), "--concurrency", String.valueOf(concurrency),
                    "--report-dir", work.resolve("cli-report").toString()));
            if (way == Way.KERBEROS_HTTP) {
                command.addAll(Arrays.asList("--auth", "kerberos"));
            } else if (way == Way.BASIC_HTTPS) {
                command.addAll(Arrays.asList("--auth", "basic", "--https", "--truststore", tls.truststore().toString()));
            }
            ProcessBuilder builder = new ProcessBuilder(command)
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
        final double cpuMillisPerCommand;
        final double peakHeapMb;

        Measure(double hostsPerSecond, double meanMillis, double p95Millis, double[] perHost, double cpuMillisPerCommand,
                double peakHeapMb) {
            this.hostsPerSecond = hostsPerSecond;
            this.meanMillis = meanMillis;
            this.p95Millis = p95Millis;
            this.perHost = perHost;
            this.cpuMillisPerCommand = cpuMillisPerCommand;
            this.peakHeapMb = peakHeapMb;
        }
    }
}
