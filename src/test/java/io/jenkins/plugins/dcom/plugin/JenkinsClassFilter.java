package io.jenkins.plugins.dcom.plugin;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Jenkins' rule for which classes XStream may write or read (JEP-200), as {@code jenkins/security/ClassFilterImpl.java}
 * states it (jenkinsci/jenkins at 2.579, {@code isBlacklisted(Class)}, {@code isLocationWhitelisted},
 * {@code isPluginManifest}): arrays, throwables and enums pass; so does a class from Jenkins core's jar or from a jar
 * whose manifest has {@code Short-Name} and {@code Plugin-Version} or {@code Jenkins-Version} (or
 * {@code Jenkins-ClassFilter-Whitelisted: true}); any other class passes only when {@code whitelisted-classes.txt}
 * (copied into the test resources) names it. Hudson's core jar stands for Jenkins core's. Not ported: the
 * {@code CustomClassFilter} extensions, the legacy {@code WEB-INF/lib/classes.jar} location and the unit-test
 * exceptions, none of which a plugin's persisted classes may count on.
 */
final class JenkinsClassFilter {
    private final String coreLocation;
    private final Set<String> whitelisted = new HashSet<>();

    JenkinsClassFilter(Class<?> coreClass) throws IOException {
        this.coreLocation = location(coreClass);
        try (InputStream in = JenkinsClassFilter.class.getResourceAsStream("/jenkins-api/whitelisted-classes.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.matches("#.*|\\s*")) {
                    whitelisted.add(line.trim());
                }
            }
        }
    }

    /** @return why Jenkins would refuse to write or read {@code type}, or {@code null} when it permits it */
    String refusal(Class<?> type) {
        if (type.isArray() || Throwable.class.isAssignableFrom(type) || Enum.class.isAssignableFrom(type)) {
            return null;
        }
        String location = location(type);
        if (location != null && (location.equals(coreLocation) || isPluginJar(location))) {
            return null;
        }
        if (whitelisted.contains(type.getName())) {
            return null;
        }
        return type.getName() + " in " + (location == null ? "JRE" : location) + " might be dangerous, so rejecting";
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        return url == null ? null : url.toString();
    }

    private static boolean isPluginJar(String location) {
        if (!location.matches("file:/.+[.]jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(new File(new URL(location).toURI()), false)) {
            Manifest manifest = jar.getManifest();
            return manifest != null && isPluginManifest(manifest);
        } catch (IOException | URISyntaxException e) {
            return false;
        }
    }

    private static boolean isPluginManifest(Manifest manifest) {
        Attributes attributes = manifest.getMainAttributes();
        return attributes.getValue("Short-Name") != null
                && (attributes.getValue("Plugin-Version") != null || attributes.getValue("Jenkins-Version") != null)
                || "true".equals(attributes.getValue("Jenkins-ClassFilter-Whitelisted"));
    }
}
