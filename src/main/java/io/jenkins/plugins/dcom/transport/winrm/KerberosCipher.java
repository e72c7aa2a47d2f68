package io.jenkins.plugins.dcom.transport.winrm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.MessageProp;

/**
 * Kerberos message security for WinRM over HTTP, as Windows' SSPI lays it out: an RFC 4121 wrap token with
 * confidentiality, its checksum trailer rotated to the front (RRC, "right rotation count"), split into a header (the
 * 16-byte token header, the rotated trailer and the encrypted confounder) and data exactly as long as the message.
 * That is what MIT's {@code gss_wrap_iov} with a header and no trailer buffer makes (pywinrm's Kerberos encryption
 * uses it against Windows), and what it insists on reading. The JDK's GSS wraps without rotation and unwraps any
 * rotation, so this class rotates on the way out only. AES enctypes only: the JDK refuses RC4 since 17.
 */
final class KerberosCipher implements MessageCipher {
    private static final int TOKEN_HEADER = 16;
    /** The AES confounder: one cipher block, encrypted before the message. */
    private static final int CONFOUNDER = 16;

    private final GSSContext context;

    /**
     * @param context an established context with mutual authentication, confidentiality and sequence checks
     * @throws IOException when the context cannot protect messages so
     */
    KerberosCipher(GSSContext context) throws IOException {
        if (!context.isEstablished() || !context.getConfState() || !context.getMutualAuthState()) {
            throw new IOException("the Kerberos logon did not agree to mutual authentication with encryption, so WinRM "
                    + "messages cannot be encrypted");
        }
        this.context = context;
    }

    @Override
    public synchronized byte[][] wrap(byte[] message) throws IOException {
        MessageProp privacy = new MessageProp(0, true);
        byte[] token;
        try {
            token = context.wrap(message, 0, message.length, privacy);
        } catch (GSSException e) {
            throw new IOException("Kerberos could not encrypt the message (GSS major code " + e.getMajor() + ")", e);
        }
        int body = token.length - TOKEN_HEADER;
        int trailer = body - CONFOUNDER - message.length;
        if (!privacy.getPrivacy() || !isWrapToken(token) || trailer <= 0 || ec(token) != 0 || rrc(token) != 0) {
            throw new IOException("the JDK's Kerberos wrap token is not the AES layout WinRM message encryption takes");
        }
        byte[] rotated = Arrays.copyOf(token, token.length);
        ByteBuffer.wrap(rotated).putShort(6, (short) trailer);
        System.arraycopy(token, token.length - trailer, rotated, TOKEN_HEADER, trailer);
        System.arraycopy(token, TOKEN_HEADER, rotated, TOKEN_HEADER + trailer, body - trailer);
        int header = TOKEN_HEADER + trailer + CONFOUNDER;
        return new byte[][] {Arrays.copyOf(rotated, header), Arrays.copyOfRange(rotated, header, rotated.length)};
    }

    @Override
    public synchronized byte[] unwrap(byte[] header, byte[] data) throws IOException {
        byte[] token = Arrays.copyOf(header, header.length + data.length);
        System.arraycopy(data, 0, token, header.length, data.length);
        if (!isWrapToken(token)) {
            throw new IOException("the WinRM service's encrypted answer holds no Kerberos wrap token");
        }
        MessageProp received = new MessageProp(0, false);
        byte[] message;
        try {
            message = context.unwrap(token, 0, token.length, received);
        } catch (GSSException e) {
            throw new IOException("the WinRM service's encrypted answer failed its Kerberos check (GSS major code "
                    + e.getMajor() + ")", e);
        }
        if (!received.getPrivacy() || received.isDuplicateToken() || received.isOldToken() || received.isUnseqToken()
                || received.isGapToken()) {
            throw new IOException("the WinRM service's answer was not encrypted, or came out of sequence (a replay)");
        }
        return message;
    }

    /** RFC 4121 4.2.6.2: TOK_ID 05 04, and at least a token header. */
    private static boolean isWrapToken(byte[] token) {
        return token.length > TOKEN_HEADER && token[0] == 0x05 && token[1] == 0x04;
    }

    private static int ec(byte[] token) {
        return ByteBuffer.wrap(token).getShort(4) & 0xFFFF;
    }

    private static int rrc(byte[] token) {
        return ByteBuffer.wrap(token).getShort(6) & 0xFFFF;
    }
}
