package io.jenkins.plugins.dcom.plugin;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Hudson 3.3.2 on 127.0.0.1 in its own JVM, with the built .hpi installed as a user would install it
 * (copied into HUDSON_HOME/plugins): what the harness cannot show (AspectJ weaving, the plugin class loader,
 * the bundled command-line jar) shows here. No agent port is opened.
 */
final class RealHudson implements AutoCloseable {
    private static final String[] OPENS = {"java.base/java.lang", "java.base/java.lang.ref", "java.base/java.lang.reflect",
        "java.base/java.util", "java.base/java.util.concurrent", "java.base/java.util.regex", "java.base/java.text",
        "java.base/java.io", "java.base/java.net", "java.base/sun.nio.ch", "java.desktop/java.awt.font"};

    private final Path home;
    private final Path log;
    private final Process process;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private RealHudson(Path home, Path log, Process process, int port) {
        this.home = home;
        this.log = log;
        this.process = process;
        this.url = "http://127.0.0.1:" + port + "/";
    }

    static RealHudson start(Path war, Path hpi, Path work) throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        Files.createDirectories(home.resolve("plugins"));
        Files.copy(hpi, home.resolve("plugins").resolve(hpi.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.write(home.resolve("hudson-security.xml"), ("<?xml version='1.0' encoding='UTF-8'?>\n"
                + "<org.eclipse.hudson.security.HudsonSecurityManager>\n  <slaveAgentPort>-1</slaveAgentPort>\n"
                + "</org.eclipse.hudson.security.HudsonSecurityManager>\n").getBytes(StandardCharsets.UTF_8));
        Path libs = extractLibs(war, work.resolve("libs"));
        int port = freePort();
        List<String> command = new ArrayList<>(Arrays.asList(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        for (String open : OPENS) {
            command.add("--add-opens");
            command.add(open + "=ALL-UNNAMED");
        }
        command.addAll(Arrays.asList("-Xmx512m", "-DHUDSON_HOME=" + home, "-cp", libs + File.separator + "*",
                launcher().toString(), war.toString(), "--httpPort=" + port, "--httpListenAddress=127.0.0.1", "--skipInitSetup"));
        Path log = work.resolve("hudson.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RealHudson hudson = new RealHudson(home, log, process, port);
        hudson.awaitReady();
        return hudson;
    }

    private static Path launcher() throws Exception {
        return Paths.get(RealHudson.class.getResource("/hudson/StartHudson.java").toURI());
    }

    private static Path extractLibs(Path war, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipFile zip = new ZipFile(war.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith("libs/") && entry.getName().endsWith(".jar")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target.resolve(Paths.get(entry.getName()).getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Hudson exited: " + log());
            }
            if (log().contains("Hudson is ready.")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Hudson did not get ready in 180 s: " + log());
    }

    String log() throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    Path home() {
        return home;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String xml) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
        request = xml == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(xml));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a build and waits for it to finish; @return the build's JSON */
    String build(String job, int number) throws Exception {
        HttpResponse<String> started = post("job/" + job + "/build", null);
        if (started.statusCode() >= 400) {
            throw new IllegalStateException("build not started: HTTP " + started.statusCode());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> json = get("job/" + job + "/" + number + "/api/json");
            if (json.statusCode() == 200 && json.body().contains("\"building\":false")) {
                return json.body();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("build " + job + " #" + number + " did not finish in 240 s");
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
