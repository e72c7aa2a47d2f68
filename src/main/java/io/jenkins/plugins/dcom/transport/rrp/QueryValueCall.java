package io.jenkins.plugins.dcom.transport.rrp;

import ndr.NdrBuffer;
import ndr.NdrObject;
import ndr.NetworkDataRepresentation;

/**
 * [MS-RRP] BaseRegQueryValue (opnum 17), returning the value's type and its bytes untouched (j-Interop's own call
 * keeps only the low byte of each UTF-16 unit and fails on some shapes):
 *
 * <pre>
 * [in] RPC_HKEY hKey;
 * [in] PRRP_UNICODE_STRING lpValueName;
 * [in, out, unique] LPDWORD lpType;
 * [in, out, unique, size_is(lpcbData ? *lpcbData : 0), length_is(lpcbLen ? *lpcbLen : 0)] LPBYTE lpData;
 * [in, out, unique] LPDWORD lpcbData;
 * [in, out, unique] LPDWORD lpcbLen;
 * </pre>
 * The answer is read defensively: every count is checked against the bytes received before anything is copied,
 * so a malformed answer ends as {@link #isMalformed()}, never as an exception.
 */
final class QueryValueCall extends NdrObject {
    static final int OPNUM = 17;
    static final int ERROR_MORE_DATA = 234;
    private static final int REFERENT_TYPE = 0x00020004;
    private static final int REFERENT_DATA = 0x00020008;
    private static final int REFERENT_SIZE = 0x0002000C;
    private static final int REFERENT_LENGTH = 0x00020010;

    private final byte[] handle;
    private final String name;
    private final int bufferSize;
    private int type = -1;
    private byte[] data;
    private long neededSize = -1;
    private int status = -1;
    private boolean malformed;

    /**
     * @param handle     the open key's handle
     * @param name       the value's name
     * @param bufferSize how many bytes the server may return
     */
    QueryValueCall(byte[] handle, String name, int bufferSize) {
        this.handle = handle.clone();
        this.name = name;
        this.bufferSize = bufferSize;
    }

    @Override
    public int getOpnum() {
        return OPNUM;
    }

    @Override
    public void write(NetworkDataRepresentation ndr) {
        RegistryCalls.writeHandle(ndr, handle);
        RegistryCalls.writeValueName(ndr, name);
        ndr.writeUnsignedLong(REFERENT_TYPE);
        ndr.writeUnsignedLong(0);
        ndr.writeUnsignedLong(REFERENT_DATA);
        ndr.writeUnsignedLong(bufferSize); // conformant: maximum count
        ndr.writeUnsignedLong(0); // varying: offset
        ndr.writeUnsignedLong(0); // varying: actual count, nothing sent
        ndr.writeUnsignedLong(REFERENT_SIZE);
        ndr.writeUnsignedLong(bufferSize);
        ndr.writeUnsignedLong(REFERENT_LENGTH);
        ndr.writeUnsignedLong(0);
    }

    @Override
    public void read(NetworkDataRepresentation ndr) {
        NdrBuffer buffer = ndr.getBuffer();
        try {
            type = optionalLong(ndr);
            data = optionalBytes(ndr, buffer);
            neededSize = Integer.toUnsignedLong(optionalLong(ndr));
            optionalLong(ndr);
            status = ndr.readUnsignedLong();
        } catch (IndexOutOfBoundsException | MalformedAnswer e) {
            malformed = true;
        }
    }

    private static int optionalLong(NetworkDataRepresentation ndr) {
        return ndr.readUnsignedLong() == 0 ? -1 : ndr.readUnsignedLong();
    }

    private byte[] optionalBytes(NetworkDataRepresentation ndr, NdrBuffer buffer) throws MalformedAnswer {
        if (ndr.readUnsignedLong() == 0) {
            return null;
        }
        long maximum = Integer.toUnsignedLong(ndr.readUnsignedLong());
        long offset = Integer.toUnsignedLong(ndr.readUnsignedLong());
        long actual = Integer.toUnsignedLong(ndr.readUnsignedLong());
        long left = buffer.getBuffer().length - buffer.getIndex();
        if (offset != 0 || actual > maximum || actual > bufferSize || actual > left) {
            throw new MalformedAnswer();
        }
        byte[] bytes = new byte[(int) actual];
        ndr.readOctetArray(bytes, 0, bytes.length);
        buffer.align(4);
        return bytes;
    }

    /** @return the WERROR answered (0 = found), or -1 before an answer */
    int getStatus() {
        return status;
    }

    /** @return the type code, or -1 when the server sent none */
    int getType() {
        return type;
    }

    /** @return the bytes, or {@code null} when the server sent none */
    byte[] getData() {
        return data == null ? null : data.clone();
    }

    /** @return with {@link #ERROR_MORE_DATA}, the size the value needs; otherwise its size */
    long getNeededSize() {
        return neededSize;
    }

    /** @return whether the answer did not decode as a BaseRegQueryValue answer */
    boolean isMalformed() {
        return malformed;
    }

    private static final class MalformedAnswer extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
