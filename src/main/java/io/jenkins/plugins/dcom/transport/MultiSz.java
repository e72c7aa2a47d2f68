package io.jenkins.plugins.dcom.transport;

import io.jenkins.plugins.dcom.text.UntrustedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one REG_MULTI_SZ codec of both transports, following the registry's rules: the data is UTF-16LE code
 * units; entries are separated by NUL; a well-formed value ends with an empty entry (two NULs), but Windows also
 * accepts data ending in a single NUL or in none, so the final terminator is optional and never costs an entry.
 * An empty entry in the middle is kept (Windows stops reading there, which the policy reports), never dropped.
 *
 * <p>Decoding is total: any bytes give either the exact entries or a classified {@link TransportException}.
 * Sizes are bounded so that a hostile value cannot exhaust memory.
 */
public final class MultiSz {
    /** Largest value read or written, in bytes. A full DCOM protocol list is under 400 bytes. */
    public static final int MAX_BYTES = 64 * 1024;
    /** Most entries accepted. Windows knows 13 protocol sequences. */
    public static final int MAX_ENTRIES = 256;

    private MultiSz() {
    }

    /**
     * @param host  for messages
     * @param value the value as read
     * @return the entries, first first; empty for an empty value
     * @throws TransportException {@link FailureKind#WRONG_TYPE} for any type but REG_MULTI_SZ,
     *                            {@link FailureKind#MALFORMED_VALUE} for data that is no list of strings or too large
     */
    public static List<String> decode(String host, RegistryValue value) throws TransportException {
        if (value.getType() != RegistryValue.REG_MULTI_SZ) {
            throw new TransportException(FailureKind.WRONG_TYPE, host,
                    "DCOM Protocols is " + value.getTypeName() + " (" + value.size() + " bytes), not REG_MULTI_SZ");
        }
        if (value.size() > MAX_BYTES) {
            throw malformed(host, "holds " + value.size() + " bytes, more than the " + MAX_BYTES + " this tool reads");
        }
        if (value.size() % 2 != 0) {
            throw malformed(host, "holds " + value.size() + " bytes, an odd count, so it is not UTF-16 text");
        }
        return split(host, units(value.getData()));
    }

    private static String units(byte[] data) {
        char[] chars = new char[data.length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((data[2 * i] & 0xFF) | (data[2 * i + 1] & 0xFF) << 8);
        }
        return new String(chars);
    }

    private static List<String> split(String host, String text) throws TransportException {
        String body = text.endsWith("\0\0") ? text.substring(0, text.length() - 2)
                : text.endsWith("\0") ? text.substring(0, text.length() - 1) : text;
        if (body.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> entries = new ArrayList<>();
        int start = 0;
        for (int nul = body.indexOf('\0'); ; nul = body.indexOf('\0', start)) {
            entries.add(nul < 0 ? body.substring(start) : body.substring(start, nul));
            if (entries.size() > MAX_ENTRIES) {
                throw malformed(host, "holds more than " + MAX_ENTRIES + " entries");
            }
            if (nul < 0) {
                return entries;
            }
            start = nul + 1;
        }
    }

    /**
     * @return the canonical REG_MULTI_SZ bytes: each entry in UTF-16LE followed by a NUL, then one more NUL. An
     *         empty entry is kept (decoding gives it back), except that a list of one empty entry reads as empty
     * @throws IllegalArgumentException for an entry that holds a NUL, which no REG_MULTI_SZ can carry
     */
    public static byte[] encode(List<String> entries) {
        StringBuilder text = new StringBuilder();
        for (String entry : entries) {
            if (entry.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("entry '" + UntrustedText.clip(UntrustedText.entry(entry), UntrustedText.ENTRY_SHOWN)
                        + "' cannot be stored in a REG_MULTI_SZ: it holds a NUL");
            }
            text.append(entry).append('\0');
        }
        text.append('\0');
        byte[] bytes = new byte[text.length() * 2];
        for (int i = 0; i < text.length(); i++) {
            bytes[2 * i] = (byte) text.charAt(i);
            bytes[2 * i + 1] = (byte) (text.charAt(i) >> 8);
        }
        return bytes;
    }

    private static TransportException malformed(String host, String detail) {
        return new TransportException(FailureKind.MALFORMED_VALUE, host, "DCOM Protocols " + detail);
    }
}
