package io.jenkins.plugins.dcom.transport.rrp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real Samba {@code smbd} on its own loopback address, with its own configuration, registry, users, named-pipe
 * directory and shutdown script (see samba-hosts.md: without its own {@code ncalrpc dir} every smbd would share
 * one registry). Stopped by ending every process whose command line names its directory.
 */
final class SambaHost {
    static final String ADMIN = "dcomadmin";
    static final String READER = "dcomreader";
    /** A read-only account for the non-ASCII password tests. */
    static final String INTL = "dcomintl";
    static final String KEY = "HKLM\\SOFTWARE\\Microsoft\\Rpc";
    static final String VALUE = "DCOM Protocols";
    static final String SHUTDOWN_KEY = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Windows";

    private final String name;
    private final String address;
    private final Path dir;
    private final Path conf;
    private final Path restarts;
    private boolean pipeForAdministrators;
    private SmbShape shape = SmbShape.DUAL;

    SambaHost(String name, String address, Path root) {
        this.name = name;
        this.address = address;
        this.dir = root.resolve(name.toLowerCase(java.util.Locale.ROOT));
        this.conf = dir.resolve("smb.conf");
        this.restarts = dir.resolve("restarts.log");
    }

    String name() {
        return name;
    }

    String address() {
        return address;
    }

    SmbShape shape() {
        return shape;
    }

