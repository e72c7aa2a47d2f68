package io.jenkins.plugins.dcom.transport.winrm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WinRM message encryption over HTTP ([MS-WSMV] 2.2.9.1.1): the SOAP message wrapped by the session's
 * {@link MessageCipher} (NTLM or Kerberos) and framed as {@code multipart/encrypted} with the protocol
 * {@code application/HTTP-SPNEGO-session-encrypted}, as pywinrm frames both; an answer's frame, announced length and
 * cipher check are verified before a byte of it is believed.
 */
final class SealedMessages {
    static final String PROTOCOL = "application/HTTP-SPNEGO-session-encrypted";
    static final String CONTENT_TYPE = "multipart/encrypted;protocol=\"" + PROTOCOL + "\";boundary=\"Encrypted Boundary\"";
    private static final String BOUNDARY = "--Encrypted Boundary";
    private static final String OCTET_STREAM = "\tContent-Type: application/octet-stream\r\n";
    private static final Pattern LENGTH = Pattern.compile("Length=([0-9]{1,9})");
    /** Far above any header a cipher makes (NTLM 16 bytes, Kerberos AES 60). */
    private static final int MAX_HEADER = 1024;

    private final MessageCipher cipher;

    SealedMessages(MessageCipher cipher) {
        this.cipher = cipher;
    }

    /** @return whether an answer's Content-Type says it is sealed */
    static boolean isSealed(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/encrypted")
                && contentType.contains(PROTOCOL);
    }

    /** @return the HTTP body carrying {@code message} encrypted */
    synchronized byte[] seal(byte[] message) throws IOException {
        byte[][] wrapped = cipher.wrap(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 256);
        write(out, BOUNDARY + "\r\n\tContent-Type: " + PROTOCOL + "\r\n\tOriginalContent: type=application/soap+xml;"
                + "charset=UTF-8;Length=" + message.length + "\r\n" + BOUNDARY + "\r\n" + OCTET_STREAM);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(wrapped[0].length).array(), 0, 4);
        out.write(wrapped[0], 0, wrapped[0].length);
        out.write(wrapped[1], 0, wrapped[1].length);
        write(out, BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    /**
     * @return the answer's SOAP message
     * @throws IOException when the framing, the announced length or the cipher's check is wrong: the answer was not
     *                     encrypted by this session's server, or was altered
     */
    synchronized byte[] unseal(byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.ISO_8859_1); // one char per byte: offsets stay byte offsets
        int data = text.indexOf(OCTET_STREAM);
        int end = text.lastIndexOf(BOUNDARY + "--");
        Matcher length = LENGTH.matcher(text.substring(0, Math.max(data, 0)));
        int start = data + OCTET_STREAM.length();
        if (!text.startsWith(BOUNDARY) || data < 0 || end < start + 4 || !length.find()) {
            throw new IOException("the WinRM service's encrypted answer is not framed as multipart/encrypted");
        }
        ByteBuffer payload = ByteBuffer.wrap(body, start, end - start).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = payload.getInt();
        if (headerLength < 0 || headerLength > Math.min(MAX_HEADER, payload.remaining())) {
            throw new IOException("the WinRM service's encrypted answer announces a header of " + headerLength
                    + " bytes in " + payload.remaining());
        }
        byte[] header = new byte[headerLength];
        payload.get(header);
        byte[] sealed = new byte[payload.remaining()];
        payload.get(sealed);
        byte[] message = cipher.unwrap(header, sealed);
        if (message.length != Integer.parseInt(length.group(1))) {
            throw new IOException("the WinRM service's encrypted answer is not as long as it announced");
        }
        return message;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes, 0, bytes.length);
    }
}
