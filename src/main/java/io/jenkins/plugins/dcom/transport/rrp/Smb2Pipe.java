package io.jenkins.plugins.dcom.transport.rrp;

import com.hierynomus.mssmb2.SMB2Dialect;
import com.hierynomus.mssmb2.SMBApiException;
import com.hierynomus.protocol.commons.socket.ProxySocketFactory;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.common.SMBRuntimeException;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.rapid7.client.dcerpc.io.PacketInput;
import com.rapid7.client.dcerpc.io.PacketOutput;
import com.rapid7.client.dcerpc.messages.RequestCall;
import com.rapid7.client.dcerpc.messages.RequestResponse;
import com.rapid7.client.dcerpc.transport.RPCTransport;
import com.rapid7.client.dcerpc.transport.SMBTransportFactories;
import com.rapid7.client.dcerpc.transport.exceptions.RPCFaultException;
import com.rapid7.helper.smbj.io.SMB2Exception;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The winreg pipe over SMB 2.0.2 to 3.1.1, through smbj (NTLM, signing when the server requires it, SMB3
 * encryption when the server requires it) and rapid7's dcerpc (bind, PDUs). What Windows Server 2019 and later
 * speak: they have no SMB1.
 *
 * <p>A failure before any SMB2 dialect was agreed, because the host refused the connection on its port or answered
 * the SMB2 negotiation with nothing SMB2 speaks, is {@link #offeredNoSmb2() remembered}: the automatic choice then
 * tries SMB1, and only then.
 */
final class Smb2Pipe implements WinregPipe {
    /**
     * The largest request stub sent: Windows accepts fragments of 4280 bytes on named pipes (its max_recv_frag),
     * less the 24-byte request header; dcerpc does not split a request into fragments.
     */
    static final int MAX_REQUEST_STUB = 4280 - 24;
    private final String address;
    private final String host;
    private final int port;
    private final AuthenticationContext login;
    private final SmbConfig config;
    private SMBClient client;
    private Connection connection;
    private Session session;
    private RPCTransport rpc;
    private String dialect;
    private boolean offeredNoSmb2;

    Smb2Pipe(String address, String host, int port, String domain, String user, String password, List<SMB2Dialect> dialects,
             int connectTimeoutMillis, int socketTimeoutMillis) {
        this.address = address;
        this.host = host;
        this.port = port;
        this.login = new AuthenticationContext(user, password.toCharArray(), domain);
        this.config = SmbConfig.builder()
                .withDialects(dialects)
                .withSoTimeout(Math.max(connectTimeoutMillis, socketTimeoutMillis), TimeUnit.MILLISECONDS)
                .withTimeout(socketTimeoutMillis, TimeUnit.MILLISECONDS)
                .withDfsEnabled(false)
                // smbj's own factory connects with a fixed 5 s; the run's --connect-timeout applies instead
                .withSocketFactory(new ProxySocketFactory(Proxy.NO_PROXY, connectTimeoutMillis))
                .build();
    }

    @Override
    public RpcAnswer call(int opnum, byte[] stub, String operation) throws TransportException, PipeMissing {
        if (stub.length > MAX_REQUEST_STUB) {
            throw new TransportException(FailureKind.INVALID_VALUE, address, operation + ": the request needs " + stub.length
                    + " bytes, more than one RPC fragment Windows takes (" + MAX_REQUEST_STUB + "), and dcerpc sends a request "
                    + "in one fragment; nothing was sent. A DCOM Protocols list is far smaller; restore such a value by hand");
        }
        RPCTransport transport = transport(operation);
        try {
            return RpcAnswer.of(transport.call(new RawCall(opnum, stub)).answer);
        } catch (RPCFaultException e) {
            return RpcAnswer.fault(e.getRpcFaultValue());
        } catch (SMB2Exception e) {
            throw WinErrors.of(address, (int) e.getStatusCode(), operation);
        } catch (IOException | SMBRuntimeException e) {
            throw classify(e, operation);
        }
    }

    /**
     * Connects, negotiates, logs on and binds to winreg, once. A failure after the logon names the pipe: a host that
     * accepts the account but refuses it the pipe (remote registry access is for administrators unless the winreg
     * key's permissions say otherwise) answers there.
     */
    private RPCTransport transport(String operation) throws TransportException, PipeMissing {
        if (rpc != null) {
            return rpc;
        }
        String step = operation;
        try {
            client = new SMBClient(config);
            try {
                connection = client.connect(host, port);
            } catch (ConnectException e) {
                offeredNoSmb2 = true;
                throw e;
            }
            dialect = connection.getNegotiatedProtocol().getDialect().toString().replace("SMB_", "SMB ").replace('_', '.');
            session = connection.authenticate(login);
            step = operation + " (the winreg pipe on IPC$)";
            rpc = SMBTransportFactories.WINREG.getTransport(session);
            return rpc;
        } catch (SMB2Exception e) {
            int status = (int) e.getStatusCode();
            if (WinErrors.isPipeMissing(status)) {
                throw new PipeMissing(status);
            }
            throw WinErrors.of(address, status, step);
        } catch (SMBApiException e) {
            throw WinErrors.of(address, (int) e.getStatusCode(), step);
        } catch (IOException | SMBRuntimeException e) {
            if (dialect == null && !isTimeout(e) && closedDuringNegotiation(e)) {
                offeredNoSmb2 = true;
            }
            throw classify(e, step);
        }
    }

    /**
     * A host that speaks only SMB1 (NT 4.0, 2000, 2003; Samba with {@code server max protocol = NT1}) closes the
     * connection when it receives an SMB2 NEGOTIATE: smbj sees the end of the stream or a reset before any dialect.
     */
    private static boolean closedDuringNegotiation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EOFException || cause instanceof SocketException && !(cause instanceof ConnectException)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private TransportException classify(Throwable failure, String operation) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException) {
                return new TransportException(FailureKind.TIMEOUT, address, operation + ": no answer from SMB in time (the service may hang)");
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new TransportException(FailureKind.UNREACHABLE, address, operation + ": connection refused or no route to SMB (port " + port + ")");
            }
            if (cause instanceof UnknownHostException) {
                return new TransportException(FailureKind.UNREACHABLE, address, operation + ": the host name does not resolve");
            }
            if (cause instanceof SMBApiException) {
                return WinErrors.of(address, (int) ((SMBApiException) cause).getStatusCode(), operation);
            }
            if (cause instanceof SocketException || cause instanceof EOFException) {
                return new TransportException(FailureKind.UNREACHABLE, address, operation + ": the host closed the SMB connection ("
                        + cause.getClass().getSimpleName() + ")");
            }
        }
        if (dialect == null) {
            return new TransportException(FailureKind.UNREACHABLE, address, operation + ": the host did not agree on an SMB2/3 dialect ("
                    + failure.getClass().getSimpleName() + ")");
        }
        return new TransportException(FailureKind.PROTOCOL_ERROR, address, operation + " failed (" + failure.getClass().getSimpleName() + ")");
    }

    /** @return whether the host refused the port or every SMB2 dialect before anything else happened */
    boolean offeredNoSmb2() {
        return offeredNoSmb2;
    }

    /** @return the dialect agreed, also when a later step (logon, pipe) failed; {@code null} when none was */
    @Override
    public String dialect() {
        return dialect;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                session.close();
            }
        } catch (IOException | RuntimeException e) {
            // the connection is closed next
        }
        try {
            if (connection != null) {
                connection.close(true);
            }
        } catch (IOException | RuntimeException e) {
            // nothing more to release
        }
        if (client != null) {
            client.close();
        }
        rpc = null;
        session = null;
        connection = null;
        client = null;
    }

    /** One request as dcerpc sends it: the stub encoded by {@link WinregStubs}, the answer kept as bytes. */
    private static final class RawCall extends RequestCall<RawAnswer> {
        private final byte[] stub;

        RawCall(int opnum, byte[] stub) {
            super((short) opnum);
            this.stub = stub;
        }

        @Override
        public void marshal(PacketOutput out) throws IOException {
            out.write(stub);
        }

        @Override
        public RawAnswer getResponseObject() {
            return new RawAnswer();
        }
    }

    private static final class RawAnswer extends RequestResponse {
        private byte[] answer;

        @Override
        public void unmarshal(PacketInput in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                while (true) {
                    bytes.write(in.readByte());
                }
            } catch (EOFException end) {
                answer = bytes.toByteArray();
            }
        }

        @Override
        public void unmarshalResponse(PacketInput in) {
            throw new UnsupportedOperationException("read whole by unmarshal");
        }
    }
}
