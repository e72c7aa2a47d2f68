package io.jenkins.plugins.dcom.transport.rrp;

import ndr.NdrObject;
import ndr.NetworkDataRepresentation;

/**
 * [MS-RRP] BaseRegSetValue (opnum 22), sending the bytes as given, so that a value is written, or restored from a
 * backup, exactly:
 *
 * <pre>
 * [in] RPC_HKEY hKey;
 * [in] PRRP_UNICODE_STRING lpValueName;
 * [in] DWORD dwType;
 * [in, size_is(cbData)] LPBYTE lpData;
 * [in] DWORD cbData;
 * </pre>
 * The answer is a WERROR.
 */
final class SetValueCall extends NdrObject {
    static final int OPNUM = 22;

    private final byte[] handle;
    private final String name;
    private final int type;
    private final byte[] data;
    private int status = -1;

    SetValueCall(byte[] handle, String name, int type, byte[] data) {
        this.handle = handle.clone();
        this.name = name;
        this.type = type;
        this.data = data.clone();
    }

    @Override
    public int getOpnum() {
        return OPNUM;
    }

    @Override
    public void write(NetworkDataRepresentation ndr) {
        RegistryCalls.writeHandle(ndr, handle);
        RegistryCalls.writeValueName(ndr, name);
        ndr.writeUnsignedLong(type);
        ndr.writeUnsignedLong(data.length); // conformant: maximum count
        ndr.writeOctetArray(data, 0, data.length);
        ndr.getBuffer().align(4);
        ndr.writeUnsignedLong(data.length);
    }

    @Override
    public void read(NetworkDataRepresentation ndr) {
        status = ndr.readUnsignedLong();
    }

    /** @return the WERROR answered (0 = written), or -1 before an answer */
    int getStatus() {
        return status;
    }
}
