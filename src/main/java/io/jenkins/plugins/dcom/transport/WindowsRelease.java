package io.jenkins.plugins.dcom.transport;

import io.jenkins.plugins.dcom.text.UntrustedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * How a report names a host's Windows release, from the values under {@link RegistryTransport#VERSION_KEY} that say it:
 * ProductName (absent on NT 4.0), CSDVersion (the service pack; absent without one, and on current Windows) and
 * CurrentBuildNumber. The host's text is untrusted: shown cleaned and cut short.
 */
public final class WindowsRelease {
    /** The values read, in the order they are shown. */
    public static final List<ValueRead> READS = Collections.unmodifiableList(Arrays.asList(
            new ValueRead(RegistryTransport.VERSION_KEY, "ProductName"), new ValueRead(RegistryTransport.VERSION_KEY, "CSDVersion"),
            new ValueRead(RegistryTransport.VERSION_KEY, "CurrentBuildNumber")));
    private static final int MAX_PART = 80;

    private WindowsRelease() {
    }

    /**
     * @param read the values of {@link #READS} found, absent (or {@code null}) where the host has none; a value that
     *             is not text is left out
     * @return e.g. "Microsoft Windows 2000, Service Pack 4, build 2195", or {@code null} when the host has none of them
     */
    public static String describe(Map<ValueRead, RegistryValue> read) {
        List<String> parts = new ArrayList<>();
        for (ValueRead wanted : READS) {
            String name = wanted.name();
            RegistryValue value = read.get(wanted);
            String text = value == null ? null : value.text();
            if (text != null && !text.trim().isEmpty()) {
                String part = text.trim().length() > MAX_PART ? text.trim().substring(0, MAX_PART) + "..." : text.trim();
                parts.add(("CurrentBuildNumber".equals(name) ? "build " : "") + UntrustedText.line(part));
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }
}
