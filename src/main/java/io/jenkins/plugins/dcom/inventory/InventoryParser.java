package io.jenkins.plugins.dcom.inventory;

import io.jenkins.plugins.dcom.contract.TransportNames;
import io.jenkins.plugins.dcom.text.InputFiles;
import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the inventory format: one host a line, {@code host[:port]} then optional {@code key=value} fields,
 * {@code #} comments and blank lines. The same text works as a file and pasted into a form field.
 *
 * <pre>
 * # KB Q272937 fleet
 * sms-site-01.corp.example:5986  role=site-server transport=winrm
 * 10.1.2.3                       role=console     name=ADMIN-PC-7
 * [fe80::1]:5985
 * </pre>
 *
 * Fields: {@code role=site-server|console}, {@code transport=winrm|rrp}, {@code name=<display name>},
 * {@code smb=1|2|3} (the registry RPC's SMB version; chosen automatically when absent), {@code winrm=http|https}
 * (this host's WinRM listener, overriding the run's {@code --https}).
 */
public final class InventoryParser {

    private static final Pattern BRACKETED = Pattern.compile("^\\[([^\\]]+)\\](?::(\\d{1,5}))?$");
    private static final Pattern PLAIN = Pattern.compile("^([^:\\[\\]]+)(?::(\\d{1,5}))?$");
    private static final Pattern DISPLAY_NAME = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n|\r");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final List<String> FIELDS = Arrays.asList("role", "transport", "name", "smb", "winrm");
    private static final List<String> SMB_VERSIONS = Arrays.asList("1", "2", "3");

    /** Largest inventory file read: 16 MiB, some 200,000 host lines. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    /** Reads an inventory file, at most {@link #MAX_BYTES}. */
    public Inventory parse(Path file) throws InventoryException {
        try {
            return parse(InputFiles.readUtf8(file, MAX_BYTES), file.toString());
        } catch (NoSuchFileException e) {
            throw new InventoryException(file + ": no such inventory file; check the --inventory path", e);
        } catch (IOException e) {
            throw new InventoryException("inventory " + e.getMessage(), e);
        }
    }

    /**
     * Reads inventory text.
     *
     * @param text   the lines
     * @param source what to call it in messages
     * @return the targets in listed order
     * @throws InventoryException for the first bad line, naming it; or when no host is listed
     */
    public Inventory parse(String text, String source) throws InventoryException {
        List<Target> targets = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = LINE_BREAK.split(text, -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).trim();
            if (!line.isEmpty()) {
                Target target = parseLine(line, source, i + 1);
                checkDuplicate(target, seen, source);
                targets.add(target);
            }
        }
        if (targets.isEmpty()) {
            throw new InventoryException(source + ": lists no host; add one host per line, e.g. 'server01:5986 role=site-server'");
        }
        return new Inventory(targets);
    }

    /** @return text from the inventory, quoted as untrusted text is shown: escapes for control characters, clipped */
    private static String quoted(String text) {
        return "'" + UntrustedText.clip(UntrustedText.line(text), 80) + "'";
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static Target parseLine(String line, String source, int number) throws InventoryException {
        String[] tokens = SPACES.split(line);
        String where = source + " line " + number;
        String[] hostPort = hostAndPort(tokens[0], where);
        Integer port = port(hostPort[1], where);
        Map<String, String> fields = fields(tokens, where);
        Role role = Role.UNSPECIFIED;
        if (fields.containsKey("role")) {
            role = Role.parse(fields.get("role"));
            if (role == null) {
                throw new InventoryException(where + ": role " + quoted(fields.get("role")) + " is unknown; use role=site-server or role=console");
            }
        }
        String transport = fields.get("transport");
        if (transport != null && !TransportNames.ALL.contains(transport)) {
            throw new InventoryException(where + ": transport " + quoted(transport) + " is unknown; use transport=winrm or transport=rrp");
        }
        String name = fields.get("name");
        if (name != null && !DISPLAY_NAME.matcher(name).matches()) {
            throw new InventoryException(where + ": name " + quoted(name) + " may only hold letters, digits, '.', '_' and '-' (at most 64)");
        }
        return new Target(hostPort[0], port, role, transport, name, smb(fields.get("smb"), transport, where),
                https(fields.get("winrm"), transport, where), number);
    }

    private static Boolean https(String listener, String transport, String where) throws InventoryException {
        if (listener == null) {
            return null;
        }
        if (!"http".equals(listener) && !"https".equals(listener)) {
            throw new InventoryException(where + ": winrm " + quoted(listener) + " is unknown; use winrm=https (port 5986, "
                    + "certificate checked) or winrm=http (5985, messages encrypted by Negotiate)");
        }
        if ("rrp".equals(transport)) {
            throw new InventoryException(where + ": winrm=" + listener + " applies to transport=winrm, not rrp; remove one of them");
        }
        return "https".equals(listener);
    }

    private static Integer smb(String version, String transport, String where) throws InventoryException {
        if (version == null) {
            return null;
        }
        if (!SMB_VERSIONS.contains(version)) {
            throw new InventoryException(where + ": smb " + quoted(version) + " is unknown; use smb=1 (NT 4.0 to 2003), smb=2 or smb=3, "
                    + "or leave it out to choose automatically");
        }
        if ("winrm".equals(transport)) {
            throw new InventoryException(where + ": smb=" + version + " applies to transport=rrp, not winrm; remove one of them");
        }
        return Integer.valueOf(version);
    }

    private static String[] hostAndPort(String token, String where) throws InventoryException {
        Matcher bracketed = BRACKETED.matcher(token);
        Matcher plain = PLAIN.matcher(token);
        String host;
        String port;
        if (bracketed.matches()) {
            host = bracketed.group(1);
            port = bracketed.group(2);
            if (!HostNames.isIpv6(host)) {
                throw new InventoryException(where + ": " + quoted(host) + " in brackets is not an IPv6 address");
            }
        } else if (plain.matches()) {
            host = plain.group(1);
            port = plain.group(2);
        } else {
            throw new InventoryException(where + ": " + quoted(token) + " is not host[:port]; write IPv6 addresses as [addr]:port");
        }
        if (!HostNames.isValid(host)) {
            throw new InventoryException(where + ": " + quoted(host) + " is not a valid host name or IP address "
                    + "(letters, digits and '-' in dot-separated labels, or a dotted IPv4 address)");
        }
        return new String[] {host, port};
    }

    private static Integer port(String text, String where) throws InventoryException {
        if (text == null) {
            return null;
        }
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
            throw new InventoryException(where + ": port " + text + " is out of range; use 1-65535");
        }
        return port;
    }

    private static Map<String, String> fields(String[] tokens, String where) throws InventoryException {
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            int equals = tokens[i].indexOf('=');
            if (equals <= 0 || equals == tokens[i].length() - 1) {
                throw new InventoryException(where + ": " + quoted(tokens[i]) + " is not key=value; fields are " + FIELDS);
            }
            String key = tokens[i].substring(0, equals).toLowerCase(Locale.ROOT);
            if (!FIELDS.contains(key)) {
                throw new InventoryException(where + ": unknown field " + quoted(key) + "; fields are " + FIELDS);
            }
            if (fields.put(key, tokens[i].substring(equals + 1)) != null) {
                throw new InventoryException(where + ": field " + quoted(key) + " is given twice; keep one");
            }
        }
        return fields;
    }

    private static void checkDuplicate(Target target, Map<String, Integer> seen, String source) throws InventoryException {
        String key = target.address().toLowerCase(Locale.ROOT);
        Integer earlier = seen.put(key, target.getLine());
        if (earlier != null) {
            throw new InventoryException(source + " line " + target.getLine() + ": " + target.address()
                    + " is already listed on line " + earlier + "; remove one of the lines");
        }
    }
}
