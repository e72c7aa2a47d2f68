package io.jenkins.plugins.dcom.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Runs exactly the commands the WinRM transport sends ({@code reg query}, {@code reg add}, {@code shutdown /r}),
 * chained with {@code &&} or {@code &}, and answers everything else as cmd.exe does. Output text, line endings
 * and exit codes follow what Windows prints (see {@code docs/lab.md} for the sources).
 */
final class WindowsShell {
    static final String CRLF = "\r\n";
    private static final String KEY_SHORT = "HKLM\\SOFTWARE\\MICROSOFT\\RPC";
    private static final String KEY_LONG = "HKEY_LOCAL_MACHINE\\SOFTWARE\\MICROSOFT\\RPC";
    private static final String KEY_PRINTED = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Rpc";
    private static final String VALUE = "DCOM Protocols";
    /** What the WinRM transport asks PowerShell for (RegCommands.BOOT_TIME_SCRIPT; the lab must not depend on it). */
    private static final String BOOT_TIME_SCRIPT = "(Get-CimInstance Win32_OperatingSystem).LastBootUpTime.ToUniversalTime().Ticks";
    private static final String NOT_FOUND_EN = "ERROR: The system was unable to find the specified registry key or value." + CRLF;
    private static final String ACCESS_DENIED_EN = "ERROR: Access is denied." + CRLF;
    private static final String NOT_FOUND_DE = "FEHLER: Der angegebene Registrierungsschl\u00fcssel bzw. Wert wurde nicht gefunden." + CRLF;
    private static final String ACCESS_DENIED_DE = "FEHLER: Zugriff verweigert" + CRLF;

    /** Receives accepted restart requests. */
    interface RestartHandler {
        void restartRequested(RestartRecord request);
    }

    private final String computerName;
    private final LabRegistry registry;
    private final boolean denyWrite;
    private final RestartHandler restarts;
    private boolean restartAlreadyScheduled;
    private boolean german;
    private LongSupplier bootTicks = () -> 0L;
    private Map<String, String[]> values = Collections.emptyMap();

    WindowsShell(String computerName, LabRegistry registry, boolean denyWrite, RestartHandler restarts) {
        this.computerName = computerName;
        this.registry = registry;
        this.denyWrite = denyWrite;
        this.restarts = restarts;
    }

    /** Makes {@code shutdown /r} answer as Windows does while another shutdown is pending (exit 1190). */
    WindowsShell restartAlreadyScheduled(boolean value) {
        this.restartAlreadyScheduled = value;
        return this;
    }

    /** Where {@code powershell ... LastBootUpTime...Ticks} takes the boot time from. */
    WindowsShell bootTicks(LongSupplier value) {
        this.bootTicks = value;
        return this;
    }

    /** Extra values {@code reg query} answers, by {@code SUBKEY\NAME} upper-cased ({@link LabHostSpec#value}). */
    WindowsShell values(Map<String, String[]> value) {
        this.values = value;
        return this;
    }

    /** Makes the tools answer in German, as a de-DE Windows does; exit codes stay the same. */
    WindowsShell german(boolean value) {
        this.german = value;
        return this;
    }

    private String notFound() {
        return german ? NOT_FOUND_DE : NOT_FOUND_EN;
    }

    private String accessDenied() {
        return german ? ACCESS_DENIED_DE : ACCESS_DENIED_EN;
    }

    /**
     * Runs a command line as WinRM does: through {@code cmd.exe /c}, where {@code a && b & c} runs {@code c} whatever
     * {@code a} answered, and {@code b} only when it succeeded.
     */
    CommandOutput execute(String commandLine) {
        List<String> tokens = CmdTokenizer.tokens(CmdTokenizer.stripSlashCQuotes(commandLine));
        CommandOutput output = CommandOutput.ok("");
        List<String> command = new ArrayList<>();
        boolean skipping = false; // after a failed "&&", up to the next "&"
        for (String token : tokens) {
            boolean andIfOk = CmdTokenizer.AND_IF_OK.equals(token);
            if (andIfOk || CmdTokenizer.AND_ALWAYS.equals(token)) {
                if (!skipping) {
                    output = output.then(run(command));
                }
                command.clear();
                skipping = andIfOk && (skipping || output.exitCode != 0);
            } else {
                command.add(token);
            }
        }
        return skipping ? output : output.then(run(command));
    }

