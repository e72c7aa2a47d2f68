package io.jenkins.plugins.dcom.transport.winrm;

import io.cloudsoft.winrm4j.client.encryption.WinrmEncryptionUtils;
import io.cloudsoft.winrm4j.client.ntlm.NTCredentialsWithEncryption;
import io.cloudsoft.winrm4j.client.ntlm.NtlmKeys.NegotiateFlags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WinRM message encryption for an NTLM session over HTTP ([MS-WSMV] 2.2.9.1.1): the SOAP message sealed with the
 * session's client-to-server key and signed ([MS-NLMP] 3.4.4.2, extended session security), framed as
 * {@code multipart/encrypted}; answers unsealed with the server-to-client key and their signature and sequence number
 * checked. The keys and RC4 streams are the ones winrm4j-client's NTLM engine derived during the logon; the streams are
 * stateful, so messages go out and come back in order, one at a time.
 */
final class SealedMessages {
    static final String PROTOCOL = "application/HTTP-SPNEGO-session-encrypted";
    static final String CONTENT_TYPE = "multipart/encrypted;protocol=\"" + PROTOCOL + "\";boundary=\"Encrypted Boundary\"";
    private static final String BOUNDARY = "--Encrypted Boundary";
    private static final String OCTET_STREAM = "\tContent-Type: application/octet-stream\r\n";
    private static final Pattern LENGTH = Pattern.compile("Length=([0-9]{1,9})");
    private static final int SIGNATURE_LENGTH = 16;

    private final NTCredentialsWithEncryption session;

    /** @param session credentials whose logon has completed with sealing negotiated */
    SealedMessages(NTCredentialsWithEncryption session) throws IOException {
        if (!session.hasNegotiateFlag(NegotiateFlags.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY)
                || !session.hasNegotiateFlag(NegotiateFlags.NTLMSSP_NEGOTIATE_SEAL) || session.getClientSealingKey() == null) {
            throw new IOException("the host did not agree to NTLM sealing with extended session security, so WinRM "
                    + "messages cannot be encrypted");
        }
        this.session = session;
    }

    /** @return whether an answer's Content-Type says it is sealed */
    static boolean isSealed(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/encrypted")
                && contentType.contains(PROTOCOL);
    }

    /** @return the HTTP body carrying {@code message} sealed */
    synchronized byte[] seal(byte[] message) {
        long sequence = session.getSequenceNumberOutgoing().incrementAndGet();
        byte[] sealed = session.getStatefulEncryptor().update(message); // sealing runs first: the RC4 stream is shared
        byte[] signature = signature(session.getClientSigningKey(), sequence, message, session.getStatefulEncryptor()::update);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 256);
        write(out, BOUNDARY + "\r\n\tContent-Type: " + PROTOCOL + "\r\n\tOriginalContent: type=application/soap+xml;"
                + "charset=UTF-8;Length=" + message.length + "\r\n" + BOUNDARY + "\r\n" + OCTET_STREAM);
        out.write(le(SIGNATURE_LENGTH), 0, 4);
        out.write(signature, 0, signature.length);
        out.write(sealed, 0, sealed.length);
        write(out, BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    /**
     * @return the answer's SOAP message
     * @throws IOException when the framing, the announced length, the signature or the sequence number is wrong: the
     *                     answer was not sealed by this session's server, or was altered
     */
    synchronized byte[] unseal(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.ISO_8859_1); // one char per byte: offsets stay byte offsets
        int data = text.indexOf(OCTET_STREAM);
        int end = text.lastIndexOf(BOUNDARY + "--");
        Matcher length = LENGTH.matcher(text.substring(0, Math.max(data, 0)));
        int start = data + OCTET_STREAM.length();
        if (!text.startsWith(BOUNDARY) || data < 0 || end < start + 4 + SIGNATURE_LENGTH || !length.find()) {
            throw new IOException("the WinRM service's encrypted answer is not framed as multipart/encrypted");
        }
        ByteBuffer payload = ByteBuffer.wrap(body, start, end - start).order(ByteOrder.LITTLE_ENDIAN);
        if (payload.getInt() != SIGNATURE_LENGTH) {
            throw new IOException("the WinRM service's encrypted answer has no NTLM signature");
        }
        byte[] signature = new byte[SIGNATURE_LENGTH];
        payload.get(signature);
        byte[] sealed = new byte[payload.remaining()];
        payload.get(sealed);
        byte[] message = session.getStatefulDecryptor().update(sealed);
        long sequence = session.getSequenceNumberIncoming().incrementAndGet();
        byte[] expected = signature(session.getServerSigningKey(), sequence, message, session.getStatefulDecryptor()::update);
        if (!MessageDigest.isEqual(expected, signature) || message.length != Integer.parseInt(length.group(1))) {
            throw new IOException("the WinRM service's encrypted answer failed its NTLM signature check");
        }
        return message;
    }

    /** [MS-NLMP] 3.4.4.2: version 1, the first 8 bytes of HMAC_MD5(key, seq + message) (RC4'd with key exchange), seq. */
    private byte[] signature(byte[] signingKey, long sequence, byte[] message, java.util.function.UnaryOperator<byte[]> rc4) {
        byte[] seq = le((int) sequence);
        byte[] mac = WinrmEncryptionUtils.hmacMd5(signingKey, concat(seq, message));
        byte[] checksum = Arrays.copyOf(mac, 8);
        if (session.hasNegotiateFlag(NegotiateFlags.NTLMSSP_NEGOTIATE_KEY_EXCH)) {
            checksum = rc4.apply(checksum);
        }
        return ByteBuffer.allocate(SIGNATURE_LENGTH).order(ByteOrder.LITTLE_ENDIAN).putInt(1).put(checksum).put(seq).array();
    }

    private static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes, 0, bytes.length);
    }
}
