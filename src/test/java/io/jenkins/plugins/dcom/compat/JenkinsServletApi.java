package io.jenkins.plugins.dcom.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The {@code javax.servlet} API Jenkins 2.479+ ships: {@code org.eclipse.jetty.toolchain:jetty-servlet-api:4.0.9}
 * (Servlet 4.0, the EE 8 layer Jenkins keeps beside Jakarta), which the build copies to
 * {@code target/jenkins-servlet-api/}. Loaded apart from the test class path, where Hudson's servlet 2.4 is.
 */
final class JenkinsServletApi {
    private static ClassLoader loader;

    private JenkinsServletApi() {
    }

    static synchronized ClassLoader loader() {
        if (loader == null) {
            Path jar = Paths.get(System.getProperty("basedir", "."), "target", "jenkins-servlet-api", "jetty-servlet-api-4.0.9.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing; the build copies it (maven-dependency-plugin, jenkins-servlet-api)");
            }
            try {
                loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loader;
    }
}
