package io.jenkins.plugins.dcom.transport.rrp;

import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.MultiSz;
import io.jenkins.plugins.dcom.transport.ProtocolValues;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import io.jenkins.plugins.dcom.transport.ShutdownAnswers;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.List;
import org.jinterop.dcom.common.JIDefaultAuthInfoImpl;
import org.jinterop.dcom.common.JIException;
import org.jinterop.winreg.IJIWinReg;
import org.jinterop.winreg.JIPolicyHandle;
import org.jinterop.winreg.smb.JIWinRegStub;
import ndr.NdrObject;
import rpc.Endpoint;

/**
 * One winreg session with one host: open HKLM, open {@code SOFTWARE\Microsoft\Rpc}, query or set
 * {@code DCOM Protocols}, close every handle; the shutdown calls go over the same pipe. The connection is
 * closed by {@link #close()} even after a failure.
 */
final class RrpTransport implements RegistryTransport {
    private static final int FIRST_BUFFER = 4096;
    private static final String SHUTDOWN_TIME_KEY = "SYSTEM\\CurrentControlSet\\Control\\Windows";
    private static final String SHUTDOWN_TIME = "ShutdownTime";
    private static final int READ = IJIWinReg.KEY_READ;
    private static final int READ_WRITE = IJIWinReg.KEY_READ | IJIWinReg.KEY_SET_VALUE;

    private final String address;
    private final String host;
    private final JIDefaultAuthInfoImpl credentials;
    private JIWinRegStub stub;

    RrpTransport(String address, String host, String domain, String user, String password) {
        this.address = address;
        this.host = host;
        this.credentials = new JIDefaultAuthInfoImpl(domain, user, password);
    }

