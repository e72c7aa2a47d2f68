package io.jenkins.plugins.dcom.transport.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudsoft.winrm4j.client.ntlm.NTCredentialsWithEncryption;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.http.Header;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

/** The NTLM logon goes out as Windows' WinRM service reads it: under {@code Negotiate}, its token exactly as made. */
class NegotiateNtlmSchemeTest {
    private static final int SIGN = 0x10;
    private static final int SEAL = 0x20;
    private static final int KEY_EXCHANGE = 0x40000000;

    @Test
    void aTokenThatSpellsNtlmIsSentAsTheEngineMadeIt() {
        String token = "TlRMTVNTUAADAAAAGAAYAEgAAACQNTLMxVaN4Pg49ggH0="; // a Base64 token holding the four letters

        assertThat(NegotiateNtlmScheme.renamed("NTLM " + token)).isEqualTo("Negotiate " + token);
        assertThat(NegotiateNtlmScheme.renamed("Negotiate " + token)).isEqualTo("Negotiate " + token);
    }

    @Test
    void everyAuthenticateMessageDecodesWholeUnderNegotiate() throws Exception {
        for (int logon = 0; logon < 2_000; logon++) {
            NegotiateNtlmScheme scheme = new NegotiateNtlmScheme(true);
            NTCredentialsWithEncryption credentials = new NTCredentialsWithEncryption("labadmin", "Lab-Pw-1", null, null);
            scheme.processChallenge(new BasicHeader("WWW-Authenticate", "Negotiate"));
            scheme.authenticate(credentials, new HttpPost("http://host:5985/wsman")); // the NEGOTIATE_MESSAGE
            scheme.processChallenge(new BasicHeader("WWW-Authenticate", "Negotiate " + Base64.getEncoder().encodeToString(challenge())));

            Header header = scheme.authenticate(credentials, new HttpPost("http://host:5985/wsman"));

            assertThat(header.getName()).isEqualTo("Authorization");
            assertThat(header.getValue()).startsWith("Negotiate ");
            byte[] message = Base64.getDecoder().decode(header.getValue().substring("Negotiate ".length()));
            assertThat(new String(message, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("NTLMSSP\0");
            assertThat(le(message).getInt(8)).as("AUTHENTICATE_MESSAGE").isEqualTo(3);
        }
    }

    @Test
    void aSealingSessionAsksForSigningSealingAndKeyExchangeAndAPlainOneDoesNot() throws Exception {
        assertThat(negotiateFlags(true) & (SIGN | SEAL | KEY_EXCHANGE)).isEqualTo(SIGN | SEAL | KEY_EXCHANGE);
        assertThat(negotiateFlags(false) & SEAL).isZero();
    }

    /** @return the flags of the NEGOTIATE_MESSAGE the scheme sends first, as WsmanClient primes it */
    private static int negotiateFlags(boolean seals) throws Exception {
        NegotiateNtlmScheme scheme = new NegotiateNtlmScheme(seals);
        scheme.processChallenge(new BasicHeader("WWW-Authenticate", "Negotiate"));
        Header header = scheme.authenticate(new NTCredentialsWithEncryption("labadmin", "Lab-Pw-1", null, null),
                new HttpPost("http://host:5985/wsman"));
        byte[] message = Base64.getDecoder().decode(header.getValue().substring("Negotiate ".length()));
        assertThat(le(message).getInt(8)).as("NEGOTIATE_MESSAGE").isEqualTo(1);
        return le(message).getInt(12);
    }

    /** A CHALLENGE_MESSAGE as a workgroup server sends it ([MS-NLMP] 2.2.1.2): NTLMv2, sealing, a timestamp. */
    private static byte[] challenge() {
        byte[] name = "HOST".getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer info = le(ByteBuffer.allocate(64));
        info.putShort((short) 2).putShort((short) name.length).put(name); // MsvAvNbDomainName
        info.putShort((short) 1).putShort((short) name.length).put(name); // MsvAvNbComputerName
        info.putShort((short) 7).putShort((short) 8).putLong((System.currentTimeMillis() + 11_644_473_600_000L) * 10_000L);
        info.putShort((short) 0).putShort((short) 0);
        int infoLength = info.position();
        int flags = 0x00000001 | 0x00000004 | SIGN | SEAL | 0x00000200 | 0x00008000 | 0x00020000 | 0x00080000 | 0x00800000
                | 0x20000000 | KEY_EXCHANGE | 0x80000000;
        ByteBuffer out = le(ByteBuffer.allocate(48 + name.length + infoLength));
        out.put("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII)).putInt(2);
        out.putShort((short) name.length).putShort((short) name.length).putInt(48);
        out.putInt(flags).put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).putLong(0);
        out.putShort((short) infoLength).putShort((short) infoLength).putInt(48 + name.length);
        out.put(name).put(info.array(), 0, infoLength);
        return out.array();
    }

    private static ByteBuffer le(byte[] bytes) {
        return le(ByteBuffer.wrap(bytes));
    }

    private static ByteBuffer le(ByteBuffer buffer) {
        return buffer.order(ByteOrder.LITTLE_ENDIAN);
    }
}
