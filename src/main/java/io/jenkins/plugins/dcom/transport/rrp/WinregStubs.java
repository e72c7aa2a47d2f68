package io.jenkins.plugins.dcom.transport.rrp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The NDR request stubs of the [MS-RRP] and [MS-RSP] calls this tool makes on the {@code winreg} pipe, encoded once
 * and sent unchanged by both SMB stacks ({@link Smb1Pipe}, {@link Smb2Pipe}). Little-endian, 4-byte alignment
 * counted from the start of the stub, referents numbered as Windows numbers them.
 *
 * <pre>
 * OpenLocalMachine (2):       [unique] ServerName = NULL; REGSAM samDesired
 * BaseRegCloseKey (5):        RPC_HKEY
 * BaseRegOpenKey (15):        RPC_HKEY; RRP_UNICODE_STRING lpSubKey; DWORD dwOptions; REGSAM samDesired
 * BaseRegQueryValue (17):     RPC_HKEY; PRRP_UNICODE_STRING lpValueName; [unique] LPDWORD lpType;
 *                             [unique, size_is, length_is] LPBYTE lpData; [unique] LPDWORD lpcbData, lpcbLen
 * BaseRegSetValue (22):       RPC_HKEY; PRRP_UNICODE_STRING lpValueName; DWORD dwType; [size_is] LPBYTE lpData; DWORD cbData
 * BaseInitiateSystemShutdown (24) and ...Ex (30):
 *                             [unique] ServerName = NULL; [unique] PRRP_UNICODE_STRING lpMessage; ULONG dwTimeout;
 *                             BOOLEAN bForceAppsClosed; BOOLEAN bRebootAfterShutdown; ULONG dwReason (30 only)
 * </pre>
 */
final class WinregStubs {
    static final int OPEN_LOCAL_MACHINE = 2;
    static final int CLOSE_KEY = 5;
    static final int OPEN_KEY = 15;
    static final int QUERY_VALUE = 17;
    static final int SET_VALUE = 22;
    static final int SHUTDOWN_LEGACY = 24;
    static final int SHUTDOWN_EX = 30;
    static final int HANDLE_BYTES = 20;
    private static final int FIRST_REFERENT = 0x00020000;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int referent = FIRST_REFERENT;

    private WinregStubs() {
    }

    static byte[] openLocalMachine(int access) {
        return new WinregStubs().long32(0).long32(access).bytes();
    }

    static byte[] closeKey(byte[] handle) {
        return new WinregStubs().handle(handle).bytes();
    }

    static byte[] openKey(byte[] parent, String subkey, int access) {
        return new WinregStubs().handle(parent).unicodeString(subkey, true).long32(0).long32(access).bytes();
    }

    static byte[] queryValue(byte[] handle, String name, int bufferSize) {
        WinregStubs stub = new WinregStubs().handle(handle).unicodeString(name, true);
        stub.pointer().long32(0); // lpType
        stub.pointer().long32(bufferSize).long32(0).long32(0); // lpData: maximum count, offset, nothing sent
        stub.pointer().long32(bufferSize); // lpcbData
        stub.pointer().long32(0); // lpcbLen
        return stub.bytes();
    }

    static byte[] setValue(byte[] handle, String name, int type, byte[] data) {
        WinregStubs stub = new WinregStubs().handle(handle).unicodeString(name, true).long32(type);
        stub.long32(data.length).raw(data).align4(); // lpData: conformant array
        return stub.long32(data.length).bytes();
    }

    /**
     * @param opnum {@link #SHUTDOWN_EX} (with the reason) or {@link #SHUTDOWN_LEGACY} (without)
     */
    static byte[] shutdown(int opnum, String message, int timeoutSeconds, boolean reboot, int reason) {
        WinregStubs stub = new WinregStubs().long32(0); // ServerName: this server
        stub.pointer().unicodeString(message, false);
        stub.long32(timeoutSeconds);
        // bForceAppsClosed as shutdown.exe sets it ("/t greater than 0 implies /f"), so both transports restart alike;
        // FALSE with a delay would let a console application with unsaved data hold the shutdown "in progress".
        stub.small(timeoutSeconds > 0 ? 1 : 0).small(reboot ? 1 : 0);
        if (opnum == SHUTDOWN_EX) {
            stub.align4().long32(reason);
        }
        return stub.bytes();
    }

    private WinregStubs handle(byte[] handle) {
        if (handle.length != HANDLE_BYTES) {
            throw new IllegalArgumentException("a context handle has " + HANDLE_BYTES + " bytes");
        }
        return raw(handle);
    }

    /**
     * An RRP_UNICODE_STRING: Length and MaximumLength in bytes, then a referent to a conformant varying array.
     * Registry names carry their NUL in the count ([MS-RRP] 2.2.4); the shutdown message does not.
     */
    private WinregStubs unicodeString(String text, boolean terminated) {
        byte[] utf16 = (terminated ? text + '\0' : text).getBytes(StandardCharsets.UTF_16LE);
        int chars = utf16.length / 2;
        short16(utf16.length).short16(terminated ? utf16.length : utf16.length + 2);
        pointer().long32(terminated ? chars : chars + 1).long32(0).long32(chars);
        return raw(utf16).align4();
    }

    private WinregStubs pointer() {
        long32(referent);
        referent += 4;
        return this;
    }

    private WinregStubs long32(int value) {
        return small(value).small(value >>> 8).small(value >>> 16).small(value >>> 24);
    }

    private WinregStubs short16(int value) {
        return small(value).small(value >>> 8);
    }

    private WinregStubs small(int value) {
        out.write(value & 0xFF);
        return this;
    }

    private WinregStubs raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    private WinregStubs align4() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
        return this;
    }

    private byte[] bytes() {
        return out.toByteArray();
    }
}
