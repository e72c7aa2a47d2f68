package io.jenkins.plugins.dcom.plugin;

import hudson.FilePath;
import hudson.PluginWrapper;
import hudson.model.Hudson;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;

/**
 * The command-line jar the plugin bundles ({@code WEB-INF/cli/} in the .hpi), and its copy on a build node, named
 * by its digest so an outdated copy is never used. The system property {@value #OVERRIDE} points elsewhere
 * (tests, or an administrator's own build).
 */
final class CliJar {
    static final String OVERRIDE = "dcom.compliance.cliJar";
    static final String SHORT_NAME = "dcom-protocol-compliance";
    static final String BUNDLED = "WEB-INF/cli/dcom-protocol-compliance-cli.jar";
    /**
     * One lock per node, keyed by its name: on a node, the jar's place (whether a good copy is there, replacing it)
     * and the digests are handled one build at a time; a node that hangs holds up only the builds that use it.
     */
    private static final Map<String, Object> NODE_LOCKS = new HashMap<String, Object>();
    /** The lock key of the controller's JVM: the bundled jar and the built-in node's files. */
    private static final String BUILT_IN = "controller";
    /** The bundled jar's digest, taken once per controller JVM (and again only when the file changes). */
    private static String bundledDigest;
    /** What {@link #bundledDigest} was taken of: path, size and modification time. */
    private static String bundledKey;

    private CliJar() {
    }

    /** @return the jar on the controller */
    static FilePath bundled() throws IOException {
        String override = System.getProperty(OVERRIDE);
        if (override != null) {
            return existing(new File(override));
        }
        Hudson hudson = Hudson.getInstance();
        PluginWrapper plugin = hudson == null ? null : hudson.getPluginManager().getPlugin(SHORT_NAME);
        if (plugin == null || plugin.baseResourceURL == null) {
            throw new IOException("the plugin " + SHORT_NAME + " is not installed as a plugin; set -D" + OVERRIDE + "=<jar>");
        }
        try {
            return existing(new File(new File(plugin.baseResourceURL.toURI()), BUNDLED));
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the plugin's files: " + plugin.baseResourceURL, e);
        }
    }

    private static FilePath existing(File jar) throws IOException {
        if (!jar.isFile()) {
            throw new IOException("the command-line jar " + jar + " is missing; reinstall the plugin");
        }
        return new FilePath(jar);
    }

    /**
     * Copies the jar into a folder of the build's node unless a copy with the same digest is there. Safe when builds on
     * one node (shards, matrix cells) install at the same time: each copies to a temporary file of its own and checks
     * its digest; looking at the place and putting a copy there happen under that node's lock on the controller, which
     * runs every build's install, so no build reads the place while another replaces a damaged or foreign copy in it.
     * Builds on other nodes never wait for it. The digest of the jar used is always checked, so such a copy is
     * replaced, never run.
     *
     * @param folder  a folder on the build's node
     * @param bundled the controller's jar ({@link #bundled()})
     * @param node    the name of the node {@code folder} is on (the build's {@code NODE_NAME})
     * @return the jar on the node, with the bundled jar's digest
     */
    static FilePath installIn(FilePath folder, FilePath bundled, String node) throws IOException, InterruptedException {
        String digest = bundledDigest(bundled);
        FilePath target = folder.child("cli-" + digest.substring(0, 16) + ".jar");
        if (isInPlace(target, digest, node)) {
            return target;
        }
        folder.mkdirs();
        FilePath copy = folder.createTempFile("cli-", ".part");
        try {
            copy.copyFrom(bundled);
            String copied = digest(copy, node);
            if (!digest.equals(copied)) {
                throw new IOException("copying the command-line jar to " + folder.getRemote() + " damaged it (digest "
                        + copied + ", " + copy.length() + " bytes, not " + digest + "); try again");
            }
            synchronized (lockOf(target, node)) {
                if (!isInPlace(target, digest, node)) {
                    moveIntoPlace(copy, target);
                }
                if (!isInPlace(target, digest, node)) {
                    throw new IOException(target.getRemote() + " on the build's node is not the plugin's command-line "
                            + "jar (another digest), and it could not be replaced; delete it");
                }
            }
        } finally {
            copy.delete();
        }
        return target;
    }

    /** @return the controller's jar's digest: the 10 MB file is read once, not at every build */
    private static String bundledDigest(FilePath bundled) throws IOException, InterruptedException {
        String key = bundled.getRemote() + "|" + bundled.length() + "|" + bundled.lastModified();
        synchronized (lockOf(bundled, BUILT_IN)) { // the controller's own file: no agent is waited for
            if (!key.equals(bundledKey)) {
                bundledDigest = digest(bundled, BUILT_IN);
                bundledKey = key;
            }
            return bundledDigest;
        }
    }

    private static boolean isInPlace(FilePath target, String digest, String node) throws IOException, InterruptedException {
        synchronized (lockOf(target, node)) {
            return target.exists() && digest.equals(digest(target, node));
        }
    }

    /**
     * Hudson 3.3.2's {@code FilePath.digest()} reads through one buffer shared by the JVM that runs it (the node's),
     * so two digests at once on one node (builds starting together) come out wrong; a node's digests are taken one at
     * a time.
     */
    private static String digest(FilePath file, String node) throws IOException, InterruptedException {
        synchronized (lockOf(file, node)) {
            return file.digest();
        }
    }

    /** @return the lock of the JVM that works on {@code file}: the agent {@code node}'s, or the controller's for its own files */
    private static Object lockOf(FilePath file, String node) {
        String key = file.isRemote() ? "agent " + node : BUILT_IN;
        synchronized (NODE_LOCKS) {
            Object lock = NODE_LOCKS.get(key);
            if (lock == null) {
                lock = new Object();
                NODE_LOCKS.put(key, lock);
            }
            return lock;
        }
    }

    /** Jenkins' renameTo refuses an existing target, Hudson's replaces it: either way a wrong copy goes first. */
    private static void moveIntoPlace(FilePath copy, FilePath target) throws IOException, InterruptedException {
        if (target.exists()) {
            target.delete();
        }
        copy.renameTo(target);
    }
}
