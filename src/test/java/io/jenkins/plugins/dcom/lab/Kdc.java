package io.jenkins.plugins.dcom.lab;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real MIT Kerberos KDC (Debian's krb5-kdc) on a loopback port, in a folder of its own: realm {@value #REALM}, one
 * user that requires pre-authentication (as Active Directory does, so a wrong password is a logged PREAUTH_FAILED),
 * and the lab hosts' service principal {@code HTTP/localhost}, whose keys go into a keytab for the lab's acceptor.
 * Only AES keys, as a current domain gives the JDK (which refuses RC4). Close it to stop the KDC and delete its files.
 */
public final class Kdc implements AutoCloseable {
    public static final String REALM = "LAB.TEST";
    private static final String[] BINARIES = {"/usr/sbin/krb5kdc", "/usr/sbin/kdb5_util", "/usr/sbin/kadmin.local"};
    private static final String ENCTYPES = "aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96";

    private final Path directory;
    private final Process process;
    /** {@code java.security.krb5.conf} as it was before {@link #configureJvm()}, restored by {@link #close()}. */
    private String previousJvmConf;
    private boolean jvmConfigured;

    private Kdc(Path directory, Process process) {
        this.directory = directory;
        this.process = process;
    }

    /** Skips (or, on CI, fails) when Debian's krb5-kdc and krb5-admin-server are not installed. */
    public static void require() {
        if (!Arrays.stream(BINARIES).allMatch(binary -> Files.isExecutable(Paths.get(binary)))) {
            String why = "the Kerberos tests need Debian's krb5-kdc and krb5-admin-server (.ci/run installs them)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    /**
     * Creates the realm and starts its KDC.
     *
     * @param user     the user's name, without the realm
     * @param password the user's password
     */
    public static Kdc start(String user, String password) throws IOException, InterruptedException {
        require();
        Path directory = Files.createTempDirectory("dcom-kdc");
        int port = freePort();
        Files.write(directory.resolve("kdc.conf"), Arrays.asList("[kdcdefaults]", " kdc_ports = " + port,
                " kdc_tcp_ports = " + port, "[realms]", " " + REALM + " = {",
                "  database_name = " + directory.resolve("principal"), "  key_stash_file = " + directory.resolve("stash"),
                "  acl_file = " + directory.resolve("kadm5.acl"),
                "  supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal", " }",
                "[logging]", " kdc = FILE:" + directory.resolve("kdc.log")), StandardCharsets.UTF_8);
        Files.write(directory.resolve("krb5.conf"), Arrays.asList("[libdefaults]", " default_realm = " + REALM,
                " dns_lookup_kdc = false", " dns_lookup_realm = false", " dns_canonicalize_hostname = false", " rdns = false",
                " udp_preference_limit = 1", " default_tkt_enctypes = " + ENCTYPES, " default_tgs_enctypes = " + ENCTYPES,
                " permitted_enctypes = " + ENCTYPES, "[realms]", " " + REALM + " = {", "  kdc = 127.0.0.1:" + port, " }",
                "[domain_realm]", " localhost = " + REALM), StandardCharsets.UTF_8);
        Files.createFile(directory.resolve("kadm5.acl"));
        Kdc kdc = null;
        try {
            run(directory, "/usr/sbin/kdb5_util", "-r", REALM, "create", "-s", "-P", randomSecret());
            run(directory, "/usr/sbin/kadmin.local", "-r", REALM, "-q", "addprinc +requires_preauth -pw " + password + " " + user);
            run(directory, "/usr/sbin/kadmin.local", "-r", REALM, "-q", "addprinc -randkey HTTP/localhost");
            run(directory, "/usr/sbin/kadmin.local", "-r", REALM, "-q", "ktadd -k " + directory.resolve("http.keytab")
                    + " HTTP/localhost");
            ProcessBuilder daemon = builder(directory, "/usr/sbin/krb5kdc", "-n", "-r", REALM)
                    .redirectOutput(directory.resolve("krb5kdc.out").toFile());
            kdc = new Kdc(directory, daemon.start());
            kdc.awaitPort(port);
            return kdc;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (kdc != null) {
                kdc.close();
            } else {
                delete(directory);
            }
            throw e;
        }
    }

    /** @return the client configuration: realm, KDC, AES only, no DNS */
    public Path krb5Conf() {
        return directory.resolve("krb5.conf");
    }

    /**
     * Points this JVM's Kerberos (the client under test, which reads {@code java.security.krb5.conf} at each logon) at
     * this realm until {@link #close()}.
     */
    public Kdc configureJvm() {
        if (!jvmConfigured) {
            previousJvmConf = System.setProperty("java.security.krb5.conf", krb5Conf().toString());
            jvmConfigured = true;
        }
        return this;
    }

    /** @return the keys of {@code HTTP/localhost} */
    public Path keytab() {
        return directory.resolve("http.keytab");
    }

    /**
     * Exports the user's current keys, as an admin does for a service account ({@code ktadd -norandkey}): the keys stay
     * the ones the password gave.
     *
     * @return the keytab file
     */
    public Path userKeytab(String user) throws IOException, InterruptedException {
        Path keytab = directory.resolve(user + ".keytab");
        run(directory, "/usr/sbin/kadmin.local", "-r", REALM, "-q", "ktadd -k " + keytab + " -norandkey " + user);
        return keytab;
    }

    /** Changes the user's password, as a rotation does: a keytab exported before holds old keys from then on. */
    public void changePassword(String user, String password) throws IOException, InterruptedException {
        run(directory, "/usr/sbin/kadmin.local", "-r", REALM, "-q", "cpw -pw " + password + " " + user);
    }

    /** @return the KDC's log lines that contain {@code word} (e.g. {@code PREAUTH_FAILED}, {@code TGS_REQ}) */
    public long logLines(String word) throws IOException {
        try (Stream<String> lines = Files.lines(directory.resolve("kdc.log"), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(word)).count();
        }
    }

    /** Sets, in {@code environment}, the variables with which MIT's tools and libraries (kinit, GSSAPI) use this realm. */
    public void configure(Map<String, String> environment) {
        environment.put("KRB5_CONFIG", krb5Conf().toString());
        environment.put("KRB5_KDC_PROFILE", directory.resolve("kdc.conf").toString());
    }

    @Override
    public void close() throws IOException {
        if (jvmConfigured) {
            if (previousJvmConf == null) {
                System.clearProperty("java.security.krb5.conf");
            } else {
                System.setProperty("java.security.krb5.conf", previousJvmConf);
            }
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        delete(directory);
    }

    private void awaitPort(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the KDC did not start: " + new String(
                            Files.readAllBytes(directory.resolve("krb5kdc.out")), StandardCharsets.UTF_8), notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Path output = directory.resolve("setup.out");
        Process process = builder(directory, command).redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(command[0] + " failed: " + new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        }
    }

    private static ProcessBuilder builder(Path directory, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(directory.toFile());
        builder.environment().put("KRB5_CONFIG", directory.resolve("krb5.conf").toString());
        builder.environment().put("KRB5_KDC_PROFILE", directory.resolve("kdc.conf").toString());
        return builder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    private static void delete(Path directory) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
