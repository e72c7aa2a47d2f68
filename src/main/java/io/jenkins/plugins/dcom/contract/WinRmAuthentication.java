package io.jenkins.plugins.dcom.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How the WinRM transport logs on: the one list read by the command line ({@code --auth}), the build step's form and
 * the Pipeline step. Over plain HTTP a Windows server with its defaults ({@code AllowUnencrypted=false}) accepts only
 * encrypted messages: {@link #NEGOTIATE} and {@link #KERBEROS} encrypt them; {@link #BASIC} needs HTTPS, or
 * {@code --allow-http} on a lab network.
 */
public enum WinRmAuthentication {
    /** NTLMv2 inside Negotiate, with message encryption over HTTP: what a default Windows server accepts. */
    NEGOTIATE,
    /** Kerberos (krb5.conf, a domain account {@code user@REALM}, FQDN host names), with message encryption over HTTP. */
    KERBEROS,
    /** Basic: local accounts only, off on a default Windows server; the password in clear unless over HTTPS. */
    BASIC;

    /** The default for runs that name none. */
    public static final WinRmAuthentication DEFAULT = NEGOTIATE;
    /** {@link #DEFAULT}'s label, as a constant for option declarations; a test holds the two together. */
    public static final String DEFAULT_LABEL = "negotiate";

    /** @return the name users write: {@code negotiate}, {@code kerberos} or {@code basic} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return every label, in the order forms list them */
    public static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (WinRmAuthentication mode : values()) {
            labels.add(mode.label());
        }
        return Collections.unmodifiableList(labels);
    }

    /**
     * @param label a label as given, {@code null} or blank for the default
     * @throws IllegalArgumentException naming the accepted labels when {@code label} is not one
     */
    public static WinRmAuthentication parse(String label) {
        if (label == null || label.trim().isEmpty()) {
            return DEFAULT;
        }
        for (WinRmAuthentication mode : values()) {
            if (mode.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("WinRM authentication '" + label.trim() + "' is unknown; use one of " + labels());
    }
}
