package io.jenkins.plugins.dcom.transport;

import io.jenkins.plugins.dcom.contract.Defaults;
import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import java.nio.file.Path;

/** How to reach hosts: credentials, encryption and time limits, shared by every transport of a run. */
public final class ConnectionSettings {
    /** Default time to open a connection. */
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = Defaults.CONNECT_TIMEOUT_SECONDS * 1000;
    /** Default time to wait for an answer. */
    public static final int DEFAULT_SOCKET_TIMEOUT_MILLIS = Defaults.ANSWER_TIMEOUT_SECONDS * 1000;

    private final Credentials credentials;
    private final boolean https;
    private final boolean unencryptedHttpAllowed;
    private final WinRmAuthentication authentication;
    private final Path truststore;
    private final String truststorePassword;
    private final int connectTimeoutMillis;
    private final int socketTimeoutMillis;

    private ConnectionSettings(Builder builder) {
        this.credentials = builder.credentials;
        this.https = builder.https;
        this.unencryptedHttpAllowed = builder.unencryptedHttpAllowed;
        this.authentication = builder.authentication;
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

    /** @return {@code true} for HTTPS (port 5986, strict certificate checks); {@code false} for HTTP (the default, 5985) */
    public boolean isHttps() {
        return https;
    }

    /**
     * @return whether WinRM may send a message unencrypted over plain HTTP (Basic, which cannot encrypt): only when
     *         the user explicitly allowed it, for lab networks
     */
    public boolean isUnencryptedHttpAllowed() {
        return unencryptedHttpAllowed;
    }

    /** @return how WinRM logs on; {@link WinRmAuthentication#DEFAULT} unless told */
    public WinRmAuthentication getAuthentication() {
        return authentication;
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
        return (https ? "https" : "http") + ", " + authentication.label() + ", user " + credentials + ", timeouts " + connectTimeoutMillis + "/"
                + socketTimeoutMillis + " ms";
    }

    /** Builds settings: HTTP with Negotiate and sealed messages unless told otherwise, as Windows' defaults want. */
    public static final class Builder {
        private final Credentials credentials;
        private boolean https;
        private boolean unencryptedHttpAllowed;
        private WinRmAuthentication authentication =
                WinRmAuthentication.DEFAULT;
        private Path truststore;
        private String truststorePassword = "changeit";
        private int connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
        private int socketTimeoutMillis = DEFAULT_SOCKET_TIMEOUT_MILLIS;

        private Builder(Credentials credentials) {
            this.credentials = credentials;
        }

        /** HTTPS with strict certificate and host-name checks. */
        public Builder https() {
            this.https = true;
            return this;
        }

        /** Plain HTTP without message encryption where the authentication has none: lab networks only. */
        public Builder allowHttp() {
            this.https = false;
            this.unencryptedHttpAllowed = true;
            return this;
        }

        public Builder authentication(WinRmAuthentication mode) {
            this.authentication = mode;
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
