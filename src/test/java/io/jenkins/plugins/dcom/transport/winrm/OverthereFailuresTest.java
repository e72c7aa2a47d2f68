package io.jenkins.plugins.dcom.transport.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.TransportException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Failures the lab cannot produce, classified with the advice a Windows admin needs. */
class OverthereFailuresTest {
    @Test
    void aTlsVersionMismatchSaysSoInsteadOfBlamingTheCertificate() {
        RuntimeException failure = new RuntimeException("WinRM call failed", new SSLHandshakeException(
                "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)"));

        TransportException classified = OverthereFailures.classify("w2k8", failure);

        assertThat(classified.getKind()).isEqualTo(FailureKind.TLS_FAILED);
        assertThat(classified.getDetail()).contains("TLS 1.2").doesNotContain("certificate");
    }

    @Test
    void aRejectedLogonNamesTheUacRemoteRestrictionFix() {
        RuntimeException failure = new RuntimeException("Unexpected HTTP response on https://w2k19:5986/wsman:  (401)");

        TransportException classified = OverthereFailures.classify("w2k19", failure);

        assertThat(classified.getKind()).isEqualTo(FailureKind.AUTH_FAILED);
        assertThat(classified.getMessage()).contains("LocalAccountTokenFilterPolicy");
    }
}
