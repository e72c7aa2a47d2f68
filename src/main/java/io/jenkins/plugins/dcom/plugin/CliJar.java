package io.jenkins.plugins.dcom.plugin;

import hudson.FilePath;
import hudson.PluginWrapper;
import hudson.model.Hudson;
import hudson.model.Node;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;

/**
 * The command-line jar the plugin bundles ({@code WEB-INF/cli/} in the .hpi), and its copy on a build node, named
 * by its digest so an outdated copy is never used. The system property {@value #OVERRIDE} points elsewhere
 * (tests, or an administrator's own build).
 */
final class CliJar {
    static final String OVERRIDE = "dcom.compliance.cliJar";
    static final String SHORT_NAME = "dcom-protocol-compliance";
    static final String BUNDLED = "WEB-INF/cli/dcom-protocol-compliance-cli.jar";

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
     * Copies the jar to the node unless a copy with the same digest is there.
     *
     * @return the jar on the node
     */
    static FilePath installOn(Node node, FilePath bundled) throws IOException, InterruptedException {
        FilePath root = node.getRootPath();
        if (root == null) {
            throw new IOException("the node " + node.getDisplayName() + " is offline");
        }
        String digest = bundled.digest();
        FilePath target = root.child("dcom-compliance").child("cli-" + digest.substring(0, 16) + ".jar");
        if (!target.exists()) {
            target.getParent().mkdirs();
            FilePath partial = target.getParent().child(target.getName() + ".part");
            partial.copyFrom(bundled);
            partial.renameTo(target);
        }
        return target;
    }
}
