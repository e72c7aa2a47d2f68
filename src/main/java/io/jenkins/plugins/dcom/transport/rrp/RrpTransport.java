package io.jenkins.plugins.dcom.transport.rrp;

import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.MultiSz;
import io.jenkins.plugins.dcom.transport.ProtocolValues;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import io.jenkins.plugins.dcom.transport.ShutdownAnswers;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.util.List;

/**
 * One winreg session with one host, whatever SMB stack carries it: open HKLM, open {@code SOFTWARE\Microsoft\Rpc},
 * query or set {@code DCOM Protocols}, close every handle; the shutdown calls go over the same pipe. The connection
 * is closed by {@link #close()} even after a failure.
 */
final class RrpTransport implements RegistryTransport {
    private static final int FIRST_BUFFER = 4096;
    private static final String SHUTDOWN_TIME_KEY = "SYSTEM\\CurrentControlSet\\Control\\Windows";
    private static final String SHUTDOWN_TIME = "ShutdownTime";
    /** KEY_READ; KEY_READ | KEY_SET_VALUE. */
    private static final int READ = 0x20019;
    private static final int READ_WRITE = READ | 0x0002;
    /** HKLM is opened as impacket and regedit open it; the access that matters is asked for on the key. */
    private static final int MAXIMUM_ALLOWED = 0x02000000;

    private final String address;
    private final WinregPipe pipe;

    RrpTransport(String address, WinregPipe pipe) {
        this.address = address;
        this.pipe = pipe;
    }

    @Override
    public RegistryValue read() throws TransportException {
        byte[] hklm = openHklm();
        try {
            byte[] key = openKey(hklm, ProtocolValues.SUBKEY, READ);
            try {
                return query(key, ProtocolValues.VALUE);
            } finally {
                closeQuietly(key);
            }
        } finally {
            closeQuietly(hklm);
        }
    }

    @Override
    public RegistryValue write(List<String> protocols) throws TransportException {
        ProtocolValues.check(address, protocols);
        return restore(RegistryValue.multiSz(protocols));
    }

    @Override
    public RegistryValue restore(RegistryValue value) throws TransportException {
        if (value.size() > MultiSz.MAX_BYTES) {
            throw new TransportException(FailureKind.INVALID_VALUE, address, "refusing to write " + value.size()
                    + " bytes, more than the " + MultiSz.MAX_BYTES + " this tool reads back");
        }
        byte[] hklm = openHklm();
        try {
            byte[] key = openKey(hklm, ProtocolValues.SUBKEY, READ_WRITE);
            try {
                set(key, value);
                return query(key, ProtocolValues.VALUE);
            } finally {
                closeQuietly(key);
            }
        } finally {
            closeQuietly(hklm);
        }
    }

    @Override
    public void restart(RestartRequest request) throws TransportException {
        int status = ShutdownRequests.send((opnum, stub) -> call(opnum, stub, "the restart request")
                .status(address, "the restart request"), request);
        if (!ShutdownAnswers.isRestarting(status)) {
            throw ShutdownAnswers.refusal(address, status);
        }
    }

    /**
     * Opens HKLM, which opens the winreg pipe. A pipe that is not there yet is asked for once more after a second:
     * current Windows starts Remote Registry on demand when the pipe is first opened (as impacket retries).
     */
    private byte[] openHklm() throws TransportException {
        for (int attempt = 1; ; attempt++) {
            try {
                return pipe.call(WinregStubs.OPEN_LOCAL_MACHINE, WinregStubs.openLocalMachine(MAXIMUM_ALLOWED), "opening HKLM")
                        .handle(address, "opening HKLM");
            } catch (WinregPipe.PipeMissing missing) {
                if (attempt == 2) {
                    throw WinErrors.remoteRegistryNotRunning(address, missing.status());
                }
                pipe.close();
                pause();
            }
        }
    }

