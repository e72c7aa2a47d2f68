package io.jenkins.plugins.dcom.transport.rrp;

import io.jenkins.plugins.dcom.transport.TransportException;
import java.util.Locale;

/**
 * The {@code winreg} named pipe of one host, reached over one SMB stack: the only thing the SMB1 stack
 * ({@link Smb1Pipe}, j-Interop over jcifs) and the SMB2/3 stack ({@link Smb2Pipe}, rapid7's dcerpc over smbj) do
 * differently. Connects on the first call; the calls themselves are encoded once, in {@link WinregStubs}.
 */
interface WinregPipe extends AutoCloseable {
    /**
     * Sends one request on the pipe.
     *
     * @param opnum     the call
     * @param stub      the request's NDR stub
     * @param operation what the call does, for messages
     * @return the answer's stub, or the fault the server sent instead
     * @throws PipeMissing       when the host serves SMB but no {@code winreg} pipe (Remote Registry not running)
     * @throws TransportException every other failure, classified (network, logon, SMB status)
     */
    RpcAnswer call(int opnum, byte[] stub, String operation) throws TransportException, PipeMissing;

    /** @return the SMB dialect this pipe negotiated, e.g. "SMB 3.1.1" or "SMB1 (NT LM 0.12)"; {@code null} before connecting */
    String dialect();

    /** Closes the pipe and the connection; never throws. */
    @Override
    void close();

    /** The host has no {@code winreg} pipe (yet): the Remote Registry service is stopped, disabled or starting. */
    final class PipeMissing extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        PipeMissing(int status) {
            super(String.format(Locale.ROOT, "0x%08X", status), null, false, false);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