    private CommandOutput run(List<String> args) {
        if (args.isEmpty()) {
            return CommandOutput.ok("");
        }
        String program = args.get(0).toLowerCase(Locale.ROOT).replaceAll("\\.exe$", "");
        List<String> rest = args.subList(1, args.size());
        if ("reg".equals(program) && !rest.isEmpty()) {
            String verb = rest.get(0).toLowerCase(Locale.ROOT);
            if ("query".equals(verb)) {
                return query(rest.subList(1, rest.size()));
            }
            if ("add".equals(verb)) {
                return add(rest.subList(1, rest.size()));
            }
            return CommandOutput.error("ERROR: Invalid syntax." + CRLF + "Type \"REG /?\" for usage." + CRLF, 1);
        }
        if ("shutdown".equals(program)) {
            return shutdown(rest);
        }
        if ("powershell".equals(program)) {
            return powershell(rest);
        }
        return CommandOutput.error("'" + args.get(0) + "' is not recognized as an internal or external command," + CRLF
                + "operable program or batch file." + CRLF, 1);
    }

    /** {@code reg query KEY /v NAME [/se C]}: {@code /se} sets the one-character REG_MULTI_SZ separator shown. */
    private CommandOutput query(List<String> args) {
        Options options = Options.parse(args.subList(Math.min(1, args.size()), args.size()),
                Arrays.asList("/v", "/se"), Collections.<String>emptyList());
        String separator = options == null ? null : options.get("/se");
        if (args.size() == 1) {
            return queryKey(args.get(0));
        }
        if (args.isEmpty() || options == null || options.get("/v") == null || separator != null && separator.length() != 1) {
            return CommandOutput.error("ERROR: Invalid syntax." + CRLF + "Type \"REG QUERY /?\" for usage." + CRLF, 1);
        }
        String[] extra = values.get((hklmSubkey(args.get(0)) + "\\" + options.get("/v")).toUpperCase(Locale.ROOT));
        if (extra != null) {
            return CommandOutput.ok(CRLF + "HKEY_LOCAL_MACHINE\\" + extra[0] + CRLF + "    " + extra[1] + "    " + extra[2] + "    "
                    + extra[3] + CRLF + CRLF);
        }
        if (!isRpcKey(args.get(0)) || !VALUE.equalsIgnoreCase(options.get("/v")) || registry.type() == null) {
            return CommandOutput.error(notFound(), 1);
        }
        return CommandOutput.ok(CRLF + KEY_PRINTED + CRLF + "    " + VALUE + "    " + registry.type() + "    "
                + printed(registry.type(), registry.data(), separator == null ? "\\0" : separator) + CRLF + CRLF);
    }

    /** {@code reg query KEY}: the key and its values; the lab's Rpc key always exists, its value may not. */
    private CommandOutput queryKey(String key) {
        if (!isRpcKey(key)) {
            return otherKey(key);
        }
        String value = registry.type() == null ? "" : "    " + VALUE + "    " + registry.type() + "    "
                + printed(registry.type(), registry.data(), "\\0") + CRLF;
        return CommandOutput.ok(CRLF + KEY_PRINTED + CRLF + value + CRLF);
    }

    /** Any other key the host was given ({@link LabHostSpec#key}, {@link LabHostSpec#value}): its values listed. */
    private CommandOutput otherKey(String key) {
        String subkey = hklmSubkey(key);
        StringBuilder listed = null;
        for (String[] value : values.values()) {
            if (value[0].equalsIgnoreCase(subkey)) {
                listed = listed == null ? new StringBuilder() : listed;
                if (!value[1].isEmpty()) {
                    listed.append("    ").append(value[1]).append("    ").append(value[2]).append("    ").append(value[3]).append(CRLF);
                }
            }
        }
        return listed == null ? CommandOutput.error(notFound(), 1)
                : CommandOutput.ok(CRLF + "HKEY_LOCAL_MACHINE\\" + subkey + CRLF + listed + CRLF);
    }

    private static String printed(String type, List<String> data, String separator) {
        return "REG_MULTI_SZ".equals(type) ? String.join(separator, data) : data.isEmpty() ? "" : data.get(0);
    }

