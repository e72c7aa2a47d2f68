package io.jenkins.plugins.dcom.plugin;

import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The command line's class-data archive on a build node: the classes it loads, parsed and verified once, which the JVM
 * maps at start instead of reading them from the jar again (HotSpot's dynamic CDS archive, JDK 13 and later; a cold
 * 100-host audit's CPU -13 %, docs/benchmark.md). The first run with a given jar and JDK on a node writes it at exit
 * ({@code -XX:ArchiveClassesAtExit}) to a file of its own, which is then moved into place; later runs map it
 * ({@code -XX:SharedArchiveFile}). Its name holds the jar's name and date and the JDK's path and build, so a new jar or
 * a JDK upgraded in place gets an archive of its own; a JVM that cannot use an archive ignores it (JDK rule) and runs
 * as without. The JVM's CDS messages are off, so the build log is the same with or without.
 *
 * <p>The JDK's version is asked once per node and {@code java} per controller JVM ({@code java -XshowSettings:properties
 * -version}); a JDK older than 13, or one that does not answer, gets no option at all (the command line runs on Java 8).
 */
final class ClassDataArchive {
    /** The first feature release with dynamic archives. */
    static final int FIRST_JDK = 13;
    private static final List<String> QUIET = Collections.unmodifiableList(Arrays.asList("-Xlog:cds=off",
            "-Xlog:cds+dynamic=off"));
    /** What each node's {@code java} said of itself, by node and path: its feature release and VM build. */
    private static final Map<String, String[]> JDKS = new HashMap<String, String[]>();

    /** An archive that is neither used nor made: the JDK is too old or did not say what it is. */
    private static final ClassDataArchive NONE = new ClassDataArchive(null, null);
    /**
     * How old a part file must be to count as left by a run that was killed while writing it (a day: far beyond any
     * run, and beyond any skew between the controller's clock and the node's).
     */
    private static final long ABANDONED_MILLIS = 24L * 60 * 60 * 1000;

    private final FilePath archive;
    /** Where this run writes a new archive, or {@code null} when it maps {@link #archive} or has none. */
    private final FilePath part;

    private ClassDataArchive(FilePath archive, FilePath part) {
        this.archive = archive;
        this.part = part;
    }

    /**
     * @param jar      the command-line jar on the node ({@link CliJar#installIn})
     * @param java     the java executable the run uses
     * @param node     the node's name, which with {@code java} keys what is known of the JDK
     * @param launcher starts the question to the JDK on the node, the first time
     * @return this run's archive: mapped when there is one, else made by this run
     */
    static ClassDataArchive forRun(FilePath jar, String java, String node, Launcher launcher)
            throws IOException, InterruptedException {
        String[] jdk = jdk(java, node, launcher);
        if (jdk == null || Integer.parseInt(jdk[0]) < FIRST_JDK) {
            return NONE;
        }
        String name = jar.getName().replaceFirst("\\.jar$", "") + "-jdk-"
                + Util.getDigestOf(jar.lastModified() + "|" + jar.length() + "|" + java + "|" + jdk[1]).substring(0, 12);
        FilePath archive = jar.getParent().child(name + ".jsa");
        if (archive.exists()) {
            return new ClassDataArchive(archive, null);
        }
        for (FilePath abandoned : jar.getParent().list(name + "-*.jsa.part")) {
            if (abandoned.lastModified() < System.currentTimeMillis() - ABANDONED_MILLIS) {
                abandoned.delete();
            }
        }
        return new ClassDataArchive(archive, jar.getParent().child(name + "-" + UUID.randomUUID() + ".jsa.part"));
    }

    /** @return the JVM options of this run: map the archive, or make it at exit; none when there is none */
    List<String> jvmOptions() {
        if (archive == null) {
            return Collections.emptyList();
        }
        List<String> options = new ArrayList<String>(QUIET);
        options.add(part == null ? "-XX:SharedArchiveFile=" + archive.getRemote() : "-XX:ArchiveClassesAtExit=" + part.getRemote());
        return options;
    }

    /**
     * After the run: the archive it made goes into place, unless another build's got there first. A run that made none
     * (the JDK could not) leaves nothing behind.
     */
    void afterRun() throws IOException, InterruptedException {
        if (part == null || !part.exists()) {
            return;
        }
        try {
            if (part.length() > 0 && !archive.exists()) {
                part.renameTo(archive);
            }
        } catch (IOException lostRace) {
            // another build on the node moved its archive into place first (Jenkins' renameTo refuses to replace it)
        }
        if (part.exists()) {
            part.delete();
        }
    }

    /** @return {feature release, VM build} of the JDK, or {@code null} when it did not answer as a JDK does */
    private static String[] jdk(String java, String node, Launcher launcher) throws IOException, InterruptedException {
        String key = node + "|" + java;
        synchronized (JDKS) {
            if (JDKS.containsKey(key)) {
                return JDKS.get(key);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            exit = launcher.launch().cmds(java, "-XshowSettings:properties", "-version").stdout(out).stderr(out).join();
        } catch (IOException notStarted) {
            return null; // no such java (yet): the run's own start says so, and the next build asks again
        }
        String[] jdk = exit == 0 ? parse(new String(out.toByteArray(), "UTF-8")) : null;
        synchronized (JDKS) {
            JDKS.put(key, jdk);
        }
        return jdk;
    }

    /**
     * @param settings what {@code java -XshowSettings:properties -version} printed
     * @return {feature release, VM build}, or {@code null} when either is missing
     */
    static String[] parse(String settings) {
        String specification = property(settings, "java.specification.version");
        String build = property(settings, "java.vm.version");
        if (specification == null || build == null) {
            return null;
        }
        String feature = specification.startsWith("1.") ? specification.substring(2) : specification;
        return feature.matches("[0-9]{1,3}") ? new String[] {feature, build} : null;
    }

    private static String property(String settings, String name) {
        for (String line : settings.split("\r?\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith(name + " = ")) {
                return trimmed.substring(name.length() + 3).trim();
            }
        }
        return null;
    }
}
