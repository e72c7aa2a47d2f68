package io.jenkins.plugins.dcom.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jenkins' class filter (JEP-200) as a test: every type the plugin persists (both steps, both actions and their rows,
 * the step as earlier versions saved it) is written and read back by upstream XStream 1.4.21, the version Jenkins
 * 2.579 bundles, under the rule of {@code jenkins/security/ClassFilterImpl.java} ({@link JenkinsClassFilter}), with
 * the plugin's classes loaded from the server jar of the built .hpi. The same classes from a jar without the plugin
 * manifest, as the .hpi shipped them before, are refused, which is what Jenkins did to them.
 */
class ClassFilterRoundTripIT {
    private static final String SERVER_JAR = "WEB-INF/lib/dcom-protocol-compliance-server";

    @Test
    void everyPersistedTypeOfTheBuiltHpiPassesJenkinsClassFilterBothWays(@TempDir Path dir) throws Exception {
        List<String> problems = roundTrip(serverJar(dir));

        assertThat(problems).isEmpty();
    }

    @Test
    void theSameClassesFromAJarWithoutThePluginManifestAreRefusedAsJenkinsRefusedThem(@TempDir Path dir) throws Exception {
        Path bare = withoutPluginManifest(serverJar(dir), dir.resolve("bare.jar"));

        List<String> problems = roundTrip(bare);

        assertThat(problems).anyMatch(problem -> problem.contains(
                "Refusing to marshal io.jenkins.plugins.dcom.plugin.DcomComplianceBuilder for security reasons"));
        assertThat(problems).anyMatch(problem -> problem.contains("ComplianceBuildAction"));
    }

    /** Runs {@link ClassFilterRoundTrip} with the plugin's classes from {@code serverJar} and XStream 1.4.21. */
    @SuppressWarnings("unchecked")
    private static List<String> roundTrip(Path serverJar) throws Exception {
        Path target = Paths.get(System.getProperty("basedir", ".")).resolve("target");
        List<URL> urls = new ArrayList<>();
        urls.add(serverJar.toUri().toURL());
        urls.add(target.resolve("test-classes").toUri().toURL());
        try (Stream<Path> jars = Files.list(target.resolve("upstream-xstream"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                urls.add(jar.toUri().toURL());
            }
        }
        ClassLoader below = new Hiding(ClassFilterRoundTripIT.class.getClassLoader());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), below)) {
            thread.setContextClassLoader(loader); // XStream's XML parser factory looks there, as in a Jenkins plugin
            Object check = loader.loadClass(ClassFilterRoundTrip.class.getName()).getConstructor().newInstance();
            assertThat(check.getClass().getClassLoader()).isSameAs(loader);
            return ((Supplier<List<String>>) check).get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Path serverJar(Path dir) throws Exception {
        Path jar = dir.resolve("server.jar");
        try (JarFile hpi = new JarFile(System.getProperty("dcom.compliance.hpi"))) {
            for (Enumeration<JarEntry> entries = hpi.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(SERVER_JAR)) {
                    try (InputStream in = hpi.getInputStream(entry)) {
                        Files.copy(in, jar);
                    }
                }
            }
        }
        assertThat(jar).as("the .hpi's server jar").exists();
        return jar;
    }

    /** The jar's classes under a manifest that says nothing of a plugin, as the step's jar was before it said so. */
    private static Path withoutPluginManifest(Path jar, Path bare) throws Exception {
        Manifest plain = new Manifest();
        plain.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarFile in = new JarFile(jar.toFile()); OutputStream file = Files.newOutputStream(bare);
                JarOutputStream out = new JarOutputStream(file, plain)) {
            for (Enumeration<JarEntry> entries = in.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return bare;
    }

    /** The test's class path without the plugin's own classes and XStream: the loader above brings its own. */
    private static final class Hiding extends ClassLoader {
        private static final String[] HIDDEN = {"io.jenkins.plugins.dcom.", "com.thoughtworks.xstream.", "io.github.xstream.",
            "org.xmlpull."};

        Hiding(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            for (String prefix : HIDDEN) {
                if (name.startsWith(prefix)) {
                    throw new ClassNotFoundException(name + " comes from the round trip's own class loader");
                }
            }
            return super.loadClass(name, resolve);
        }
    }
}
