package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.transport.ProtocolValues;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import io.jenkins.plugins.dcom.transport.ValueRead;
import java.util.List;

/**
 * The exact command lines sent over WinRM, as cmd.exe receives them ({@code cmd /c <line>}). Arguments are validated
 * by the caller ({@link ProtocolValues#check}, {@link RestartRequest}) and once more here: none may hold a quote or a
 * character cmd.exe treats specially, and those with spaces are quoted. Remediation sends one command that writes and
 * reads back, so it costs one command like an audit does.
 */
final class RegCommands {
    private RegCommands() {
    }

    /** The second separator {@code reg query /se} is asked for; see {@link RegQueryOutput}. */
    static final String SECOND_SEPARATOR = "#";
    private static final String AND = "&&";
    private static final String THEN = "&";

    /**
     * {@code reg query "HKLM\SOFTWARE\Microsoft\Rpc" /v "DCOM Protocols" && reg query ... /se #}: the value twice,
     * its entries joined by {@code \0} and by {@code #}, so that an entry holding either text is told apart.
     */
    static String query() {
        return line("reg", "query", ProtocolValues.KEY, "/v", ProtocolValues.VALUE, AND,
                "reg", "query", ProtocolValues.KEY, "/v", ProtocolValues.VALUE, "/se", SECOND_SEPARATOR);
    }

    /** The PowerShell that prints the last boot time in UTC ticks: the same digits in every language. */
    static final String BOOT_TIME_SCRIPT = "(Get-CimInstance Win32_OperatingSystem).LastBootUpTime.ToUniversalTime().Ticks";

    /** {@code powershell -NoProfile -NonInteractive -Command "<BOOT_TIME_SCRIPT>"}, as Ansible reads boot time. */
    static String bootTime() {
        return line("powershell", "-NoProfile", "-NonInteractive", "-Command", BOOT_TIME_SCRIPT);
    }

    /** {@code reg query "HKLM\<subkey>" /v <name>}; both validated by the caller */
    static String queryValue(String subkey, String name) {
        return line("reg", "query", "HKLM\\" + subkey, "/v", name);
    }

    /**
     * {@code reg query "HKLM\<k1>" /v A & reg query "HKLM\<k2>" /v B & ...}: values of any keys in one command, each
     * query run whatever the one before answered; each found value is printed under its key's line
     * ({@link RegQueryOutput#byKey})
     */
    static String queryAll(List<ValueRead> reads) {
        StringBuilder line = new StringBuilder();
        for (ValueRead read : reads) {
            line.append(line.length() == 0 ? "" : " " + THEN + " ").append(queryValue(read.subkey(), read.name()));
        }
        return line.toString();
    }

    /** {@code reg query "HKLM\<subkey>"}: lists the key; exit 0 when it exists and can be read. */
    static String queryKey(String subkey) {
        return line("reg", "query", "HKLM\\" + subkey);
    }

    /** {@code reg add ... /t REG_MULTI_SZ /d a\0b /f &&} the two queries of {@link #query()} */
    static String writeAndReadBack(List<String> protocols) {
        return line("reg", "add", ProtocolValues.KEY, "/v", ProtocolValues.VALUE, "/t", "REG_MULTI_SZ",
                "/d", String.join("\\0", protocols), "/f", AND) + " " + query();
    }

    /** {@code shutdown /r /t <delay> /c "<comment>" /d p:2:4}; the comment is always quoted */
    static String restart(RestartRequest request) {
        return line("shutdown", "/r", "/t", String.valueOf(request.getDelaySeconds())) + " /c "
                + quoted(request.getComment()) + " " + line("/d", "p:2:4");
    }

    private static String line(String... arguments) {
        StringBuilder line = new StringBuilder();
        for (String argument : arguments) {
            line.append(line.length() == 0 ? "" : " ").append(AND.equals(argument) ? AND
                    : argument.indexOf(' ') >= 0 ? quoted(argument) : checked(argument));
        }
        return line.toString();
    }

    private static String quoted(String argument) {
        return "\"" + checked(argument) + "\"";
    }

    /** The last guard: these characters would end a quote, chain a command, redirect, expand or escape in cmd.exe. */
    private static String checked(String argument) {
        for (char c : argument.toCharArray()) {
            if ("\"&|<>^%\r\n".indexOf(c) >= 0) {
                throw new IllegalArgumentException("refusing to put '" + c + "' on a cmd.exe command line");
            }
        }
        return argument;
    }
}
