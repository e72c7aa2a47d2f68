package io.jenkins.plugins.dcom.plugin;

import hudson.model.Hudson;

/**
 * Which server the plugin runs in, for the few places where Jenkins and Hudson 3.3.2 want different things: in Jenkins,
 * {@code hudson.model.Hudson} extends {@code jenkins.model.Jenkins} (core 2.579's listing); in Hudson it does not.
 */
final class Server {
    private static final boolean JENKINS = "jenkins.model.Jenkins".equals(Hudson.class.getSuperclass().getName());

    private Server() {
    }

    /** @return whether this is Jenkins, rather than Hudson */
    static boolean isJenkins() {
        return JENKINS;
    }
}
