package io.jenkins.plugins.dcom.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built .hpi loads only what the server runs: the build step's jar and SnakeYAML in WEB-INF/lib, no
 * WEB-INF/classes (Jenkins would repack it with a warning), and every class of the step's jar links against that
 * jar, SnakeYAML, the JDK or the server's own API, never against a transport library, the command line's JSON or
 * option libraries, or an engine class left out of the jar.
 */
class ServerSideClassesIT {
    private static final String CREDENTIALS_PLUGIN = "com.cloudbees.plugins.credentials.";
    /**
     * Prefixes of what the server itself provides. {@code jenkins.} and {@code org.jenkinsci.} exist in Jenkins only;
     * only the Pipeline step refers to them, and Hudson never loads it (ArchitectureTest, RealHudsonIT).
     */
    private static final List<String> SERVER = Arrays.asList("java.", "javax.", "hudson.", "jenkins.", "org.jenkinsci.",
            "org.kohsuke.stapler.", "net.sf.json.", "org.jvnet.localizer.");

    @Test
    void theHpiCarriesOnlyTheStepsJarAndSnakeYamlOnTheServersClassPath() throws Exception {
        List<String> libs = new ArrayList<>();
        try (JarFile hpi = new JarFile(System.getProperty("dcom.compliance.hpi"))) {
            for (Enumeration<JarEntry> entries = hpi.entries(); entries.hasMoreElements();) {
                String name = entries.nextElement().getName();
                assertThat(name).as("no classes folder").doesNotStartWith("WEB-INF/classes/");
                if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                    libs.add(name.substring("WEB-INF/lib/".length()));
                }
            }
            assertThat(hpi.getEntry(CliJar.BUNDLED)).as("the command line rides along, off the class path").isNotNull();
        }
        assertThat(libs).hasSize(2).anyMatch(lib -> lib.startsWith("dcom-protocol-compliance-server"))
                .anyMatch(lib -> lib.startsWith("snakeyaml-"));
    }

    /**
     * Jenkins' class filter (JEP-200) refuses to write or read with XStream any class whose jar lacks a plugin's
     * manifest; the condition below is {@code isPluginManifest} of {@code jenkins/security/ClassFilterImpl.java} as
     * Jenkins states it. Every jar of the .hpi that holds a class of the build step (the step, its actions and rows,
     * saved in config.xml and build.xml) must pass it, or Jenkins cannot save a job with the step.
     */
    @Test
    void everyJarHoldingTheStepsPersistedClassesHasThePluginManifestJenkinsClassFilterAsks(@TempDir Path dir) throws Exception {
        int checked = 0;
        try (JarFile hpi = new JarFile(System.getProperty("dcom.compliance.hpi"))) {
            for (Enumeration<JarEntry> entries = hpi.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith("WEB-INF/lib/") || !entry.getName().endsWith(".jar")) {
                    continue;
                }
                Path jar = dir.resolve(entry.getName().substring("WEB-INF/lib/".length()));
                try (InputStream in = hpi.getInputStream(entry)) {
                    Files.copy(in, jar);
                }
                try (JarFile lib = new JarFile(jar.toFile())) {
                    if (lib.getEntry("io/jenkins/plugins/dcom/plugin/DcomComplianceBuilder.class") == null) {
                        continue;
                    }
                    java.util.jar.Attributes attr = lib.getManifest().getMainAttributes();
                    boolean pluginManifest = attr.getValue("Short-Name") != null
                            && (attr.getValue("Plugin-Version") != null || attr.getValue("Jenkins-Version") != null)
                            || "true".equals(attr.getValue("Jenkins-ClassFilter-Whitelisted"));
                    assertThat(pluginManifest).as(jar.getFileName() + " holds the persisted classes: " + attr.entrySet()).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).as("the jar with the step's classes was found").isEqualTo(1);
    }

    /** Reads the class-level dependencies with the JDK's own jdeps (the harness keeps ASM off this class path). */
    @Test
    void everyClassOfTheStepsJarLinksOnlyAgainstItselfSnakeYamlAndTheServer(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("server.jar");
        try (JarFile hpi = new JarFile(System.getProperty("dcom.compliance.hpi"))) {
            for (Enumeration<JarEntry> entries = hpi.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith("WEB-INF/lib/dcom-protocol-compliance-server")) {
                    try (InputStream in = hpi.getInputStream(entry)) {
                        Files.copy(in, jar);
                    }
                }
            }
        }
        StringWriter out = new StringWriter();
        int exit = ToolProvider.findFirst("jdeps").orElseThrow(AssertionError::new)
                .run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", jar.toString());
        assertThat(exit).as(out.toString()).isZero();
        Set<String> own = new TreeSet<>();
        Set<String> referenced = new TreeSet<>();
        for (String line : out.toString().split("\\R")) {
            String[] parts = line.trim().split("\\s+");
            if (line.startsWith(" ") && parts.length >= 3 && "->".equals(parts[1])) { // class lines are indented
                own.add(parts[0]);
                referenced.add(parts[2]);
            }
        }
        assertThat(own).as("no Jenkins-only declaration is packaged").noneMatch(type -> type.startsWith("jenkins.")
                || type.startsWith("org.jenkinsci.") || type.equals("org.kohsuke.stapler.DataBoundSetter")
                || type.startsWith("org.kohsuke.stapler.verb.") || type.startsWith(CREDENTIALS_PLUGIN));
        assertThat(own).as("the step's classes").contains("io.jenkins.plugins.dcom.plugin.DcomComplianceBuilder",
                "io.jenkins.plugins.dcom.policy.PolicyParser", "io.jenkins.plugins.dcom.contract.BuildSummary");
        List<String> unresolved = new ArrayList<>();
        for (String type : referenced) {
            boolean server = SERVER.stream().anyMatch(type::startsWith);
            // the credentials plugin: an optional dependency of the manifest, named by CredentialsPluginLookup only
            if (!own.contains(type) && !type.startsWith("org.yaml.snakeyaml.") && !server && !type.startsWith(CREDENTIALS_PLUGIN)) {
                unresolved.add(type);
            }
        }
        assertThat(unresolved).as("referenced by the step's jar but not on the server's class path").isEmpty();
    }
}
