package io.jenkins.plugins.dcom.lab;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.MessageProp;

/**
 * The server's half of a Kerberos session's WinRM message encryption, laid out as Windows' SSPI lays it out
 * ([MS-KILE] 3.4.5.4.1 with RFC 4121 wrap tokens): the token's trailer (encrypted header copy and checksum) rotated to
 * the front by RRC, the header part ending after the encrypted confounder, the data part exactly as long as the
 * message. MIT's {@code gss_unwrap_iov} with a header and a data buffer (pywinrm's way) reads only this layout, so it
 * judges the lab's answers; and the lab reads requests only in this layout too (the header ends after the rotated
 * trailer and the confounder, EC 0), as SSPI's DecryptMessage takes them, so a client's layout is checked here.
 */
final class KerberosServerCipher implements ServerCipher {
    private static final int TOKEN_HEADER = 16;
    private static final int CONFOUNDER = 16;

    private final GSSContext context;

    KerberosServerCipher(GSSContext context) {
        this.context = context;
    }

    @Override
    public boolean canSeal() {
        return context.getConfState();
    }

    @Override
    public synchronized byte[] unseal(byte[] header, byte[] data) {
        ByteBuffer fields = ByteBuffer.wrap(header);
        if (header.length <= TOKEN_HEADER + CONFOUNDER || header[0] != 0x05 || header[1] != 0x04 || fields.getShort(4) != 0
                || fields.getShort(6) != header.length - TOKEN_HEADER - CONFOUNDER) {
            throw new IllegalArgumentException("the header is not an RFC 4121 wrap token in SSPI's layout");
        }
        byte[] token = Arrays.copyOf(header, header.length + data.length);
        System.arraycopy(data, 0, token, header.length, data.length);
        MessageProp received = new MessageProp(0, false);
        try {
            byte[] message = context.unwrap(token, 0, token.length, received);
            if (!received.getPrivacy() || received.isDuplicateToken() || received.isOldToken() || received.isUnseqToken()) {
                throw new IllegalArgumentException("the message was not encrypted, or was replayed");
            }
            return message;
        } catch (GSSException e) {
            throw new IllegalArgumentException("the message's Kerberos wrap token does not verify", e);
        }
    }

    @Override
    public synchronized byte[][] seal(byte[] message) {
        byte[] token;
        try {
            token = context.wrap(message, 0, message.length, new MessageProp(0, true));
        } catch (GSSException e) {
            throw new IllegalStateException("the lab could not wrap its answer", e);
        }
        int body = token.length - TOKEN_HEADER;
        int trailer = body - CONFOUNDER - message.length;
        byte[] rotated = Arrays.copyOf(token, token.length);
        ByteBuffer.wrap(rotated).putShort(6, (short) trailer);
        System.arraycopy(token, token.length - trailer, rotated, TOKEN_HEADER, trailer);
        System.arraycopy(token, TOKEN_HEADER, rotated, TOKEN_HEADER + trailer, body - trailer);
        int header = TOKEN_HEADER + trailer + CONFOUNDER;
        return new byte[][] {Arrays.copyOf(rotated, header), Arrays.copyOfRange(rotated, header, rotated.length)};
    }
}