    private CommandOutput add(List<String> args) {
        Options options = Options.parse(args.subList(Math.min(1, args.size()), args.size()),
                Arrays.asList("/v", "/t", "/d", "/s"), Collections.singletonList("/f"));
        if (args.isEmpty() || options == null || options.get("/v") == null) {
            return CommandOutput.error("ERROR: Invalid syntax." + CRLF + "Type \"REG ADD /?\" for usage." + CRLF, 1);
        }
        if (!isRpcKey(args.get(0)) || !VALUE.equalsIgnoreCase(options.get("/v"))) {
            return CommandOutput.error(accessDenied(), 1);
        }
        if (denyWrite) {
            return CommandOutput.error(accessDenied(), 1);
        }
        if (!options.has("/f") && registry.type() != null) {
            return CommandOutput.error("Value " + VALUE + " exists, overwrite(Yes/No)? The operation was canceled by the user."
                    + CRLF, 1);
        }
        String type = options.get("/t") == null ? "REG_SZ" : options.get("/t").toUpperCase(Locale.ROOT);
        if (!"REG_SZ".equals(type) && !"REG_MULTI_SZ".equals(type)) {
            return CommandOutput.error("ERROR: Invalid syntax." + CRLF + "Type \"REG ADD /?\" for usage." + CRLF, 1);
        }
        String data = options.get("/d") == null ? "" : options.get("/d");
        registry.set(type, "REG_MULTI_SZ".equals(type) ? split(data, options.get("/s")) : Collections.singletonList(data));
        return CommandOutput.ok((german ? "Der Vorgang wurde erfolgreich beendet." : "The operation completed successfully.") + CRLF + CRLF);
    }

    private static List<String> split(String data, String separator) {
        List<String> entries = new ArrayList<>();
        for (String entry : data.split(Pattern.quote(separator == null ? "\\0" : separator), -1)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private CommandOutput shutdown(List<String> args) {
        Options options = Options.parse(args, Arrays.asList("/t", "/c", "/d"), Arrays.asList("/r", "/f"));
        String usage = "The parameter is incorrect.(87)" + CRLF;
        if (options == null || !options.has("/r")) {
            return CommandOutput.error(usage, 87);
        }
        int delay;
        try {
            delay = options.get("/t") == null ? 30 : Integer.parseInt(options.get("/t"));
        } catch (NumberFormatException e) {
            return CommandOutput.error(usage, 87);
        }
        String comment = options.get("/c") == null ? "" : options.get("/c");
        if (delay < 0 || delay > 315_360_000 || comment.length() > 512) {
            return CommandOutput.error(usage, 87);
        }
        if (denyWrite) {
            return CommandOutput.error(computerName + (german ? ": Zugriff verweigert(5)" : ": Access is denied.(5)") + CRLF, 5);
        }
        if (restartAlreadyScheduled) {
            return CommandOutput.error(computerName + (german ? ": Das Herunterfahren des Systems wurde bereits geplant.(1190)"
                    : ": A system shutdown has already been scheduled.(1190)") + CRLF, 1190);
        }
        restarts.restartRequested(new RestartRecord(delay, comment, options.get("/d")));
        return CommandOutput.ok("");
    }

    /** The one PowerShell command the transport sends: the last boot time in UTC ticks. */
    private CommandOutput powershell(List<String> args) {
        boolean bootTime = args.size() == 4 && "-noprofile".equalsIgnoreCase(args.get(0))
                && "-noninteractive".equalsIgnoreCase(args.get(1)) && "-command".equalsIgnoreCase(args.get(2))
                && BOOT_TIME_SCRIPT.equals(args.get(3));
        if (!bootTime) {
            return CommandOutput.error("The lab runs one PowerShell command only: " + BOOT_TIME_SCRIPT + CRLF, 1);
        }
        return CommandOutput.ok(bootTicks.getAsLong() + CRLF);
    }

    /** @return the key without its HKLM\ or HKEY_LOCAL_MACHINE\ root */
    private static String hklmSubkey(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        for (String root : new String[] {"HKLM\\", "HKEY_LOCAL_MACHINE\\"}) {
            if (upper.startsWith(root)) {
                return key.substring(root.length());
            }
        }
        return key;
    }

    private static boolean isRpcKey(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        return KEY_SHORT.equals(upper) || KEY_LONG.equals(upper);
    }

    /** Windows-style switches: {@code /x value} for valued ones, {@code /x} for flags, case-insensitive. */
    private static final class Options {
        private final Map<String, String> values = new HashMap<>();

        static Options parse(List<String> args, List<String> valued, List<String> flags) {
            Options options = new Options();
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i).toLowerCase(Locale.ROOT);
                if (valued.contains(name) && i + 1 < args.size()) {
                    options.values.put(name, args.get(++i));
                } else if (flags.contains(name)) {
                    options.values.put(name, "");
                } else {
                    return null;
                }
            }
            return options;
        }

        String get(String name) {
            return values.get(name);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }
    }
}
