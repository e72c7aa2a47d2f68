package io.jenkins.plugins.dcom.transport.rrp;

import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What a call on the winreg pipe brought back: the answer's stub bytes, or the fault code of a fault PDU (the
 * server has no such call, or refused it before running it).
 */
final class RpcAnswer {
    private final byte[] stub;
    private final Integer fault;

    private RpcAnswer(byte[] stub, Integer fault) {
        this.stub = stub;
        this.fault = fault;
    }

    static RpcAnswer of(byte[] stub) {
        return new RpcAnswer(stub.clone(), null);
    }

    static RpcAnswer fault(int code) {
        return new RpcAnswer(null, code);
    }

    /** @return the fault code, or {@code null} when the call returned */
    Integer fault() {
        return fault;
    }

    /** @return the answer's stub; a fault is thrown, classified by its code */
    byte[] stub(String host, String operation) throws TransportException {
        if (fault != null) {
            throw WinErrors.of(host, fault, operation);
        }
        return stub.clone();
    }

    /** @return the WERROR that ends every answer of this tool's calls, or the fault code */
    int status(String host, String operation) throws TransportException {
        if (fault != null) {
            return fault;
        }
        if (stub.length < 4) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, host, operation + ": the answer is too short to hold a status");
        }
        return ByteBuffer.wrap(stub, stub.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /**
     * @return the context handle of an OpenLocalMachine or BaseRegOpenKey answer (20 bytes, then the WERROR)
     * @throws TransportException the WERROR classified, or a malformed answer
     */
    byte[] handle(String host, String operation) throws TransportException {
        byte[] bytes = stub(host, operation);
        if (bytes.length != WinregStubs.HANDLE_BYTES + 4) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, host, operation + ": the answer is not a key handle");
        }
        int status = status(host, operation);
        if (status != 0) {
            throw WinErrors.of(host, status, operation);
        }
        return Arrays.copyOf(bytes, WinregStubs.HANDLE_BYTES);
    }
}
