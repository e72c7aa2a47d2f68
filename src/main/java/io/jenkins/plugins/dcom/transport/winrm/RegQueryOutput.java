package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.ProtocolValues;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code reg.exe} printed. Windows prints the key, then each value indented by four spaces with
 * four-space separators: {@code "    DCOM Protocols    REG_MULTI_SZ    ncacn_ip_tcp\0ncadg_ip_udp"}; a REG_MULTI_SZ
 * shows its entries joined by the two characters {@code \0}.
 */
final class RegQueryOutput {
    private static final Pattern VALUE_LINE =
            Pattern.compile("^ {4}" + Pattern.quote(ProtocolValues.VALUE) + " {4}(REG_[A-Z_]+)(?: {4}(.*))?$");

    private RegQueryOutput() {
    }

    /**
     * @param host   for messages
     * @param exit   the exit code of the command
     * @param stdout what it printed
     * @param stderr what it printed on stderr
     * @return the entries of DCOM Protocols
     * @throws TransportException classified from the exit code and the error text
     */
    static List<String> protocols(String host, int exit, String stdout, String stderr) throws TransportException {
        if (exit != 0) {
            throw failure(host, exit, stderr.trim().isEmpty() ? stdout : stderr);
        }
        for (String line : stdout.split("\r?\n")) {
            Matcher matcher = VALUE_LINE.matcher(line);
            if (matcher.matches()) {
                return entries(host, matcher.group(1), matcher.group(2));
            }
        }
        throw new TransportException(FailureKind.PROTOCOL_ERROR, host,
                "reg query printed no line for '" + ProtocolValues.VALUE + "' (" + excerpt(stdout) + ")");
    }

    private static List<String> entries(String host, String type, String data) throws TransportException {
        if (!"REG_MULTI_SZ".equals(type)) {
            throw new TransportException(FailureKind.WRONG_TYPE, host,
                    "DCOM Protocols is " + type + " (" + excerpt(data == null ? "" : data) + "), not REG_MULTI_SZ");
        }
        if (data == null || data.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> entries = new ArrayList<>();
        for (String entry : data.split(Pattern.quote("\\0"), -1)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** Classifies a failed {@code reg} or {@code shutdown} command by its exit code and its error text. */
    static TransportException failure(String host, int exit, String errorText) {
        String text = errorText.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("access is denied")) {
            return new TransportException(FailureKind.ACCESS_DENIED, host, "Windows answered: " + excerpt(text));
        }
        if (lower.contains("unable to find the specified registry key or value")) {
            return new TransportException(FailureKind.VALUE_MISSING, host, "Windows answered: " + excerpt(text));
        }
        return new TransportException(FailureKind.PROTOCOL_ERROR, host,
                "the command failed with exit code " + exit + ": " + excerpt(text));
    }

    private static String excerpt(String text) {
        String single = text.replaceAll("\\s+", " ").trim();
        return single.length() <= 200 ? single : single.substring(0, 200) + "...";
    }
}
