package io.jenkins.plugins.dcom.transport.rrp;

import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A program, not a test (it asserts nothing): audits one real Samba host through a proxy that adds a fixed delay
 * to every exchange, over SMB 3.1.1 (smbj and dcerpc) and over SMB1 (j-Interop), and prints per audit the
 * milliseconds, the exchanges and connections, and the ratio to the floor (the fewest exchanges an audit can
 * take times the delay). Needs root and Debian's samba, as the Samba tests do.
 *
 * <p>Arguments: {@code audits delayMillis}.
 */
public final class RrpBenchmark {
    /**
     * The fewest exchanges of one audit: NEGOTIATE, two SESSION_SETUP legs (NTLM), TREE_CONNECT IPC$, CREATE
     * winreg, the bind, OpenLocalMachine, BaseRegOpenKey, BaseRegQueryValue. Closing costs nothing a client waits
     * for in principle; both stacks wait for it, which the ratio shows.
     */
    static final int FLOOR_EXCHANGES = 9;

    private RrpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int audits = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int delay = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        SambaFleet.addLoopbackAddress("127.0.0.140");
        SambaHost host = new SambaHost("BENCH", "127.0.0.141", Files.createTempDirectory("dcom-bench",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))));
        SambaFleet.addLoopbackAddress(host.address());
        SambaFleet.ensureUsers();
        host.configure(SambaFleet.PASSWORD, true, SmbShape.DUAL).seed("multi_sz", "ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx").start();
        System.out.printf(Locale.ROOT, "registry RPC benchmark: %d audits per stack, %d ms added to every exchange, JDK %s, %d cores%n",
                audits, delay, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "floor per audit = %d exchanges x %d ms = %d ms%n%n", FLOOR_EXCHANGES, delay, FLOOR_EXCHANGES * delay);
        System.out.println("stack                    mean ms  p95 ms  x floor  exchanges/audit  connections/audit");
        try (DelayingProxy proxy = new DelayingProxy("127.0.0.140", 445, new InetSocketAddress(host.address(), 445), delay)) {
            row("SMB 3.1.1 (smbj, dcerpc)", null, audits, delay, proxy);
            row("SMB1 (j-Interop, jcifs)", 1, audits, delay, proxy);
        } finally {
            host.stop();
        }
    }

    private static void row(String name, Integer smb, int audits, int delay, DelayingProxy proxy) throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder(new Credentials("LAB\\" + SambaHost.ADMIN, SambaFleet.PASSWORD))
                .timeouts(5000, 10000).build();
        Target target = Target.of("127.0.0.140", null, "rrp").withSmb(smb);
        RrpTransportFactory factory = new RrpTransportFactory(settings);
        audit(factory, target, settings); // warm-up: class loading and JIT are not the protocol's cost
        long exchanges = proxy.exchanges.get();
        long connections = proxy.connections.get();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < audits; i++) {
            long start = System.nanoTime();
            audit(factory, target, settings);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        double mean = millis.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "%-24s %8.0f %7.0f %8.2f %16.1f %18.1f%n", name, mean,
                millis.get(Math.max(0, (int) Math.ceil(millis.size() * 0.95) - 1)), mean / (FLOOR_EXCHANGES * (double) delay),
                (proxy.exchanges.get() - exchanges) / (double) audits, (proxy.connections.get() - connections) / (double) audits);
    }

    private static void audit(RrpTransportFactory factory, Target target, ConnectionSettings settings) throws Exception {
        try (RegistryTransport session = factory.open(target, settings)) {
            session.read();
        }
    }
}
