package io.jenkins.plugins.dcom.transport.rrp;

import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.ProtocolValues;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jinterop.dcom.common.JIDefaultAuthInfoImpl;
import org.jinterop.dcom.common.JIException;
import org.jinterop.winreg.IJIWinReg;
import org.jinterop.winreg.JIPolicyHandle;
import org.jinterop.winreg.smb.JIWinRegStub;
import rpc.Endpoint;

/**
 * One winreg session with one host: open HKLM, open {@code SOFTWARE\Microsoft\Rpc}, query or set
 * {@code DCOM Protocols}, close every handle; the shutdown calls go over the same pipe. The connection is
 * closed by {@link #close()} even after a failure.
 */
final class RrpTransport implements RegistryTransport {
    private static final int BUFFER = 8192;
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
    public List<String> read() throws TransportException {
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
    public List<String> write(List<String> protocols) throws TransportException {
        ProtocolValues.check(address, protocols);
        JIPolicyHandle hklm = openHklm();
        try {
            JIPolicyHandle key = openKey(hklm, READ_WRITE);
            try {
                set(key, protocols);
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
        if (!ShutdownRequests.accepted(status)) {
            throw WinErrors.of(address, status, "the restart request");
        }
    }

    private int invoke(ShutdownCall call) throws TransportException {
        try {
            stub().call(Endpoint.IDEMPOTENT, call);
            return call.getStatus();
        } catch (IOException e) {
            TransportException network = WinErrors.network(address, e, "the restart request");
            if (network != null) {
                throw network;
            }
            Integer fault = RpcFaults.code(e);
            if (fault != null) {
                return fault;
            }
            throw new TransportException(FailureKind.PROTOCOL_ERROR, address,
                    "the restart request failed (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, address,
                    "the restart request failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private JIPolicyHandle openHklm() throws TransportException {
        try {
            return stub().winreg_OpenHKLM();
        } catch (JIException e) {
            throw WinErrors.of(address, e, "opening HKLM");
        }
    }

    private JIPolicyHandle openKey(JIPolicyHandle hklm, int access) throws TransportException {
        try {
            return stub.winreg_OpenKey(hklm, ProtocolValues.SUBKEY, access);
        } catch (JIException e) {
            throw WinErrors.of(address, e, "opening HKLM\\" + ProtocolValues.SUBKEY);
        }
    }

    private List<String> query(JIPolicyHandle key) throws TransportException {
        Object[] answer;
        try {
            answer = stub.winreg_QueryValue(key, ProtocolValues.VALUE, BUFFER);
        } catch (JIException e) {
            throw WinErrors.of(address, e, "reading " + ProtocolValues.VALUE);
        }
        int type = ((Integer) answer[0]).intValue();
        if (type != IJIWinReg.REG_MULTI_SZ) {
            throw new TransportException(FailureKind.WRONG_TYPE, address,
                    "DCOM Protocols is " + RegistryTypes.name(type) + ", not REG_MULTI_SZ");
        }
        return entries((byte[][]) answer[1]);
    }

    /** j-Interop hands each REG_MULTI_SZ entry as bytes of its UTF-16 code units (ASCII here); drops empty trailers. */
    private static List<String> entries(byte[][] data) {
        List<String> entries = new ArrayList<>();
        if (data == null) {
            return entries;
        }
        for (byte[] entry : data) {
            String text = entry == null ? "" : new String(entry, StandardCharsets.ISO_8859_1);
            int nul = text.indexOf('\0');
            text = nul < 0 ? text : text.substring(0, nul);
            if (!text.isEmpty()) {
                entries.add(text);
            }
        }
        return entries;
    }

    private void set(JIPolicyHandle key, List<String> protocols) throws TransportException {
        byte[][] data = new byte[protocols.size()][];
        for (int i = 0; i < data.length; i++) {
            data[i] = protocols.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        try {
            stub.winreg_SetValue(key, ProtocolValues.VALUE, data);
        } catch (JIException e) {
            throw WinErrors.of(address, e, "writing " + ProtocolValues.VALUE);
        }
    }

    private JIWinRegStub stub() throws TransportException {
        if (stub == null) {
            try {
                stub = new JIWinRegStub(credentials, host);
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
