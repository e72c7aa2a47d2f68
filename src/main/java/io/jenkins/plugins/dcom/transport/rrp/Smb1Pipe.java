package io.jenkins.plugins.dcom.transport.rrp;

import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Arrays;
import jcifs.smb.SmbException;
import ndr.NdrBuffer;
import ndr.NdrObject;
import ndr.NetworkDataRepresentation;
import org.jinterop.dcom.common.JIDefaultAuthInfoImpl;
import org.jinterop.dcom.common.JIException;
import org.jinterop.winreg.smb.JIWinRegStub;
import rpc.Endpoint;

/**
 * The winreg pipe over SMB1 ("NT LM 0.12"), through j-Interop on jcifs: the only dialect of NT 4.0, 2000 and 2003.
 * jcifs tries port 445 and then the NetBIOS session service on 139, which is all NT 4.0 has.
 */
final class Smb1Pipe implements WinregPipe {
    static final String DIALECT = "SMB1 (NT LM 0.12)";
    private final String address;
    private final String host;
    private final JIDefaultAuthInfoImpl credentials;
    private JIWinRegStub stub;

    Smb1Pipe(String address, String host, String domain, String user, String password) {
        this.address = address;
        this.host = host;
        this.credentials = new JIDefaultAuthInfoImpl(domain, user, password);
    }

    @Override
    public RpcAnswer call(int opnum, byte[] request, String operation) throws TransportException, PipeMissing {
        RawCall call = new RawCall(opnum, request);
        try {
            stub().call(Endpoint.IDEMPOTENT, call);
            return RpcAnswer.of(call.answer);
        } catch (IOException e) {
            TransportException network = WinErrors.network(address, e, operation);
            if (network != null) {
                throw network;
            }
            Integer fault = RpcFaults.code(e);
            if (fault != null) {
                return RpcAnswer.fault(fault);
            }
            Integer status = ntStatus(e);
            if (status != null && WinErrors.isPipeMissing(status)) {
                throw new PipeMissing(status);
            }
            if (status != null) {
                throw WinErrors.of(address, status, operation);
            }
            throw new TransportException(FailureKind.PROTOCOL_ERROR, address, operation + " failed (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, address, operation + " failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** @return the NT status of the first SMB or j-Interop failure among the causes, or {@code null} */
    private static Integer ntStatus(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SmbException) {
                return ((SmbException) cause).getNtStatus();
            }
            if (cause instanceof JIException) {
                return ((JIException) cause).getErrorCode();
            }
        }
        return null;
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

    @Override
    public String dialect() {
        return stub == null ? null : DIALECT;
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

    /** One request as j-Interop sends it: the stub encoded by {@link WinregStubs}, the answer kept as bytes. */
    private static final class RawCall extends NdrObject {
        private final int opnum;
        private final byte[] request;
        private byte[] answer;

        RawCall(int opnum, byte[] request) {
            this.opnum = opnum;
            this.request = request;
        }

        @Override
        public int getOpnum() {
            return opnum;
        }

        @Override
        public void write(NetworkDataRepresentation ndr) {
            ndr.writeOctetArray(request, 0, request.length);
        }

        @Override
        public void read(NetworkDataRepresentation ndr) {
            // j-Interop hands over a buffer holding exactly the answer's stub, its index at the stub's start
            NdrBuffer buffer = ndr.getBuffer();
            answer = Arrays.copyOfRange(buffer.getBuffer(), buffer.getIndex(), buffer.getBuffer().length);
        }
    }
}
