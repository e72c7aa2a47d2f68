package io.jenkins.plugins.dcom.transport.winrm;

import io.cloudsoft.winrm4j.client.encryption.WinrmEncryptionUtils;
import io.cloudsoft.winrm4j.client.ntlm.NTCredentialsWithEncryption;
import io.cloudsoft.winrm4j.client.ntlm.NtlmKeys.NegotiateFlags;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * NTLM message security with extended session security ([MS-NLMP] 3.4.3, 3.4.4.2): a message sealed with the
 * client-to-server key and signed; an answer unsealed with the server-to-client key, its signature and sequence number
 * checked. The keys and RC4 streams are the ones winrm4j-client's NTLM engine derived during the logon.
 */
final class NtlmCipher implements MessageCipher {
    private static final int SIGNATURE_LENGTH = 16;

    private final NTCredentialsWithEncryption session;

    /**
     * @param session credentials whose logon has completed
     * @throws IOException when the logon did not agree to sealing with extended session security
     */
    NtlmCipher(NTCredentialsWithEncryption session) throws IOException {
        if (!session.hasNegotiateFlag(NegotiateFlags.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY)
                || !session.hasNegotiateFlag(NegotiateFlags.NTLMSSP_NEGOTIATE_SEAL) || session.getClientSealingKey() == null) {
            throw new IOException("the host did not agree to NTLM sealing with extended session security, so WinRM "
                    + "messages cannot be encrypted");
        }
        this.session = session;
    }

    @Override
    public synchronized byte[][] wrap(byte[] message) {
        long sequence = session.getSequenceNumberOutgoing().incrementAndGet();
        byte[] sealed = session.getStatefulEncryptor().update(message); // sealing runs first: the RC4 stream is shared
        byte[] signature = signature(session.getClientSigningKey(), sequence, message, session.getStatefulEncryptor()::update);
        return new byte[][] {signature, sealed};
    }

    @Override
    public synchronized byte[] unwrap(byte[] header, byte[] data) throws IOException {
        if (header.length != SIGNATURE_LENGTH) {
            throw new IOException("the WinRM service's encrypted answer has no NTLM signature");
        }
        byte[] message = session.getStatefulDecryptor().update(data);
        long sequence = session.getSequenceNumberIncoming().incrementAndGet();
        byte[] expected = signature(session.getServerSigningKey(), sequence, message, session.getStatefulDecryptor()::update);
        if (!MessageDigest.isEqual(expected, header)) {
            throw new IOException("the WinRM service's encrypted answer failed its NTLM signature check");
        }
        return message;
    }

    /** [MS-NLMP] 3.4.4.2: version 1, the first 8 bytes of HMAC_MD5(key, seq + message) (RC4'd with key exchange), seq. */
    private byte[] signature(byte[] signingKey, long sequence, byte[] message, UnaryOperator<byte[]> rc4) {
        byte[] seq = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) sequence).array();
        byte[] signed = Arrays.copyOf(seq, seq.length + message.length);
        System.arraycopy(message, 0, signed, seq.length, message.length);
        byte[] checksum = Arrays.copyOf(WinrmEncryptionUtils.hmacMd5(signingKey, signed), 8);
        if (session.hasNegotiateFlag(NegotiateFlags.NTLMSSP_NEGOTIATE_KEY_EXCH)) {
            checksum = rc4.apply(checksum);
        }
        return ByteBuffer.allocate(SIGNATURE_LENGTH).order(ByteOrder.LITTLE_ENDIAN).putInt(1).put(checksum).put(seq).array();
    }
}