    private void pause() throws TransportException {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(FailureKind.PROTOCOL_ERROR, address, "interrupted while waiting for the winreg pipe");
        }
    }

    private byte[] openKey(byte[] hklm, String subkey, int access) throws TransportException {
        String operation = "opening HKLM\\" + subkey;
        return call(WinregStubs.OPEN_KEY, WinregStubs.openKey(hklm, subkey, access), operation).handle(address, operation);
    }

    /** Asks for a small buffer first; a larger value is asked for again at its size, up to the codec's bound. */
    private RegistryValue query(byte[] key, String name) throws TransportException {
        QueryAnswer answer = queryCall(key, name, FIRST_BUFFER);
        if (answer.getStatus() == QueryAnswer.ERROR_MORE_DATA) {
            if (answer.getNeededSize() > MultiSz.MAX_BYTES || answer.getNeededSize() < 0) {
                throw new TransportException(FailureKind.MALFORMED_VALUE, address, name + " holds "
                        + answer.getNeededSize() + " bytes, more than the " + MultiSz.MAX_BYTES + " this tool reads");
            }
            answer = queryCall(key, name, (int) answer.getNeededSize());
        }
        if (answer.getStatus() != 0) {
            throw WinErrors.of(address, answer.getStatus(), "reading " + name);
        }
        if (answer.getType() < 0 || answer.getData() == null) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, address, "reading " + name + ": the answer carried no type or no data");
        }
        return new RegistryValue(answer.getType(), answer.getData(), true);
    }

    private QueryAnswer queryCall(byte[] key, String name, int bufferSize) throws TransportException {
        String operation = "reading " + name;
        QueryAnswer answer = QueryAnswer.decode(call(WinregStubs.QUERY_VALUE, WinregStubs.queryValue(key, name, bufferSize),
                operation).stub(address, operation), bufferSize);
        if (answer.isMalformed()) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, address, operation + ": the answer is not a BaseRegQueryValue answer");
        }
        return answer;
    }

    /**
     * Windows writes {@code HKLM\SYSTEM\CurrentControlSet\Control\Windows\ShutdownTime} (a FILETIME) at every clean
     * shutdown, so it changes with a restart and not with a dropped connection or an aborted restart.
     *
     * @return the value's bytes (Base64), or {@code null} where the host has none
     */
    @Override
    public String bootMarker() throws TransportException {
        RegistryValue value = readValue(SHUTDOWN_TIME_KEY, SHUTDOWN_TIME);
        return value == null ? null : value.base64();
    }

    /** @return the value under HKLM, exact, or {@code null} where its key or the value is missing */
    @Override
    public RegistryValue readValue(String subkey, String name) throws TransportException {
        return underKey(subkey, key -> query(key, name));
    }

    /** BaseRegOpenKey answers ERROR_FILE_NOT_FOUND for a missing key; any other refusal is reported, not guessed. */
    @Override
    public boolean keyExists(String subkey) throws TransportException {
        return underKey(subkey, key -> Boolean.TRUE) != null;
    }

    /** What is read from an open key. */
    private interface KeyRead<T> {
        T apply(byte[] key) throws TransportException;
    }

    /**
     * Opens HKLM and the key under it read-only, reads, and closes both whatever happens.
     *
     * @return what was read, or {@code null} where the key (or what was read in it) is missing
     */
    private <T> T underKey(String subkey, KeyRead<T> read) throws TransportException {
        byte[] hklm = openHklm();
        try {
            byte[] key = openKey(hklm, subkey, READ);
            try {
                return read.apply(key);
            } finally {
                closeQuietly(key);
            }
        } catch (TransportException e) {
            if (e.getKind() == FailureKind.VALUE_MISSING) {
                return null;
            }
            throw e;
        } finally {
            closeQuietly(hklm);
        }
    }

    private void set(byte[] key, RegistryValue value) throws TransportException {
        String operation = "writing " + ProtocolValues.VALUE;
        int status = call(WinregStubs.SET_VALUE, WinregStubs.setValue(key, ProtocolValues.VALUE, value.getType(), value.getData()),
                operation).status(address, operation);
        if (status != 0) {
            throw WinErrors.of(address, status, operation);
        }
    }

    /** Sends one call on an open pipe: a pipe that vanishes after HKLM was opened is a failure, not a retry. */
    private RpcAnswer call(int opnum, byte[] stub, String operation) throws TransportException {
        try {
            return pipe.call(opnum, stub, operation);
        } catch (WinregPipe.PipeMissing missing) {
            throw WinErrors.remoteRegistryNotRunning(address, missing.status());
        }
    }

    private void closeQuietly(byte[] handle) {
        try {
            pipe.call(WinregStubs.CLOSE_KEY, WinregStubs.closeKey(handle), "closing a key");
        } catch (TransportException | WinregPipe.PipeMissing | RuntimeException e) {
            // the connection is closed next; a handle left open dies with it
        }
    }

    @Override
    public String channel() {
        return pipe.dialect();
    }

    @Override
    public void close() {
        pipe.close();
    }

    @Override
    public String toString() {
        return "registry RPC session with " + address;
    }
}
