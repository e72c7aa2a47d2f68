package io.jenkins.plugins.dcom.text;

import java.util.List;
import java.util.Locale;

/**
 * How text a host sent back is shown. Everything a host sends is untrusted: a protocol entry may hold a look-alike
 * letter ({@code ncacn_ip_t\u0163p}), a NUL, an ESC that drives the terminal, or characters that XML 1.0 forbids.
 *
 * <ul>
 * <li>{@link #entry(String)} shows one registry entry unambiguously: printable ASCII stays, a backslash is doubled,
 * every other code unit becomes {@code \}{@code uXXXX}. Two entries that differ always look different.</li>
 * <li>{@link #line(String)} makes a line of text (a message that may quote a host) safe for a terminal, XML 1.0 and
 * HTML: letters of any script stay, control, format and separator characters and unpaired surrogates become
 * {@code \}{@code uXXXX}.</li>
 * </ul>
 * report.json keeps the exact text instead (JSON escapes it); every other output goes through this class.
 */
public final class UntrustedText {
    /** How much of one registry entry a message shows ({@link #clip}); report.json keeps it whole. */
    public static final int ENTRY_SHOWN = 100;

    private UntrustedText() {
    }

    /** @return the entry with everything but printable ASCII escaped, so look-alikes and invisible characters show */
    public static String entry(String entry) {
        StringBuilder out = new StringBuilder(entry.length() + 8);
        for (int i = 0; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                unicode(out, c);
            }
        }
        return out.toString();
    }

    /**
     * @return the entries shown as {@code [a, b]}, each through {@link #entry(String)} and clipped to
     *         {@value #ENTRY_SHOWN} characters; {@code null} stays "null"
     */
    public static String list(List<String> entries) {
        if (entries == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < entries.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(clip(entry(entries.get(i)), ENTRY_SHOWN));
        }
        return out.append(']').toString();
    }

    /** @return the text with control, format and separator characters and unpaired surrogates escaped */
    public static String line(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (isUnsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                unicode(out, c);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Clips text a host or a file supplied to at most {@code max} characters, saying how long it was, so that a message
     * quoting it stays readable however much was sent. A surrogate pair is never split.
     *
     * @return the text whole when short enough, else its start, an ellipsis and {@code (N characters in all)}
     */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "... (" + text.length() + " characters in all)";
    }

    private static boolean isUnsafe(char c) {
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
            case Character.UNASSIGNED:
            case Character.PRIVATE_USE:
                return true;
            default:
                return c == '\uFFFE' || c == '\uFFFF';
        }
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u").append(String.format(Locale.ROOT, "%04X", (int) c));
    }
}
