package io.jenkins.plugins.dcom.lab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * The server's half of one NTLM session's message security with extended session security ([MS-NLMP] 3.4.3,
 * 3.4.4.2, 3.4.5): the client's messages are unsealed with the client-to-server keys and their signatures checked in
 * sequence; the server's answers are sealed with the server-to-client keys. One RC4 stream per direction, kept for the
 * whole session, so messages must be handled in the order they were sealed.
 */
final class NtlmServerCipher implements ServerCipher {
    /** The length of a message signature: version, checksum, sequence number. */
    static final int SIGNATURE_LENGTH = 16;
    private final boolean canSeal;
    private final boolean keyExchange;
    private final byte[] clientSign;
    private final byte[] serverSign;
    private final Cipher clientSeal;
    private final Cipher serverSeal;
    private int incoming;
    private int outgoing;

    NtlmServerCipher(byte[] sessionKey, int flags) {
        canSeal = (flags & NtlmAcceptor.EXTENDED_SESSIONSECURITY) != 0 && (flags & NtlmAcceptor.NEGOTIATE_SEAL) != 0;
        keyExchange = (flags & NtlmAcceptor.NEGOTIATE_KEY_EXCH) != 0;
        byte[] sealBase = (flags & NtlmAcceptor.NEGOTIATE_128) != 0 ? sessionKey
                : Arrays.copyOf(sessionKey, (flags & NtlmAcceptor.NEGOTIATE_56) != 0 ? 7 : 5);
        clientSign = NtlmCrypto.md5(sessionKey, magic("client-to-server signing"));
        serverSign = NtlmCrypto.md5(sessionKey, magic("server-to-client signing"));
        clientSeal = NtlmCrypto.rc4Stream(NtlmCrypto.md5(sealBase, magic("client-to-server sealing")));
        serverSeal = NtlmCrypto.rc4Stream(NtlmCrypto.md5(sealBase, magic("server-to-client sealing")));
    }

    private static byte[] magic(String direction) {
        return ("session key to " + direction + " key magic constant\0").getBytes(StandardCharsets.US_ASCII);
    }

    /** @return whether the client negotiated sealing with extended session security, so messages can be encrypted */
    @Override
    public boolean canSeal() {
        return canSeal;
    }

    /**
     * @return the client's message
     * @throws IllegalArgumentException when the signature's checksum or sequence number is not the expected one: the
     *                                  message was altered, replayed or sealed with other keys
     */
    @Override
    public synchronized byte[] unseal(byte[] signature, byte[] sealed) {
        if (!canSeal || signature.length != SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("not a sealed NTLM message of this session");
        }
        byte[] message = clientSeal.update(sealed);
        byte[] expected = signature(clientSign, clientSeal, incoming, message);
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new IllegalArgumentException("the message's NTLM signature does not verify");
        }
        incoming++;
        return message;
    }

    /** @return the signature and then the sealed message, as {@code [signature, sealed]} */
    @Override
    public synchronized byte[][] seal(byte[] message) {
        byte[] sealed = serverSeal.update(message);
        byte[] signature = signature(serverSign, serverSeal, outgoing++, message);
        return new byte[][] {signature, sealed};
    }

    private byte[] signature(byte[] signKey, Cipher seal, int sequence, byte[] message) {
        byte[] seq = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(sequence).array();
        byte[] checksum = Arrays.copyOf(NtlmCrypto.hmacMd5(signKey, NtlmCrypto.concat(seq, message)), 8);
        if (keyExchange) {
            checksum = seal.update(checksum);
        }
        return ByteBuffer.allocate(SIGNATURE_LENGTH).order(ByteOrder.LITTLE_ENDIAN).putInt(1).put(checksum).put(seq).array();
    }
}
