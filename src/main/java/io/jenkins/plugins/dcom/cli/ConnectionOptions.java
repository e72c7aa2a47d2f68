package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.contract.Defaults;
import io.jenkins.plugins.dcom.contract.TransportNames;
import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import io.jenkins.plugins.dcom.text.InputFiles;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** How to reach and log on to the hosts; shared by audit, remediate and rollback. Never takes a password itself. */
final class ConnectionOptions {
    /** A password file holds one line; 64 KiB is far more than any password. */
    private static final int MAX_PASSWORD_FILE = 64 * 1024;
    /** A keytab holds a few keys; anything near this size is the wrong file. */
    private static final int MAX_KEYTAB = 1024 * 1024;

    final String user;
    final String passwordEnv;
    final Path passwordFile;
    final Path keytab;
    final String transport;
    final String auth;
    final boolean https;
    final boolean allowHttp;
    final Path truststore;
    final String truststorePasswordEnv;
    final long maxAuthFailures;
    final long connectTimeout;
    final long timeout;

    static void declare(OptionTable table) {
        table.value("user", "USER", "Account on the hosts: user, DOMAIN\\user or user@REALM.")
                .value("password-env", "NAME", "Read the password from this environment variable.")
                .value("password-file", "FILE", "Read the password from the first line of this file.")
                .value("keytab", "FILE", "With --auth kerberos: log on with the keys this keytab holds for --user (user@REALM), "
                        + "instead of a password.")
                .value("transport", "winrm|rrp", TransportNames.DEFAULT, "Transport for inventory lines that name none")
                .value("auth", "negotiate|kerberos|basic", WinRmAuthentication.DEFAULT_LABEL, "How WinRM logs on (negotiate: "
                        + "NTLMv2; kerberos: a domain account user@REALM and krb5.conf; both encrypt every message over HTTP, as "
                        + "a default Windows server requires)")
                .flag("https", "WinRM over HTTPS (port 5986) with strict certificate checks, instead of HTTP (5985) with "
                        + "message encryption.")
                .flag("allow-http", "Let Basic send WinRM messages unencrypted over plain HTTP (the host must allow it: "
                        + "AllowUnencrypted). Lab and test networks only.")
                .value("truststore", "FILE", "PKCS12 or JKS truststore with the CA of the hosts' WinRM certificates; replaces "
                        + "the JVM's default trust.")
                .value("truststore-password-env", "NAME", "Environment variable holding the truststore password "
                        + "(default: changeit).")
                .value("max-auth-failures", "N", "1", "Failed logons the run accepts before it stops trying the account on "
                        + "further hosts, so a wrong password cannot lock it")
                .value("connect-timeout", "SECONDS", "" + Defaults.CONNECT_TIMEOUT_SECONDS, "Time to open a connection")
                .value("timeout", "SECONDS", "" + Defaults.ANSWER_TIMEOUT_SECONDS, "Time a host may take to send one whole "
                        + "answer, and to finish one command");
    }

    ConnectionOptions(Arguments arguments) throws UsageException {
        user = arguments.text("user");
        passwordEnv = arguments.text("password-env");
        passwordFile = arguments.path("password-file");
        keytab = arguments.path("keytab");
        transport = arguments.text("transport");
        auth = arguments.text("auth");
        https = arguments.flag("https");
        allowHttp = arguments.flag("allow-http");
        truststore = arguments.path("truststore");
        truststorePasswordEnv = arguments.text("truststore-password-env");
        maxAuthFailures = arguments.number("max-auth-failures");
        connectTimeout = arguments.number("connect-timeout");
        timeout = arguments.number("timeout");
    }

    /** @return {@code --max-auth-failures}, checked */
    int maxAuthFailures() throws UsageException {
        return Bounds.check("--max-auth-failures", maxAuthFailures, 1, 1000);
    }

    /**
     * @param environment the process environment (a parameter, so tests can give their own)
     */
    ConnectionSettings settings(Map<String, String> environment) throws UsageException {
        if (https && allowHttp) {
            throw new UsageException("--https and --allow-http contradict each other; give one");
        }
        int connectSeconds = Bounds.check("--connect-timeout", connectTimeout, 1, 3600);
        int answerSeconds = Bounds.check("--timeout", timeout, 1, Bounds.DAY);
        ConnectionSettings.Builder builder = ConnectionSettings.builder(credentials(environment))
                .timeouts(connectSeconds * 1000, answerSeconds * 1000).authentication(authentication());
        if (allowHttp) {
            builder.allowHttp();
        }
        if (https) {
            builder.https();
        }
        if (truststore != null) {
            String password = truststorePasswordEnv == null ? null : env(environment, truststorePasswordEnv, "--truststore-password-env");
            builder.truststore(truststore, password);
            Truststores.check(truststore, builder.build().getTruststorePassword());
        }
        return builder.build();
    }

    private WinRmAuthentication authentication() throws UsageException {
        try {
            return WinRmAuthentication.parse(auth);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--auth: " + e.getMessage(), e);
        }
    }

    private Credentials credentials(Map<String, String> environment) throws UsageException {
        if (user == null || user.trim().isEmpty()) {
            throw new UsageException("--user is required: the account to log on to the hosts with");
        }
        if (keytab != null) {
            return keytabCredentials();
        }
        if ((passwordEnv == null) == (passwordFile == null)) {
            throw new UsageException("give exactly one of --password-env NAME or --password-file FILE (a password is never taken on the command line)");
        }
        String password = passwordEnv != null ? env(environment, passwordEnv, "--password-env") : firstLine(passwordFile);
        return new Credentials(user, password);
    }

    /** A keytab instead of a password: Kerberos only, never beside a password, a readable file of a keytab's size. */
    private Credentials keytabCredentials() throws UsageException {
        if (passwordEnv != null || passwordFile != null) {
            throw new UsageException("give --keytab or a password (--password-env, --password-file), not both");
        }
        if (authentication() != WinRmAuthentication.KERBEROS) {
            throw new UsageException("--keytab logs on with Kerberos: add --auth kerberos (and --user as user@REALM)");
        }
        try {
            InputFiles.read(keytab, MAX_KEYTAB);
        } catch (IOException e) {
            throw new UsageException("--keytab: " + e.getMessage(), e);
        }
        return Credentials.fromKeytab(user, keytab);
    }

    private static String env(Map<String, String> environment, String name, String option) throws UsageException {
        String value = environment.get(name);
        if (value == null || value.isEmpty()) {
            throw new UsageException(option + " " + name + ": the environment variable is not set or empty");
        }
        return value;
    }

    private static String firstLine(Path file) throws UsageException {
        try {
            String text = InputFiles.readUtf8(file, MAX_PASSWORD_FILE);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new UsageException("--password-file " + file + ": the first line is empty");
            }
            return line;
        } catch (IOException e) {
            throw new UsageException("--password-file: " + e.getMessage(), e);
        }
    }
}
