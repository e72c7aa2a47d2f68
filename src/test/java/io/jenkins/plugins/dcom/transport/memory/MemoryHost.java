package io.jenkins.plugins.dcom.transport.memory;

import io.jenkins.plugins.dcom.transport.ProtocolValues;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One host of a {@link MemoryFleet}: a registry of values under HKLM, a password, and how it behaves (down, read-only).
 * A restart takes effect at once: the boot marker changes. Thread-safe; what it counts, tests read.
 */
public final class MemoryHost {
    private final String name;
    private final Map<String, RegistryValue> values = new HashMap<>();
    private final Set<String> keys = new HashSet<>();
    private String password;
    private boolean down;
    private boolean readOnly;
    private boolean restartAborted;
    private int boots = 1;
    private int restarts;
    private int rejectedLogons;
    private int writes;

    MemoryHost(String name, String password) {
        this.name = name;
        this.password = password;
        keys.add(ProtocolValues.SUBKEY);
        keys.add(RegistryTransport.VERSION_KEY);
    }

    public String name() {
        return name;
    }

    /** @return this host with its DCOM Protocols set to the entries, as a REG_MULTI_SZ */
    public MemoryHost protocols(String... entries) {
        return value(ProtocolValues.SUBKEY, ProtocolValues.VALUE, RegistryValue.multiSz(java.util.Arrays.asList(entries)));
    }

    /** Sets (or, with {@code null}, removes) a value; its key then exists. */
    public synchronized MemoryHost value(String subkey, String valueName, RegistryValue value) {
        String key = key(subkey, valueName);
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
            keys.add(subkey.toLowerCase(java.util.Locale.ROOT));
        }
        return this;
    }

    /** Sets a REG_SZ value, as text. */
    public MemoryHost text(String subkey, String valueName, String text) {
        return value(subkey, valueName, new RegistryValue(RegistryValue.REG_SZ, (text + "\0").getBytes(StandardCharsets.UTF_16LE), true));
    }

    /** Sets the host's CurrentVersion ("4.0" for NT 4.0, "5.0" for Windows 2000). */
    public MemoryHost windows(String currentVersion) {
        return text(RegistryTransport.VERSION_KEY, RegistryTransport.VERSION_VALUE, currentVersion);
    }

    public synchronized MemoryHost down() {
        this.down = true;
        return this;
    }

    /** The account may read but not write or restart. */
    public synchronized MemoryHost readOnly() {
        this.readOnly = true;
        return this;
    }

    /** A restart is accepted and then aborted ({@code shutdown /a}): the host never boots again. */
    public synchronized MemoryHost restartAborted() {
        this.restartAborted = true;
        return this;
    }

    /** This host expects another password (its local account differs). */
    public synchronized MemoryHost password(String value) {
        this.password = value;
        return this;
    }

    /** @return the value as stored, or {@code null} */
    public synchronized RegistryValue stored(String subkey, String valueName) {
        return values.get(key(subkey, valueName));
    }

    /** @return DCOM Protocols' entries as stored */
    public List<String> protocols() throws Exception {
        return stored(ProtocolValues.SUBKEY, ProtocolValues.VALUE).protocols(name);
    }

    /** @return the restarts asked for, whether or not the host then booted */
    public synchronized int restarts() {
        return restarts;
    }

    public synchronized int rejectedLogons() {
        return rejectedLogons;
    }

    public synchronized int writes() {
        return writes;
    }

    synchronized boolean isDown() {
        return down;
    }

    synchronized boolean isReadOnly() {
        return readOnly;
    }

    /** @return whether the password is this host's; a wrong one is counted, as a domain controller counts it */
    synchronized boolean logOn(String offered) {
        if (password.equals(offered)) {
            return true;
        }
        rejectedLogons++;
        return false;
    }

    synchronized boolean hasKey(String subkey) {
        return keys.contains(subkey.toLowerCase(java.util.Locale.ROOT)) || keys.contains(subkey);
    }

    synchronized void write(RegistryValue value) {
        writes++;
        values.put(key(ProtocolValues.SUBKEY, ProtocolValues.VALUE), value);
    }

    synchronized void restart() {
        restarts++;
        if (!restartAborted) {
            boots++;
        }
    }

    synchronized String bootMarker() {
        return name + "-boot-" + boots;
    }

    private static String key(String subkey, String valueName) {
        return (subkey + "\\" + valueName).toLowerCase(java.util.Locale.ROOT);
    }
}
