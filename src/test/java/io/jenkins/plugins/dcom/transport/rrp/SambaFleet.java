package io.jenkins.plugins.dcom.transport.rrp;

import static org.junit.jupiter.api.Assertions.fail;

import io.jenkins.plugins.dcom.transport.RegistryTransportContract.Hosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Samba hosts of the remote-registry tests, one {@code smbd} per host on 127.0.0.101-108 (DUAL; each shape 10 higher), started in
 * parallel and stopped with {@link #close()}. Needs root (port 445) and Debian's samba package; on CI (CI set)
 * their absence fails the tests instead of skipping them, so a missing install step cannot hide.
 */
final class SambaFleet implements AutoCloseable {
    static final String PASSWORD = "Samba-Lab-Pw1";
    /** The host that refuses SMB1, besides the contract's hosts. */
    static final String NO_SMB1 = "NO_SMB1";

    private final Map<Hosts, SambaHost> hosts = new EnumMap<>(Hosts.class);
    private final SambaHost noSmb1;
    private final SambaHost noWinreg;
    private final SambaHost pipeRefused;
    private final Path root;

    private final SmbShape shape;

    private SambaFleet(Path root, SmbShape shape) {
        this.root = root;
        this.shape = shape;
        // Each shape has its own addresses: jcifs keeps one connection per address for the life of the JVM and
        // reconnects it to the port it used before, so a later fleet of another shape on the same address (445
        // before, 139 now) would meet the earlier one's port.
        int octet = 101 + 10 * shape.ordinal();
        for (Hosts host : Hosts.values()) {
            hosts.put(host, new SambaHost(host.name(), "127.0.0." + octet++, root));
        }
        noSmb1 = new SambaHost(NO_SMB1, "127.0.0." + octet++, root);
        noWinreg = new SambaHost("NO_WINREG", "127.0.0." + octet++, root);
        pipeRefused = new SambaHost("PIPE_REFUSED", "127.0.0." + octet, root).pipeForAdministratorsOnly();
    }

    /** Starts the contract's hosts as Windows 2008-2016 with SMB1 still on ({@link SmbShape#DUAL}). */
    static SambaFleet start() throws Exception {
        return start(SmbShape.DUAL);
    }

    /** Starts the contract's hosts, all of one shape, and the SMB2-only host. */
    static SambaFleet start(SmbShape shape) throws Exception {
        requireSamba();
        ensureUsers();
        // Readable by all: smbd impersonates the non-admin account, which must reach the host's directories.
        SambaFleet fleet = new SambaFleet(Files.createTempDirectory("dcom-samba",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))), shape);
        try {
            fleet.startAll();
        } catch (Exception e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    static void requireSamba() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean samba = Files.isExecutable(Paths.get("/usr/sbin/smbd")) && Files.isExecutable(Paths.get("/usr/bin/net"));
        if (root && samba) {
            return;
        }
        String why = "real Samba hosts need root and Debian's samba package (apt-get install samba; .ci/run does it)";
        if (System.getenv("CI") != null) {
            fail(why);
        }
        Assumptions.abort(why);
    }

    static void ensureUsers() throws IOException, InterruptedException {
        for (String user : new String[] {SambaHost.ADMIN, SambaHost.READER, SambaHost.INTL}) {
            if (Commands.exitCode("id", user) != 0) {
                Commands.run(null, "useradd", "-M", "-s", "/usr/sbin/nologin", user);
            }
        }
    }

    private void startAll() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> started = new ArrayList<>();
            started.add(pool.submit(() -> up(hosts.get(Hosts.NT4), true, shape, "multi_sz", "ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx")));
            started.add(pool.submit(() -> up(hosts.get(Hosts.WIN2000), true, shape, "multi_sz", "ncacn_ip_tcp", "ncacn_spx", "ncacn_nb_nb")));
            started.add(pool.submit(() -> up(hosts.get(Hosts.VALUE_MISSING), true, shape, null)));
            started.add(pool.submit(() -> up(hosts.get(Hosts.REG_SZ), true, shape, "sz", "ncacn_ip_tcp")));
            started.add(pool.submit(() -> up(hosts.get(Hosts.READ_ONLY), false, shape, "multi_sz", "ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx")));
            started.add(pool.submit(() -> up(noWinreg, true, SmbShape.NO_WINREG, "multi_sz", "ncadg_ip_udp", "ncacn_ip_tcp")));
            // the test account is no administrator there: it logs on, and the host refuses it the winreg pipe
            started.add(pool.submit(() -> up(pipeRefused, false, shape, "multi_sz", "ncadg_ip_udp", "ncacn_ip_tcp")));
            started.add(pool.submit(() -> up(noSmb1, true, SmbShape.SMB2_ONLY, "multi_sz", "ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx")));
            for (Future<?> future : started) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Void up(SambaHost host, boolean admin, SmbShape shape, String type, String... values) throws Exception {
        addLoopbackAddress(host.address());
        host.configure(PASSWORD, admin, shape).seed(type, values);
        if (host.name().equals(Hosts.NT4.name())) {
            Commands.run(null, "net", "-s", host.conf().toString(), "registry", "createkey", "HKLM\\SOFTWARE\\Microsoft\\Ole");
            Commands.run(null, "net", "-s", host.conf().toString(), "registry", "setvalue", "HKLM\\SOFTWARE\\Microsoft\\Ole",
                    "EnableDCOM", "sz", "N");
        }
        if (host.name().equals(Hosts.NT4.name())) {
            host.restartsForReal(3); // the NT 4.0 site server is the one remediation restarts
        }
        host.start();
        return null;
    }

    static synchronized void addLoopbackAddress(String address) throws IOException, InterruptedException {
        if (!Commands.run(null, "ip", "-o", "addr", "show", "dev", "lo").contains(" " + address + "/")) {
            Commands.run(null, "ip", "addr", "add", address + "/8", "dev", "lo");
        }
    }

    SambaHost host(Hosts host) {
        return hosts.get(host);
    }

    SambaHost noSmb1() {
        return noSmb1;
    }

    /** @return the host without a winreg pipe, as Windows with Remote Registry stopped */
    SambaHost noWinreg() {
        return noWinreg;
    }

    /** A host that accepts the test account's logon and refuses it IPC$, so the winreg pipe (no administrator there). */
    SambaHost pipeRefused() {
        return pipeRefused;
    }

    Path root() {
        return root;
    }

    @Override
    public void close() {
        for (SambaHost host : hosts.values()) {
            host.stop();
        }
        noSmb1.stop();
        noWinreg.stop();
        pipeRefused.stop();
    }
}
