package io.jenkins.plugins.dcom.transport;

import io.jenkins.plugins.dcom.policy.ProtocolCatalog;
import io.jenkins.plugins.dcom.text.UntrustedText;
import java.util.List;

/** The registry location and the checks every transport applies before a value leaves the process. */
public final class ProtocolValues {
    /** The key, as {@code reg.exe} names it. */
    public static final String KEY = "HKLM\\SOFTWARE\\Microsoft\\Rpc";
    /** The key below HKLM, as the registry RPC names it. */
    public static final String SUBKEY = "SOFTWARE\\Microsoft\\Rpc";
    /** The value. */
    public static final String VALUE = "DCOM Protocols";

    private ProtocolValues() {
    }

    /**
     * @throws TransportException {@link FailureKind#INVALID_VALUE} naming the first bad entry
     */
    public static void check(String host, List<String> protocols) throws TransportException {
        if (protocols.isEmpty()) {
            throw new TransportException(FailureKind.INVALID_VALUE, host,
                    "refusing to write an empty protocol list, which disables DCOM");
        }
        for (String protocol : protocols) {
            if (protocol == null || !ProtocolCatalog.SAFE_NAME.matcher(protocol).matches() || protocol.length() > 32) {
                throw new TransportException(FailureKind.INVALID_VALUE, host, "refusing to write protocol name '"
                        + (protocol == null ? "null" : UntrustedText.clip(UntrustedText.entry(protocol), UntrustedText.ENTRY_SHOWN)) + "': names must match ^[a-z_]+$ (at most 32); remove it by hand "
                        + "or set 'unknownNames: error' so remediation drops it");
            }
        }
    }
}
