package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.text.UntrustedText;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.MultiSz;
import io.jenkins.plugins.dcom.transport.ProtocolValues;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.ValueRead;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code reg.exe} printed. Windows prints the key, then each value indented by four spaces with
 * four-space separators: {@code "    DCOM Protocols    REG_MULTI_SZ    ncacn_ip_tcp\0ncadg_ip_udp"}; a REG_MULTI_SZ
 * shows its entries joined by the two characters {@code \0}, or by the separator given with {@code /se}.
 *
 * <p>Joined text alone is ambiguous (an entry may hold the text {@code \0}), so {@link RegCommands#query()} asks
 * twice, with {@code \0} and with {@code #}: the split on {@code \0} is exact when joining its parts with {@code #}
 * gives the second line, and the split on {@code #} when the converse holds; when neither does, the value is
 * reported as unreadable rather than guessed.
 */
final class RegQueryOutput {
    private static final String HKLM = "HKEY_LOCAL_MACHINE\\";
    private static final String DEFAULT_SEPARATOR = "\\0";
    private static final Pattern VALUE_LINE =
            Pattern.compile("^ {4}" + Pattern.quote(ProtocolValues.VALUE) + " {4}(REG_[A-Z_]+)(?: {4}(.*))?$");
    /*
     * Every pattern is compiled once: a cold run compiled each again for every host (splits and matches included),
     * and the JIT then compiled the regex compiler itself.
     */
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final Pattern DWORD = Pattern.compile("0x[0-9a-fA-F]{1,8}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DEFAULT_SPLIT = Pattern.compile(Pattern.quote(DEFAULT_SEPARATOR));
    private static final Pattern SECOND_SPLIT = Pattern.compile(Pattern.quote(RegCommands.SECOND_SEPARATOR));
    /** The line of each value name asked for; the names are the tool's and its policy's, a handful per run. */
    private static final Map<String, Pattern> NAMED_LINES = new ConcurrentHashMap<>();

    private RegQueryOutput() {
    }

    /**
     * @param host   for messages
     * @param exit   the exit code of the command
     * @param stdout what it printed
     * @param stderr what it printed on stderr
     * @return the value, rebuilt from the printed entries (so not {@link RegistryValue#isExact() exact})
     * @throws TransportException {@link FailureKind#WRONG_TYPE}, {@link FailureKind#MALFORMED_VALUE} or
     *                            {@link FailureKind#PROTOCOL_ERROR}; the caller classifies a non-zero exit itself
     */
    static RegistryValue value(String host, String stdout) throws TransportException {
        List<String[]> lines = new ArrayList<>();
        for (String line : LINE_BREAK.split(stdout)) {
            Matcher matcher = VALUE_LINE.matcher(line);
            if (matcher.matches()) {
                lines.add(new String[] {matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2)});
            }
        }
        if (lines.size() != 2 || !lines.get(0)[0].equals(lines.get(1)[0])) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, host, "reg query printed " + lines.size()
                    + " lines for '" + ProtocolValues.VALUE + "', not 2 (" + excerpt(stdout) + ")");
        }
        String type = lines.get(0)[0];
        if (!"REG_MULTI_SZ".equals(type)) {
            throw new TransportException(FailureKind.WRONG_TYPE, host,
                    "DCOM Protocols is " + type + " (" + excerpt(lines.get(0)[1]) + "), not REG_MULTI_SZ");
        }
        List<String> entries = entries(host, lines.get(0)[1], lines.get(1)[1]);
        return new RegistryValue(RegistryValue.REG_MULTI_SZ, MultiSz.encode(entries), false);
    }

    private static List<String> entries(String host, String byDefault, String bySecond) throws TransportException {
        if (byDefault.indexOf('\0') >= 0 || bySecond.indexOf('\0') >= 0) {
            throw new TransportException(FailureKind.MALFORMED_VALUE, host, "DCOM Protocols as reg.exe printed it holds a "
                    + "NUL character, which no REG_MULTI_SZ entry can hold; read it with transport=rrp or regedit");
        }
        List<String> split = split(byDefault, DEFAULT_SPLIT);
        if (String.join(RegCommands.SECOND_SEPARATOR, split).equals(bySecond)) {
            return split;
        }
        List<String> other = split(bySecond, SECOND_SPLIT);
        if (String.join(DEFAULT_SEPARATOR, other).equals(byDefault)) {
            return other;
        }
        throw new TransportException(FailureKind.MALFORMED_VALUE, host, "DCOM Protocols has entries holding both the "
                + "text \\0 and '#', which reg.exe output cannot split exactly; read it with transport=rrp or regedit");
    }

    /**
     * Reads one value as {@code reg query KEY /v NAME} printed it: REG_SZ and REG_EXPAND_SZ as text, REG_DWORD as
     * {@code 0x...}, REG_MULTI_SZ with {@code \0} between entries (an entry holding that text is split there: fine for
     * the read-only checks, never used for DCOM Protocols).
     *
     * @return the value rebuilt from the printed text (not exact), or {@code null} when no such line or another type
     */
    /**
     * Reads values from what several queries printed: reg.exe prints each key's line ({@code HKEY_LOCAL_MACHINE\...}),
     * then that key's value lines (windows-field-facts 1a), so a value is read from the lines under its own key.
     *
     * @return the values found, by read; one not printed is absent
     */
    static Map<ValueRead, RegistryValue> values(String stdout, List<ValueRead> reads) {
        Map<String, String> byKey = byKey(stdout);
        Map<ValueRead, RegistryValue> found = new LinkedHashMap<>();
        for (ValueRead read : reads) {
            String lines = byKey.get(read.subkey().toUpperCase(Locale.ROOT));
            RegistryValue value = lines == null ? null : namedValue(lines, read.name());
            if (value != null) {
                found.put(read, value);
            }
        }
        return found;
    }

    private static Map<String, String> byKey(String stdout) {
        Map<String, String> blocks = new HashMap<>();
        String key = null;
        for (String printed : LINE_BREAK.split(stdout)) {
            if (printed.regionMatches(true, 0, HKLM, 0, HKLM.length())) {
                key = printed.substring(HKLM.length()).trim().toUpperCase(Locale.ROOT);
            } else if (key != null && !printed.trim().isEmpty()) {
                String before = blocks.get(key);
                blocks.put(key, before == null ? printed : before + "\n" + printed);
            }
        }
        return blocks;
    }

    static RegistryValue namedValue(String stdout, String name) {
        Pattern line = NAMED_LINES.computeIfAbsent(name, asked ->
                Pattern.compile("^ {4}" + Pattern.quote(asked) + " {4}(REG_[A-Z_]+)(?: {4}(.*))?$", Pattern.CASE_INSENSITIVE));
        for (String printed : LINE_BREAK.split(stdout)) {
            Matcher matcher = line.matcher(printed);
            if (matcher.matches()) {
                return rebuilt(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
            }
        }
        return null;
    }

    private static RegistryValue rebuilt(String type, String data) {
        switch (type) {
            case "REG_SZ":
            case "REG_EXPAND_SZ":
                return new RegistryValue("REG_SZ".equals(type) ? RegistryValue.REG_SZ : 2,
                        (data + "\0").getBytes(StandardCharsets.UTF_16LE), false);
            case "REG_DWORD":
                if (!DWORD.matcher(data).matches()) {
                    return null;
                }
                int number = (int) Long.parseLong(data.substring(2), 16);
                return new RegistryValue(RegistryValue.REG_DWORD, ByteBuffer.allocate(4)
                        .order(ByteOrder.LITTLE_ENDIAN).putInt(number).array(), false);
            case "REG_MULTI_SZ":
                if (data.indexOf('\0') >= 0) {
                    return null; // no REG_MULTI_SZ entry holds a NUL: not a value reg.exe printed
                }
                return new RegistryValue(RegistryValue.REG_MULTI_SZ, MultiSz.encode(split(data, DEFAULT_SPLIT)), false);
            default:
                return null;
        }
    }

    /** Splits joined entries, keeping empty ones: none is dropped silently. */
    private static List<String> split(String data, Pattern separator) {
        if (data.isEmpty()) {
            return Collections.emptyList();
        }
        return Arrays.asList(separator.split(data, -1));
    }

    /** @return what Windows printed on failure, on one line, shortened, for a message (localized: never classified) */
    static String answered(String stdout, String stderr) {
        String text = stderr.trim().isEmpty() ? stdout : stderr;
        return "Windows answered: " + excerpt(text);
    }

    /** @return host text on one line, shown safely, clipped with its length given */
    private static String excerpt(String text) {
        return UntrustedText.clip(UntrustedText.line(SPACES.matcher(text).replaceAll(" ").trim()), 200);
    }
}
