package io.jenkins.plugins.dcom.transport.rrp;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The answer stub of BaseRegQueryValue (opnum 17), read with bounds: lpType, lpData (a conformant varying array
 * no larger than the buffer asked for), lpcbData (the size needed when the status is ERROR_MORE_DATA), lpcbLen,
 * then the WERROR. An answer of any other shape is {@link #isMalformed() malformed}; the host is untrusted.
 */
final class QueryAnswer {
    static final int ERROR_MORE_DATA = 234;

    private int type = -1;
    private byte[] data;
    private long neededSize = -1;
    private int status = -1;
    private boolean malformed;

    private QueryAnswer() {
    }

    /**
     * @param stub       the answer's stub bytes
     * @param bufferSize the size the request offered; more data than that is malformed
     */
    static QueryAnswer decode(byte[] stub, int bufferSize) {
        QueryAnswer answer = new QueryAnswer();
        ByteBuffer in = ByteBuffer.wrap(stub).order(ByteOrder.LITTLE_ENDIAN);
        try {
            answer.type = optionalLong(in);
            answer.data = optionalBytes(in, bufferSize);
            answer.neededSize = Integer.toUnsignedLong(optionalLong(in));
            optionalLong(in);
            answer.status = in.getInt();
            answer.malformed = in.hasRemaining();
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            answer.malformed = true;
        }
        return answer;
    }

    private static int optionalLong(ByteBuffer in) {
        return in.getInt() == 0 ? -1 : in.getInt();
    }

    private static byte[] optionalBytes(ByteBuffer in, int bufferSize) {
        if (in.getInt() == 0) {
            return null;
        }
        long maximum = Integer.toUnsignedLong(in.getInt());
        long offset = Integer.toUnsignedLong(in.getInt());
        long actual = Integer.toUnsignedLong(in.getInt());
        if (offset != 0 || actual > maximum || actual > bufferSize || actual > in.remaining()) {
            throw new IllegalArgumentException("not a BaseRegQueryValue answer");
        }
        byte[] bytes = new byte[(int) actual];
        in.get(bytes);
        in.position((in.position() + 3) & ~3);
        return bytes;
    }

    /** @return the WERROR the server answered (0 = found) */
    int getStatus() {
        return status;
    }

    /** @return the value's type, or -1 when the answer had none */
    int getType() {
        return type;
    }

    /** @return the value's bytes, or {@code null} when the answer had none */
    byte[] getData() {
        return data == null ? null : data.clone();
    }

    /** @return the size the value needs, meaningful with {@link #ERROR_MORE_DATA} */
    long getNeededSize() {
        return neededSize;
    }

    boolean isMalformed() {
        return malformed;
    }
}