    /**
     * Writes the configuration and the users; {@code admin} maps the admin account to root (may write HKLM and
     * restart), otherwise the same account logs on as itself (may read only); {@code shape} sets dialects and port.
     */
    SambaHost configure(String password, boolean admin, SmbShape shape) throws IOException, InterruptedException {
        this.shape = shape;
        for (String sub : new String[] {"private", "lock", "state", "cache", "pid", "log", "ncalrpc"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        Path script = dir.resolve("shutdown.sh");
        // Samba runs the script as the caller when the caller lacks the shutdown privilege, and answers ACCESS_DENIED
        // when it fails: refusing every caller but root is what Windows does without SeRemoteShutdownPrivilege.
        Files.write(script, ("#!/bin/sh\n[ \"$(id -u)\" = 0 ] || exit 1\necho \"$@\" >> " + restarts + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path users = dir.resolve("users.map");
        Files.write(users, (admin ? "root = " + ADMIN + "\n" : "").getBytes(StandardCharsets.US_ASCII));
        Files.write(conf, config(users, script).getBytes(StandardCharsets.US_ASCII));
        Commands.run(password + "\n" + password + "\n", "smbpasswd", "-c", conf.toString(), "-s", "-a", admin ? "root" : ADMIN);
        Commands.run(password + "\n" + password + "\n", "smbpasswd", "-c", conf.toString(), "-s", "-a", READER);
        return this;
    }

    private String config(Path users, Path script) {
        return "[global]\n  server role = standalone server\n  workgroup = LAB\n  netbios name = " + name.replace("_", "") + "\n"
                + "  interfaces = " + address + "\n  bind interfaces only = yes\n" + shape.config()
                + "  ntlm auth = yes\n"
                + "  passdb backend = tdbsam:" + dir.resolve("private/passdb.tdb") + "\n"
                + "  private dir = " + dir.resolve("private") + "\n  lock directory = " + dir.resolve("lock") + "\n"
                + "  state directory = " + dir.resolve("state") + "\n  cache directory = " + dir.resolve("cache") + "\n"
                + "  pid directory = " + dir.resolve("pid") + "\n  log file = " + dir.resolve("log") + "/%m.log\n"
                + "  ncalrpc dir = " + dir.resolve("ncalrpc") + "\n  username map = " + users + "\n"
                + "  shutdown script = " + script + " %z %t %r %f %x\n"
                + "  load printers = no\n  printcap name = /dev/null\n  disable spoolss = yes\n"
                + (pipeForAdministrators ? "[IPC$]\n  valid users = root\n" : "");
    }

    /**
     * Lets only the administrator (the account mapped to root) reach IPC$, and so the winreg pipe: as Windows, whose
     * remote registry is for administrators unless the winreg key's permissions add others, refuses everyone else
     * there. Before {@link #configure}.
     */
    SambaHost pipeForAdministratorsOnly() {
        pipeForAdministrators = true;
        return this;
    }

    /**
     * Makes an accepted restart request really restart this host: about a second later every process of the host
     * stops, and after {@code downSeconds} its smbd starts again, with the same registry.
     */
    SambaHost restartsForReal(int downSeconds) throws IOException {
        Path pid = dir.resolve("pid");
        String restart = "sleep 1; kill $(cat " + pid.resolve("smbd.pid") + ") $(cat " + pid.resolve("samba-dcerpcd.pid")
                + " 2>/dev/null) 2>/dev/null; " + shutdownTimeCommand() + "; sleep " + downSeconds + "; smbd -D -s " + conf;
        Files.write(dir.resolve("shutdown.sh"), ("#!/bin/sh\n[ \"$(id -u)\" = 0 ] || exit 1\necho \"$@\" >> " + restarts + "\n"
                + "setsid sh -c '" + restart + "' </dev/null >/dev/null 2>&1 &\nexit 0\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /**
     * The shell command that records a clean shutdown as Windows does, in
     * {@code HKLM\SYSTEM\CurrentControlSet\Control\Windows\ShutdownTime} (Windows writes a FILETIME as REG_BINARY;
     * Samba's net registry cannot write binary, and the transport compares the bytes only, so the time goes as text).
     */
    private String shutdownTimeCommand() {
        return "net -s " + conf + " registry setvalue \"" + SHUTDOWN_KEY + "\" ShutdownTime sz $(date +%s%N)"; // inside '...'
    }

    /** Seeds the value with Samba's own {@code net registry}; it stores multi_sz correctly with exactly three entries. */
    SambaHost seed(String type, String... values) throws IOException, InterruptedException {
        Commands.run(null, "net", "-s", conf.toString(), "registry", "createkey", SHUTDOWN_KEY);
        Commands.run(null, "sh", "-c", shutdownTimeCommand());
        Commands.run(null, "net", "-s", conf.toString(), "registry", "createkey", KEY);
        if (type != null) {
            List<String> args = new ArrayList<>(Arrays.asList("net", "-s", conf.toString(), "registry", "setvalue", KEY, VALUE, type));
            args.addAll(Arrays.asList(values));
            Commands.run(null, args.toArray(new String[0]));
        }
        return this;
    }

    SambaHost start() throws IOException, InterruptedException {
        waitUntilPortFree(); // an earlier test's smbd on this address must not answer for this one
        Commands.run(null, "smbd", "-D", "-s", conf.toString());
        if (shape == SmbShape.NETBIOS_ONLY) {
            Commands.run(null, "nmbd", "-D", "-s", conf.toString()); // NT 4.0 answers NetBIOS name queries on 137/udp
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, shape.port()), 200);
                return this;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("smbd for " + name + " did not listen on " + address + ":" + shape.port() + "; see " + dir.resolve("log"));
    }

    private void waitUntilPortFree() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, shape.port()), 200);
            } catch (IOException free) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException(address + ":" + shape.port() + " is still served by an earlier smbd");
    }

    /** @return the value as Samba stores it, read with {@code net registry} (independent of the transports) */
    List<String> storedValue() throws IOException, InterruptedException {
        String output = Commands.run(null, "net", "-s", conf.toString(), "registry", "getvalue", KEY, VALUE);
        List<String> values = new ArrayList<>();
        for (String line : output.split("\n")) {
            int quote = line.indexOf('"');
            if (line.startsWith("Value") && quote > 0) {
                values.add(line.substring(quote + 1, line.lastIndexOf('"')));
            }
        }
        return values;
    }

    /** @return one line per restart request the host's shutdown script received: message, time, -r, -f, reason */
    List<String> restartRequests() throws IOException {
        return Files.exists(restarts) ? Files.readAllLines(restarts) : new ArrayList<String>();
    }

    Path conf() {
        return conf;
    }

    /** Adds a read-only account with its own password (the Unix user must exist). */
    SambaHost addUser(String user, String password) throws IOException, InterruptedException {
        Commands.run(password + "\n" + password + "\n", "smbpasswd", "-c", conf.toString(), "-s", "-a", user);
        return this;
    }

    /** Freezes (SIGSTOP) or thaws (SIGCONT) every process of this host: a service that hangs, connections accepted. */
    void freeze(boolean frozen) {
        String marker = dir.toString();
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .forEach(process -> {
                    try {
                        Commands.run(null, "kill", frozen ? "-STOP" : "-CONT", String.valueOf(process.pid()));
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    void stop() {
        String marker = dir.toString();
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .forEach(ProcessHandle::destroy);
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .forEach(process -> process.onExit().orTimeout(5, TimeUnit.SECONDS)
                        .exceptionally(late -> {
                            process.destroyForcibly();
                            return process.onExit().orTimeout(5, TimeUnit.SECONDS).join();
                        }).join());
    }
}
