package io.jenkins.plugins.dcom.transport.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudsoft.winrm4j.client.ntlm.NTCredentialsWithEncryption;
import io.cloudsoft.winrm4j.client.ntlm.NtlmKeys.NegotiateFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An answer sealed by the host is believed only when its NTLM signature, sequence number and announced length check
 * out: the host's side is played by a second session whose client keys are this session's server keys.
 */
class SealedMessagesTest {
    private static final long FLAGS = NegotiateFlags.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY
            | NegotiateFlags.NTLMSSP_NEGOTIATE_SEAL | NegotiateFlags.NTLMSSP_NEGOTIATE_SIGN
            | NegotiateFlags.NTLMSSP_NEGOTIATE_KEY_EXCH | NegotiateFlags.NTLMSSP_NEGOTIATE_128;
    private static final byte[] ANSWER = "<s:Envelope>caf\u00e9</s:Envelope>".getBytes(StandardCharsets.UTF_8);
    private SealedMessages client;
    private SealedMessages host;

    @BeforeEach
    void session() throws IOException {
        Random random = new Random(42);
        byte[][] keys = new byte[4][16];
        for (byte[] key : keys) {
            random.nextBytes(key);
        }
        client = new SealedMessages(new NtlmCipher(credentials(keys[0], keys[1], keys[2], keys[3])));
        host = new SealedMessages(new NtlmCipher(credentials(keys[2], keys[3], keys[0], keys[1])));
    }

    private static NTCredentialsWithEncryption credentials(byte[] sign, byte[] seal, byte[] peerSign, byte[] peerSeal) {
        NTCredentialsWithEncryption credentials = new NTCredentialsWithEncryption("labadmin", "unused", null, null);
        credentials.setNegotiateFlags(FLAGS);
        credentials.setClientSigningKey(sign);
        credentials.setClientSealingKey(seal);
        credentials.setServerSigningKey(peerSign);
        credentials.setServerSealingKey(peerSeal);
        return credentials;
    }

    @Test
    void anAnswerSealedWithTheHostsKeysIsReadBackWhole() throws IOException {
        byte[] sealed = host.seal(ANSWER);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Envelope");
        assertThat(client.unseal(sealed)).isEqualTo(ANSWER);
    }

    @Test
    void aFlippedBitInTheSealedAnswerIsRefused() throws IOException {
        byte[] sealed = host.seal(ANSWER);
        int inMessage = new String(sealed, StandardCharsets.ISO_8859_1).indexOf("octet-stream") + 40;
        sealed[inMessage] ^= 0x01;

        assertThatThrownBy(() -> client.unseal(sealed)).isInstanceOf(IOException.class).hasMessageContaining("signature");
    }

    @Test
    void aReplayedAnswerIsRefused() throws IOException {
        byte[] sealed = host.seal(ANSWER);
        client.unseal(Arrays.copyOf(sealed, sealed.length));

        assertThatThrownBy(() -> client.unseal(sealed)).isInstanceOf(IOException.class);
    }

    @Test
    void anAnswerThatAnnouncesAnotherLengthIsRefused() throws IOException {
        String framed = new String(host.seal(ANSWER), StandardCharsets.ISO_8859_1)
                .replace("Length=" + ANSWER.length, "Length=" + (ANSWER.length + 1));

        assertThatThrownBy(() -> client.unseal(framed.getBytes(StandardCharsets.ISO_8859_1))).isInstanceOf(IOException.class);
    }

    @Test
    void aSessionWithoutSealingCannotEncrypt() {
        NTCredentialsWithEncryption signOnly = new NTCredentialsWithEncryption("labadmin", "unused", null, null);
        signOnly.setNegotiateFlags(NegotiateFlags.NTLMSSP_NEGOTIATE_SIGN);

        assertThatThrownBy(() -> new NtlmCipher(signOnly)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot be encrypted");
    }
}
