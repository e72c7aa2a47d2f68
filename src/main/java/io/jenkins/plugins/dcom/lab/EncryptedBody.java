package io.jenkins.plugins.dcom.lab;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SOAP message sealed for WinRM over HTTP ([MS-WSMV] 2.2.9.1.1): a {@code multipart/encrypted} body whose first part
 * names the original type and length, and whose second part holds the header's length, the header (an NTLM signature,
 * or a Kerberos token header) and the sealed message, as Windows frames it for Negotiate (NTLM or Kerberos) sessions.
 */
final class EncryptedBody {
    static final String PROTOCOL = "application/HTTP-SPNEGO-session-encrypted";
    static final String CONTENT_TYPE = "multipart/encrypted;protocol=\"" + PROTOCOL + "\";boundary=\"Encrypted Boundary\"";
    private static final String BOUNDARY = "--Encrypted Boundary";
    private static final String OCTET_STREAM = "\tContent-Type: application/octet-stream\r\n";
    private static final Pattern LENGTH = Pattern.compile("Length=([0-9]{1,9})");
    private static final int MAX_HEADER = 1024;

    private EncryptedBody() {
    }

    /** @return whether a request's Content-Type says its body is sealed */
    static boolean isEncrypted(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/encrypted")
                && contentType.contains(PROTOCOL);
    }

    /**
     * @return the message inside, unsealed and checked
     * @throws IllegalArgumentException when the framing, the length or the signature is wrong
     */
    static byte[] open(byte[] body, ServerCipher sealing) {
        String text = new String(body, StandardCharsets.ISO_8859_1); // one char per byte: offsets stay byte offsets
        int data = text.indexOf(OCTET_STREAM);
        int end = text.lastIndexOf(BOUNDARY + "--");
        Matcher length = LENGTH.matcher(text.substring(0, Math.max(data, 0)));
        if (!text.startsWith(BOUNDARY) || data < 0 || end < data || !length.find()) {
            throw new IllegalArgumentException("not a multipart/encrypted WinRM message");
        }
        ByteBuffer payload = ByteBuffer.wrap(body, data + OCTET_STREAM.length(), end - data - OCTET_STREAM.length())
                .order(ByteOrder.LITTLE_ENDIAN);
        int signatureLength = payload.getInt();
        if (signatureLength <= 0 || signatureLength > Math.min(MAX_HEADER, payload.remaining())) {
            throw new IllegalArgumentException("the sealed part has no header of the length it announces");
        }
        byte[] signature = new byte[signatureLength];
        payload.get(signature);
        byte[] sealed = new byte[payload.remaining()];
        payload.get(sealed);
        byte[] message = sealing.unseal(signature, sealed);
        if (message.length != Integer.parseInt(length.group(1))) {
            throw new IllegalArgumentException("the sealed message's length is not the one announced");
        }
        return message;
    }

    /** @return the body that carries {@code message} sealed for the client */
    static byte[] close(byte[] message, ServerCipher sealing) {
        byte[][] sealed = sealing.seal(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 256);
        write(out, BOUNDARY + "\r\n\tContent-Type: " + PROTOCOL + "\r\n\tOriginalContent: type=application/soap+xml;"
                + "charset=UTF-8;Length=" + message.length + "\r\n" + BOUNDARY + "\r\n" + OCTET_STREAM);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(sealed[0].length).array(), 0, 4);
        out.write(sealed[0], 0, sealed[0].length);
        out.write(sealed[1], 0, sealed[1].length);
        write(out, BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes, 0, bytes.length);
    }
}
