package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.text.InputFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * Checks a {@code --truststore} once, before any host is contacted: a file that is not a PKCS12 or JKS keystore, or
 * whose password is wrong, is one usage error, not a TLS failure on every host.
 */
final class Truststores {
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private Truststores() {
    }

    static void check(Path file, String password) throws UsageException {
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, MAX_BYTES);
        } catch (IOException e) {
            throw new UsageException("--truststore: " + e.getMessage(), e);
        }
        for (String type : new String[] {"PKCS12", "JKS"}) {
            try {
                KeyStore store = KeyStore.getInstance(type);
                store.load(new ByteArrayInputStream(bytes), password.toCharArray());
                if (store.size() == 0) {
                    throw new UsageException("--truststore " + file + " holds no certificate; add the CA of the hosts' WinRM certificates");
                }
                return;
            } catch (IOException | GeneralSecurityException notThisType) {
                // try the next type; the message below covers both
            }
        }
        throw new UsageException("--truststore " + file + " is not a PKCS12 or JKS keystore, or its password is wrong "
                + "(give it with --truststore-password-env; the default is changeit)");
    }
}
