package io.jenkins.plugins.dcom.lab;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The lab's TLS material: a self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made with the
 * JDK's own {@code keytool}, and a truststore holding it for the client ({@code --truststore}). Files already in
 * the directory are reused, so a lab restarted in the same directory keeps its certificate.
 */
public final class LabTls {
    /** Password of the client truststore; a truststore holds only public certificates. */
    public static final String TRUSTSTORE_PASSWORD = "changeit";
    private static final String ALIAS = "dcom-lab";

    private final Path truststore;
    private final SSLContext serverContext;

    private LabTls(Path truststore, SSLContext serverContext) {
        this.truststore = truststore;
        this.serverContext = serverContext;
    }

    /**
     * @param directory where {@code lab-keystore.p12}, {@code lab-keystore.pass} and {@code truststore.p12} live
     */
    public static LabTls in(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path keystore = directory.resolve("lab-keystore.p12");
        Path passwordFile = directory.resolve("lab-keystore.pass");
        Path truststore = directory.resolve("truststore.p12");
        if (!Files.exists(keystore) || !Files.exists(passwordFile) || !Files.exists(truststore)) {
            generate(directory, keystore, passwordFile, truststore);
        }
        char[] password = new String(Files.readAllBytes(passwordFile), StandardCharsets.US_ASCII).trim().toCharArray();
        return new LabTls(truststore, serverContext(keystore, password));
    }

    /** @return the truststore a client needs to trust the lab's hosts */
    public Path truststore() {
        return truststore;
    }

    SSLContext serverContext() {
        return serverContext;
    }

    private static void generate(Path directory, Path keystore, Path passwordFile, Path truststore) throws IOException {
        String password = randomPassword();
        Files.deleteIfExists(keystore);
        Files.deleteIfExists(truststore);
        Path certificate = directory.resolve("lab.cer");
        Files.write(passwordFile, password.getBytes(StandardCharsets.US_ASCII));
        String pass = passwordFile.toString();
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "825",
                "-dname", "CN=localhost, OU=DCOM compliance lab", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass:file", pass, "-keypass:file", pass);
        keytool("-exportcert", "-alias", ALIAS, "-keystore", keystore.toString(), "-storepass:file", pass,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", TRUSTSTORE_PASSWORD);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "keytool");
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream out = process.getInputStream()) {
            byte[] printed = readAll(out);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + new String(printed, StandardCharsets.UTF_8).trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            bytes.write(buffer, 0, n);
        }
        return bytes.toByteArray();
    }

    private static SSLContext serverContext(Path keystore, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("the lab keystore " + keystore + " cannot be used: " + e.getMessage(), e);
        }
    }
}
