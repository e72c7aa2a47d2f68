package io.jenkins.plugins.dcom.transport;

import java.nio.file.Path;

/** How to reach hosts: credentials, encryption and time limits, shared by every transport of a run. */
public final class ConnectionSettings {
    /** Default time to open a connection. */
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;
    /** Default time to wait for an answer. */
    public static final int DEFAULT_SOCKET_TIMEOUT_MILLIS = 60_000;

    private final Credentials credentials;
    private final boolean https;
    private final Path truststore;
    private final String truststorePassword;
    private final int connectTimeoutMillis;
    private final int socketTimeoutMillis;

    private ConnectionSettings(Builder builder) {
        this.credentials = builder.credentials;
        this.https = builder.https;
        this.truststore = builder.truststore;
        this.truststorePassword = builder.truststorePassword;
        this.connectTimeoutMillis = builder.connectTimeoutMillis;
        this.socketTimeoutMillis = builder.socketTimeoutMillis;
    }

    public static Builder builder(Credentials credentials) {
        return new Builder(credentials);
    }

    public Credentials getCredentials() {
        return credentials;
    }

    /** @return {@code true} for HTTPS (the default); {@code false} only when plain HTTP was explicitly allowed */
    public boolean isHttps() {
        return https;
    }

    /** @return a truststore that replaces the JVM's default trust, or {@code null} for the system trust */
    public Path getTruststore() {
        return truststore;
    }

    public String getTruststorePassword() {
        return truststorePassword;
    }

    public int getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public int getSocketTimeoutMillis() {
        return socketTimeoutMillis;
    }

    @Override
    public String toString() {
        return (https ? "https" : "http") + ", user " + credentials + ", timeouts " + connectTimeoutMillis + "/"
                + socketTimeoutMillis + " ms";
    }

    /** Builds settings; HTTPS with strict certificate checks unless told otherwise. */
    public static final class Builder {
        private final Credentials credentials;
        private boolean https = true;
        private Path truststore;
        private String truststorePassword = "changeit";
        private int connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
        private int socketTimeoutMillis = DEFAULT_SOCKET_TIMEOUT_MILLIS;

        private Builder(Credentials credentials) {
            this.credentials = credentials;
        }

        /** Plain HTTP: credentials travel in clear text; only when the user explicitly allowed it. */
        public Builder allowHttp() {
            this.https = false;
            return this;
        }

        public Builder truststore(Path file, String password) {
            this.truststore = file;
            if (password != null) {
                this.truststorePassword = password;
            }
            return this;
        }

        public Builder timeouts(int connectMillis, int socketMillis) {
            if (connectMillis <= 0 || socketMillis <= 0) {
                throw new IllegalArgumentException("timeouts must be positive; 0 would wait forever");
            }
            this.connectTimeoutMillis = connectMillis;
            this.socketTimeoutMillis = socketMillis;
            return this;
        }

        public ConnectionSettings build() {
            return new ConnectionSettings(this);
        }
    }
}
