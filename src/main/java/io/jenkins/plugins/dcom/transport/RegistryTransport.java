package io.jenkins.plugins.dcom.transport;

import java.util.List;

/**
 * One session with one host that reads and writes {@code HKLM\SOFTWARE\Microsoft\Rpc\DCOM Protocols} and asks
 * the host to restart. Implementations classify every failure as a {@link TransportException}; none lets a
 * library exception or a secret escape.
 *
 * <p>A session is used by one thread at a time and must be closed.
 */
public interface RegistryTransport extends AutoCloseable {
    /**
     * Reads the protocol list.
     *
     * @return the entries, first first; empty for an empty REG_MULTI_SZ
     * @throws TransportException {@link FailureKind#VALUE_MISSING} when the value is absent,
     *                            {@link FailureKind#WRONG_TYPE} when it is not REG_MULTI_SZ, or any connection failure
     */
    List<String> read() throws TransportException;

    /**
     * Writes the protocol list as REG_MULTI_SZ, replacing it whole, then reads it back.
     *
     * @param protocols the entries; each must match {@code ^[a-z_]+$}, checked before anything is sent
     * @return the list as read back from the host after the write
     * @throws TransportException {@link FailureKind#INVALID_VALUE} before sending anything, or any failure of
     *                            {@link #read()}, or {@link FailureKind#ACCESS_DENIED}
     */
    List<String> write(List<String> protocols) throws TransportException;

    /**
     * Asks the host to restart after the request's delay. Returns once the host accepted the request.
     *
     * @throws TransportException when the host refused or could not be asked
     */
    void restart(RestartRequest request) throws TransportException;

    /** Closes the session; never throws. */
    @Override
    void close();
}
