package io.jenkins.plugins.dcom.transport.rrp;

import java.nio.charset.StandardCharsets;
import ndr.NdrBuffer;
import ndr.NdrObject;
import ndr.NetworkDataRepresentation;

/**
 * [MS-RSP] BaseInitiateSystemShutdownEx (opnum 30) or BaseInitiateSystemShutdown (opnum 24) on the winreg pipe,
 * encoded with j-Interop's NDR classes (j-Interop has no call for them):
 *
 * <pre>
 * [in, unique] PREGISTRY_SERVER_NAME ServerName;   // null pointer: this server
 * [in, unique] PRRP_UNICODE_STRING lpMessage;      // Length, MaximumLength (bytes), [size_is, length_is] WCHAR*
 * [in] unsigned long dwTimeout;                    // seconds
 * [in] unsigned char bForceAppsClosed;
 * [in] unsigned char bRebootAfterShutdown;
 * [in] unsigned long dwReason;                     // opnum 30 only
 * </pre>
 * The answer is a WERROR; {@link #getStatus()} returns it.
 */
final class ShutdownCall extends NdrObject {
    static final int OPNUM_EX = 30;
    static final int OPNUM_LEGACY = 24;
    private static final int REFERENT_MESSAGE = 0x00020000;
    private static final int REFERENT_BUFFER = 0x00020004;

    private final int opnum;
    private final String message;
    private final int timeoutSeconds;
    private final boolean reboot;
    private final int reason;
    private int status = -1;

    ShutdownCall(int opnum, String message, int timeoutSeconds, boolean reboot, int reason) {
        this.opnum = opnum;
        this.message = message;
        this.timeoutSeconds = timeoutSeconds;
        this.reboot = reboot;
        this.reason = reason;
    }

    @Override
    public int getOpnum() {
        return opnum;
    }

    @Override
    public void write(NetworkDataRepresentation ndr) {
        ndr.writeUnsignedLong(0); // ServerName: null unique pointer
        writeMessage(ndr);
        ndr.getBuffer().align(4);
        ndr.writeUnsignedLong(timeoutSeconds);
        // bForceAppsClosed as shutdown.exe sets it ("/t greater than 0 implies /f"), so both transports restart alike;
        // FALSE with a delay would let a console application with unsaved data hold the shutdown "in progress".
        ndr.writeUnsignedSmall(timeoutSeconds > 0 ? 1 : 0);
        ndr.writeUnsignedSmall(reboot ? 1 : 0);
        if (opnum == OPNUM_EX) {
            ndr.getBuffer().align(4);
            ndr.writeUnsignedLong(reason);
        }
    }

    private void writeMessage(NetworkDataRepresentation ndr) {
        byte[] utf16 = message.getBytes(StandardCharsets.UTF_16LE);
        int chars = utf16.length / 2;
        ndr.writeUnsignedLong(REFERENT_MESSAGE);
        ndr.writeUnsignedShort(utf16.length); // Length in bytes, without a terminator
        ndr.writeUnsignedShort(utf16.length + 2); // MaximumLength in bytes
        ndr.writeUnsignedLong(REFERENT_BUFFER);
        ndr.writeUnsignedLong(chars + 1); // conformant: maximum count
        ndr.writeUnsignedLong(0); // varying: offset
        ndr.writeUnsignedLong(chars); // varying: actual count
        ndr.writeOctetArray(utf16, 0, utf16.length);
    }

    @Override
    public void read(NetworkDataRepresentation ndr) {
        status = ndr.readUnsignedLong();
    }

    /** @return the WERROR the server answered (0 = accepted), or -1 before an answer */
    int getStatus() {
        return status;
    }

    /** @return the encoded request, for tests of the encoding itself */
    byte[] encode() {
        NetworkDataRepresentation representation = new NetworkDataRepresentation();
        NdrBuffer buffer = new NdrBuffer(new byte[64 + 2 * message.length() + 16], 0);
        representation.setBuffer(buffer);
        write(representation);
        byte[] encoded = new byte[buffer.getIndex()];
        System.arraycopy(buffer.getBuffer(), 0, encoded, 0, encoded.length);
        return encoded;
    }
}
