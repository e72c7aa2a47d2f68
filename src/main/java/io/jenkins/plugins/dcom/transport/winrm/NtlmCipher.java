package io.jenkins.plugins.dcom.transport.winrm;

import io.cloudsoft.winrm4j.client.ntlm.NTCredentialsWithEncryption;
import io.cloudsoft.winrm4j.client.ntlm.NtlmKeys.NegotiateFlags;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NTLM message security with extended session security ([MS-NLMP] 3.4.3, 3.4.4.2): a message sealed with the
 * client-to-server key and signed; an answer unsealed with the server-to-client key, its signature and sequence number
 * checked. The keys and RC4 streams are the ones winrm4j-client's NTLM engine derived during the logon.
 */
final class NtlmCipher implements MessageCipher {
    private static final int SIGNATURE_LENGTH = 16;
    private static final String HMAC_MD5 = "HmacMD5";

    private final NTCredentialsWithEncryption session;
    /** HMAC_MD5 keyed once per direction for the session, not looked up and keyed again for each message. */
    private final Mac clientSigner;
    private final Mac serverSigner;

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
        this.clientSigner = hmacMd5(session.getClientSigningKey());
        this.serverSigner = hmacMd5(session.getServerSigningKey());
    }

    private static Mac hmacMd5(byte[] key) throws IOException {
        try {
            Mac mac = Mac.getInstance(HMAC_MD5);
            mac.init(new SecretKeySpec(key, HMAC_MD5));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IOException("this Java has no HMAC-MD5 for NTLM message signatures", e);
        }
    }

    @Override
    public synchronized byte[][] wrap(byte[] message) {
        long sequence = session.getSequenceNumberOutgoing().incrementAndGet();
        byte[] sealed = session.getStatefulEncryptor().update(message); // sealing runs first: the RC4 stream is shared
        byte[] signature = signature(clientSigner, sequence, message, session.getStatefulEncryptor()::update);
        return new byte[][] {signature, sealed};
    }

    @Override
    public synchronized byte[] unwrap(byte[] header, byte[] data) throws IOException {
        if (header.length != SIGNATURE_LENGTH) {
            throw new IOException("the WinRM service's encrypted answer has no NTLM signature");
        }
        byte[] message = session.getStatefulDecryptor().update(data);
        long sequence = session.getSequenceNumberIncoming().incrementAndGet();
        byte[] expected = signature(serverSigner, sequence, message, session.getStatefulDecryptor()::update);
        if (!MessageDigest.isEqual(expected, header)) {
            throw new IOException("the WinRM service's encrypted answer failed its NTLM signature check");
        }
        return message;
    }

    /** [MS-NLMP] 3.4.4.2: version 1, the first 8 bytes of HMAC_MD5(key, seq + message) (RC4'd with key exchange), seq. */
    private byte[] signature(Mac signer, long sequence, byte[] message, UnaryOperator<byte[]> rc4) {
        byte[] seq = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) sequence).array();
        signer.update(seq);
        byte[] checksum = Arrays.copyOf(signer.doFinal(message), 8); // doFinal resets the Mac to its key
        if (session.hasNegotiateFlag(NegotiateFlags.NTLMSSP_NEGOTIATE_KEY_EXCH)) {
            checksum = rc4.apply(checksum);
        }
        return ByteBuffer.allocate(SIGNATURE_LENGTH).order(ByteOrder.LITTLE_ENDIAN).putInt(1).put(checksum).put(seq).array();
    }
}
