package io.jenkins.plugins.dcom.transport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One session with one host that reads and writes {@code HKLM\SOFTWARE\Microsoft\Rpc\DCOM Protocols} and asks
 * the host to restart. Implementations classify every failure as a {@link TransportException}; none lets a
 * library exception or a secret escape.
 *
 * <p>A session is used by one thread at a time and must be closed.
 */
public interface RegistryTransport extends AutoCloseable {
    /**
     * Reads {@code DCOM Protocols} as the host holds it; decode it with {@link RegistryValue#protocols(String)}.
     *
     * @return the value's type and bytes ({@link RegistryValue#isExact() exact} where the transport sees the bytes)
     * @throws TransportException {@link FailureKind#VALUE_MISSING} when the value is absent,
     *                            {@link FailureKind#MALFORMED_VALUE} when it cannot be read whole, or any connection failure
     */
    RegistryValue read() throws TransportException;

    /**
     * Writes the protocol list as a REG_MULTI_SZ, replacing the value whole, then reads it back.
     *
     * @param protocols the entries; each must match {@code ^[a-z_]+$}, checked ({@link ProtocolValues#check}) before
     *                  anything is sent
     * @return the value as read back from the host after the write
     * @throws TransportException {@link FailureKind#INVALID_VALUE} before sending anything, or any failure of
     *                            {@link #read()}, or {@link FailureKind#ACCESS_DENIED}
     */
    RegistryValue write(List<String> protocols) throws TransportException;

    /**
     * Puts back a value a backup saved, then reads it back. A transport that sends bytes restores them exactly,
     * whatever they hold (they were the host's own); one that passes entries on a command line restores only a
     * REG_MULTI_SZ of safe names and refuses anything else with {@link FailureKind#INVALID_VALUE}, sending nothing.
     *
     * @param saved the value as read before a change, at most {@link MultiSz#MAX_BYTES}
     * @return the value as read back from the host after the write
     */
    RegistryValue restore(RegistryValue saved) throws TransportException;

    /**
     * Asks the host to restart after the request's delay. Returns once the host accepted the request.
     *
     * @throws TransportException when the host refused or could not be asked
     */
    void restart(RestartRequest request) throws TransportException;

    /**
     * Reads what identifies the host's current boot, to prove that a restart happened: a host that went away and
     * came back has not necessarily rebooted (a dropped connection, an aborted restart).
     *
     * @return a text that changes with every boot, or {@code null} when this transport or host cannot say
     */
    default String bootMarker() throws TransportException {
        return null;
    }

    /** Where Windows keeps its version: {@code CurrentVersion} there is "4.0" on NT 4.0, "5.0" on 2000, and so on. */
    String VERSION_KEY = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    /** The value under {@link #VERSION_KEY} that tells the generation. */
    String VERSION_VALUE = "CurrentVersion";
    /** {@link #VERSION_VALUE} under {@link #VERSION_KEY}, as a read. */
    ValueRead VERSION_READ = new ValueRead(VERSION_KEY, VERSION_VALUE);

    /**
     * Reads one value under HKLM, read-only, for the connectivity analysis and the related checks.
     *
     * @param subkey a key under HKLM, one of this tool's constants (letters, digits, spaces and backslashes)
     * @param name   the value's name (letters and digits)
     * @return the value ({@link RegistryValue#isExact() exact} where the transport sees the bytes), or {@code null}
     * where the key or the value is missing
     */
    RegistryValue readValue(String subkey, String name) throws TransportException;

    /**
     * Reads {@code DCOM Protocols} and other values under HKLM together, read-only, in one exchange where the transport
     * can (one command over WinRM): what an audit of a host reads.
     *
     * @param others values to read besides, each as {@link #readValues} reads it
     * @throws TransportException as {@link #read()} does; a failure to read the others is kept in the answer instead
     */
    default AuditReads readWith(List<ValueRead> others) throws TransportException {
        RegistryValue value = read();
        try {
            return new AuditReads(value, readValues(others), null);
        } catch (TransportException failed) {
            return new AuditReads(value, null, failed);
        }
    }

    /**
     * Reads several values under HKLM, read-only, each as {@link #readValue} reads it: a transport that can ask for
     * them in one exchange does (WinRM sends one command for all of them).
     *
     * @return the values found, by read; a missing value, or one the account cannot read, is simply absent
     * @throws TransportException when the exchange itself fails: then no value was read
     */
    default Map<ValueRead, RegistryValue> readValues(List<ValueRead> reads) throws TransportException {
        Map<ValueRead, RegistryValue> found = new LinkedHashMap<>();
        for (ValueRead read : reads) {
            RegistryValue value = readValue(read.subkey(), read.name());
            if (value != null) {
                found.put(read, value);
            }
        }
        return found;
    }

    /**
     * Tells whether a key exists under HKLM, read-only, for the related checks whose signal is a key's presence (the
     * reboot-pending keys of Windows servicing and Windows Update).
     *
     * @param subkey a key under HKLM, one of this tool's constants (letters, digits, spaces and backslashes)
     * @return whether it exists; {@code false} also where this account may not open it and the transport cannot tell
     *         that apart (reg.exe exits 1 for both)
     */
    boolean keyExists(String subkey) throws TransportException;

    /**
     * Reads {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentVersion}, for the connectivity analysis.
     *
     * @return the text as the host holds it (untrusted), or {@code null} where the host has none
     */
    default String windowsVersion() throws TransportException {
        RegistryValue value = readValue(VERSION_READ.subkey(), VERSION_READ.name());
        return value == null ? null : value.text();
    }

    /**
     * Reads what names the host's Windows release, for the report ({@link WindowsRelease}), in one
     * {@link #readValues} (one command over WinRM).
     *
     * @return e.g. "Microsoft Windows 2000, Service Pack 4, build 2195", or {@code null} where the host has none
     */
    default String windowsRelease() throws TransportException {
        return WindowsRelease.describe(readValues(WindowsRelease.READS));
    }

    /**
     * @return how this session reached the host where the transport has a choice (the SMB dialect, for example),
     * for the report; {@code null} before the first call or where there is no choice
     */
    default String channel() {
        return null;
    }

    /** Closes the session; never throws. */
    @Override
    void close();
}
