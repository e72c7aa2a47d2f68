package io.jenkins.plugins.dcom.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a command line the way cmd.exe and the C runtime do for the commands the lab knows: whitespace separates
 * arguments, double quotes group, {@code ^} escapes the next character, and {@code &&} / {@code &} outside quotes
 * separate commands.
 */
final class CmdTokenizer {
    /** Marks a command separator in the token list. */
    static final String AND_IF_OK = "\u0000&&";
    static final String AND_ALWAYS = "\u0000&";

    private CmdTokenizer() {
    }

    /**
     * Applies {@code cmd /c}'s quote rule (see {@code cmd /?}): the quotes are kept only when there are exactly two,
     * nothing special and some whitespace between them, and what they enclose is the name of an executable file (none
     * of the lab's programs has a name with a space, so never here); otherwise, when the line starts with a quote,
     * the first and the last quote are removed.
     */
    static String stripSlashCQuotes(String line) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("\"")) {
            return trimmed;
        }
        int last = trimmed.lastIndexOf('"');
        boolean exactlyTwo = last > 0 && trimmed.indexOf('"', 1) == last;
        String between = exactlyTwo ? trimmed.substring(1, last) : "";
        if (exactlyTwo && between.matches("[^&<>()@^|]*\\s[^&<>()@^|]*") && isProgram(between)) {
            return trimmed;
        }
        return last <= 0 ? trimmed.substring(1) : trimmed.substring(1, last) + trimmed.substring(last + 1);
    }

    /** @return whether the text names one of the lab's programs (cmd.exe's "name of an executable file" test) */
    private static boolean isProgram(String text) {
        return text.trim().toLowerCase(Locale.ROOT).matches("(reg|shutdown|powershell|cmd)(\\.exe)?");
    }

    static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                current = current == null ? new StringBuilder() : current;
            } else if (!quoted && c == '^' && i + 1 < line.length()) {
                current = append(current, line.charAt(++i));
            } else if (!quoted && c == '&') {
                flush(tokens, current);
                current = null;
                boolean twice = i + 1 < line.length() && line.charAt(i + 1) == '&';
                tokens.add(twice ? AND_IF_OK : AND_ALWAYS);
                i += twice ? 1 : 0;
            } else if (!quoted && Character.isWhitespace(c)) {
                flush(tokens, current);
                current = null;
            } else {
                current = append(current, c);
            }
        }
        flush(tokens, current);
        return tokens;
    }

    private static StringBuilder append(StringBuilder current, char c) {
        return (current == null ? new StringBuilder() : current).append(c);
    }

    private static void flush(List<String> tokens, StringBuilder current) {
        if (current != null) {
            tokens.add(current.toString());
        }
    }
}
