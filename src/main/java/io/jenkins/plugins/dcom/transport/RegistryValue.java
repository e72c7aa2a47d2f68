package io.jenkins.plugins.dcom.transport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A registry value as a host holds it: its type code and its bytes. Read from the host, it is untrusted data; it is
 * decoded only by {@link MultiSz}, the one codec both transports share, and kept whole in backups so that rollback
 * can restore exactly what was there.
 *
 * <p>{@link #isExact()} says whether the bytes are the host's own (the registry RPC reads them) or were rebuilt
 * from the text {@code reg.exe} printed (WinRM): such a rebuilt value has the same entries, but always ends with
 * the canonical double NUL, whatever terminator the host had.
 */
public final class RegistryValue {
    /** REG_SZ. */
    public static final int REG_SZ = 1;
    /** REG_MULTI_SZ. */
    public static final int REG_MULTI_SZ = 7;

    private static final String[] TYPE_NAMES = {"REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD",
        "REG_DWORD_BIG_ENDIAN", "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTOR",
        "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD"};

    private final int type;
    private final byte[] data;
    private final boolean exact;

    /**
     * @param type  the registry type code
     * @param data  the bytes, copied
     * @param exact whether these are the host's own bytes
     */
    public RegistryValue(int type, byte[] data, boolean exact) {
        this.type = type;
        this.data = data.clone();
        this.exact = exact;
    }

    /** @return a REG_MULTI_SZ holding the entries in the canonical layout (each entry NUL-terminated, then a NUL) */
    public static RegistryValue multiSz(List<String> entries) {
        return new RegistryValue(REG_MULTI_SZ, MultiSz.encode(entries), true);
    }

    /** @return the name {@code reg.exe} prints for a type code, e.g. {@code REG_MULTI_SZ}, or {@code type N} */
    public static String typeName(int type) {
        return type >= 0 && type < TYPE_NAMES.length ? TYPE_NAMES[type] : "type " + Integer.toUnsignedString(type);
    }

    public int getType() {
        return type;
    }

    public String getTypeName() {
        return typeName(type);
    }

    /** @return a copy of the bytes */
    public byte[] getData() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    public boolean isExact() {
        return exact;
    }

    /** REG_DWORD. */
    public static final int REG_DWORD = 4;

    /** @return a REG_SZ's (or REG_EXPAND_SZ's) text up to its first NUL, or {@code null} for other types */
    public String text() {
        if (type != REG_SZ && type != 2) {
            return null;
        }
        String text = new String(data, StandardCharsets.UTF_16LE);
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }

    /** @return a REG_DWORD's number (little-endian), or {@code null} for other types or sizes */
    public Long dword() {
        if (type != REG_DWORD || data.length != 4) {
            return null;
        }
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
    }

    /** @return the bytes in Base64, as backups keep them */
    public String base64() {
        return Base64.getEncoder().encodeToString(data);
    }

    /**
     * Decodes the protocol list.
     *
     * @param host for messages
     * @throws TransportException {@link FailureKind#WRONG_TYPE} or {@link FailureKind#MALFORMED_VALUE}
     */
    public List<String> protocols(String host) throws TransportException {
        return MultiSz.decode(host, this);
    }

    /** Same type and bytes; exactness is how they were obtained, not what they are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RegistryValue && type == ((RegistryValue) other).type
                && Arrays.equals(data, ((RegistryValue) other).data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return getTypeName() + ", " + data.length + " bytes";
    }
}
