package io.jenkins.plugins.dcom.lab;

/**
 * Gives the JDK's HTTP server, which every lab host answers through, the connection limits of HTTP.sys, the Windows
 * component that serves WinRM. The JDK's server reads them from system properties once, when it is first used, so
 * {@link #apply()} runs before any lab server is created; a property already set (on the command line, by another
 * user of the JDK's server in this JVM) is kept.
 */
final class HttpSysTimeouts {
    /**
     * HTTP.sys closes a connection after two idle minutes (IdleConnectionTimeout; the JDK's own default is 30 s).
     * NTLM logons belong to a connection, so a client that pauses between two requests of one session keeps its logon
     * for as long as on Windows, and loses it after as long.
     */
    static final int IDLE_SECONDS = 120;
    /**
     * HTTP.sys has no small cap on kept-alive connections; the JDK's server closes a connection that goes idle once
     * 200 are (ServerConfig's default). One listener serving thousands of hosts by address would then drop
     * connections that a fleet of separate hosts keeps.
     */
    static final int MAX_IDLE_CONNECTIONS = 20_000;

    private HttpSysTimeouts() {
    }

    static synchronized void apply() {
        setUnlessSet("sun.net.httpserver.idleInterval", IDLE_SECONDS);
        setUnlessSet("sun.net.httpserver.maxIdleConnections", MAX_IDLE_CONNECTIONS);
    }

    private static void setUnlessSet(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }
}
