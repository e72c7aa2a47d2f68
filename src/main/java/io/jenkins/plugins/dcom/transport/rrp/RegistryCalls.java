package io.jenkins.plugins.dcom.transport.rrp;

import ndr.NetworkDataRepresentation;

/**
 * NDR pieces shared by the [MS-RRP] value calls: the key handle and the value name ({@code RRP_UNICODE_STRING},
 * whose Length counts the terminating NUL, as [MS-RRP] 2.2.4 asks for value names).
 */
final class RegistryCalls {
    static final int HANDLE_BYTES = 20;
    static final int REFERENT_NAME = 0x00020000;

    private RegistryCalls() {
    }

    static void writeHandle(NetworkDataRepresentation ndr, byte[] handle) {
        ndr.writeOctetArray(handle, 0, HANDLE_BYTES);
    }

    /** {@code [in] PRRP_UNICODE_STRING}: a top-level reference pointer, so the structure follows directly. */
    static void writeValueName(NetworkDataRepresentation ndr, String name) {
        int chars = name.length() + 1;
        ndr.writeUnsignedShort(chars * 2); // Length, bytes, with the NUL
        ndr.writeUnsignedShort(chars * 2); // MaximumLength
        ndr.writeUnsignedLong(REFERENT_NAME);
        ndr.writeUnsignedLong(chars); // conformant: maximum count
        ndr.writeUnsignedLong(0); // varying: offset
        ndr.writeUnsignedLong(chars); // varying: actual count
        for (int i = 0; i < name.length(); i++) {
            ndr.writeUnsignedShort(name.charAt(i));
        }
        ndr.writeUnsignedShort(0);
        ndr.getBuffer().align(4);
    }
}