    @Override
    public RegistryValue read() throws TransportException {
        JIPolicyHandle hklm = openHklm();
        try {
            JIPolicyHandle key = openKey(hklm, READ);
            try {
                return query(key);
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
        JIPolicyHandle hklm = openHklm();
        try {
            JIPolicyHandle key = openKey(hklm, READ_WRITE);
            try {
                set(key, value);
                return query(key);
            } finally {
                closeQuietly(key);
            }
        } finally {
            closeQuietly(hklm);
        }
    }

    @Override
    public void restart(RestartRequest request) throws TransportException {
        int status = ShutdownRequests.send(this::invoke, request);
        if (!ShutdownAnswers.isRestarting(status)) {
            throw ShutdownAnswers.refusal(address, status);
        }
    }

    /** @return the shutdown call's WERROR, or the RPC fault code when the server has no such call (for the fallback) */
    private int invoke(ShutdownCall call) throws TransportException {
        Integer fault = send(call, "the restart request");
        return fault != null ? fault : call.getStatus();
    }

    /**
     * Opens HKLM, which opens the winreg pipe. A pipe that is not there yet is asked for once more after a second:
     * current Windows starts Remote Registry on demand when the pipe is first opened (as impacket retries).
     */
    private JIPolicyHandle openHklm() throws TransportException {
        for (int attempt = 1; ; attempt++) {
            try {
                return stub().winreg_OpenHKLM();
            } catch (JIException e) {
                TransportException network = WinErrors.network(address, e, "opening HKLM");
                if (network != null) {
                    throw network;
                }
                if (!WinErrors.isPipeMissing(e.getErrorCode())) {
                    throw WinErrors.of(address, e.getErrorCode(), "opening HKLM");
                }
                if (attempt == 2) {
                    throw WinErrors.remoteRegistryNotRunning(address, e.getErrorCode());
                }
                close();
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

    private JIPolicyHandle openKey(JIPolicyHandle hklm, int access) throws TransportException {
        return openKey(hklm, ProtocolValues.SUBKEY, access);
    }

    private JIPolicyHandle openKey(JIPolicyHandle hklm, String subkey, int access) throws TransportException {
        try {
            return stub.winreg_OpenKey(hklm, subkey, access);
        } catch (JIException e) {
            throw WinErrors.of(address, e, "opening HKLM\\" + subkey);
        }
    }

    private RegistryValue query(JIPolicyHandle key) throws TransportException {
        return query(key, ProtocolValues.VALUE);
    }

    /** Asks for a small buffer first; a larger value is asked for again at its size, up to the codec's bound. */
    private RegistryValue query(JIPolicyHandle key, String name) throws TransportException {
        QueryValueCall call = queryCall(key, name, FIRST_BUFFER);
        if (call.getStatus() == QueryValueCall.ERROR_MORE_DATA) {
            if (call.getNeededSize() > MultiSz.MAX_BYTES || call.getNeededSize() < 0) {
                throw new TransportException(FailureKind.MALFORMED_VALUE, address, name + " holds "
                        + call.getNeededSize() + " bytes, more than the " + MultiSz.MAX_BYTES + " this tool reads");
            }
            call = queryCall(key, name, (int) call.getNeededSize());
        }
        if (call.getStatus() != 0) {
            throw WinErrors.of(address, call.getStatus(), "reading " + name);
        }
        if (call.getType() < 0 || call.getData() == null) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, address, "reading " + name + ": the answer carried no type or no data");
        }
        return new RegistryValue(call.getType(), call.getData(), true);
    }

    private QueryValueCall queryCall(JIPolicyHandle key, String name, int bufferSize) throws TransportException {
        QueryValueCall call = new QueryValueCall(key.handle, name, bufferSize);
        call(call, "reading " + name);
        if (call.isMalformed()) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, address, "reading " + name + ": the answer is not a BaseRegQueryValue answer");
        }
        return call;
    }

    /**
     * Windows writes {@code HKLM\SYSTEM\CurrentControlSet\Control\Windows\ShutdownTime} (a FILETIME) at every clean
     * shutdown, so it changes with a restart and not with a dropped connection or an aborted restart.
     *
     * @return the value's bytes (Base64), or {@code null} where the host has none
     */
    @Override
    public String bootMarker() throws TransportException {
        JIPolicyHandle hklm = openHklm();
        try {
            JIPolicyHandle key = openKey(hklm, SHUTDOWN_TIME_KEY, READ);
            try {
                return query(key, SHUTDOWN_TIME).base64();
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

    private void set(JIPolicyHandle key, RegistryValue value) throws TransportException {
        SetValueCall call = new SetValueCall(key.handle, ProtocolValues.VALUE, value.getType(), value.getData());
        call(call, "writing " + ProtocolValues.VALUE);
        if (call.getStatus() != 0) {
            throw WinErrors.of(address, call.getStatus(), "writing " + ProtocolValues.VALUE);
        }
    }

    /** Sends one call on the winreg pipe; network failures and RPC faults are classified. */
    private void call(NdrObject call, String operation) throws TransportException {
        Integer fault = send(call, operation);
        if (fault != null) {
            throw WinErrors.of(address, fault, operation);
        }
    }

    /**
     * Sends one call; the one place where what j-Interop throws is classified.
     *
     * @return the RPC fault code the server answered instead of a result, or {@code null} when the call returned
     * @throws TransportException for network failures and anything else unexpected
     */
    private Integer send(NdrObject call, String operation) throws TransportException {
        try {
            stub().call(Endpoint.IDEMPOTENT, call);
            return null;
        } catch (IOException e) {
            TransportException network = WinErrors.network(address, e, operation);
            if (network != null) {
                throw network;
            }
            Integer fault = RpcFaults.code(e);
            if (fault != null) {
                return fault;
            }
            throw new TransportException(FailureKind.PROTOCOL_ERROR, address, operation + " failed (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, address, operation + " failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private JIWinRegStub stub() throws TransportException {
        if (stub == null) {
            try {
                stub = new JIWinRegStub(credentials, host);
                stub.getProperties().setProperty(PipePassword.PROPERTY, PipePassword.forUrl(credentials.getPassword()));
            } catch (UnknownHostException e) {
                throw new TransportException(FailureKind.UNREACHABLE, address, "the host name does not resolve");
            }
        }
        return stub;
    }

    private void closeQuietly(JIPolicyHandle handle) {
        try {
            stub.winreg_CloseKey(handle);
        } catch (JIException | RuntimeException e) {
            // the connection is closed next; a handle left open dies with it
        }
    }

    @Override
    public void close() {
        if (stub != null) {
            try {
                stub.closeConnection();
            } catch (JIException | RuntimeException e) {
                // nothing more to release
            } finally {
                stub = null;
            }
        }
    }

    @Override
    public String toString() {
        return "registry RPC session with " + address;
    }
}
