package io.jenkins.plugins.dcom.contract;

import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the command line hands the build step about a run: {@value #FILE} beside the reports, one entry per host, in
 * the JDK's {@link Properties} format, so that the server reads it without a JSON library (the controller loads only
 * the plugin, its parsers and YAML) and without json-lib's habit of turning strings that look like JSON into JSON.
 *
 * <p>Everything in it that a host sent is already shown as {@link UntrustedText} shows it; the reader applies the
 * same again, since the file comes from an untrusted workspace. Keys: {@code schema}, {@code hosts}, then for host
 * {@code i} (from 1) {@code host.i.address|name|role|transport|status|outcome|message}, and the lists
 * {@code host.i.before|after|diff}, one element a line; and {@code rollout}, the staged rollout's waves and gates, one
 * a line (absent when the run went all at once; a reader of an older file finds none).
 */
public final class BuildSummary {
    /** The file's name in the report folder. */
    public static final String FILE = "build-summary.properties";
    /** Version of the keys; raised on any incompatible change. */
    public static final int SCHEMA = 1;
    /** Largest file read: some 100,000 hosts. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private static final String[] FIELDS = {"address", "name", "role", "transport", "status", "outcome", "message"};
    private static final String[] LISTS = {"before", "after", "diff"};
    /** The characters {@link Properties#store} writes as a backslash and the letter of {@link #ESCAPES} at its place. */
    private static final String ESCAPED = "\\\t\n\r\f=:#!";
    private static final String ESCAPES = "\\tnrf=:#!";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private BuildSummary() {
    }

    /** One host, as the build page shows it. */
    public static final class Host {
        private final Properties values;
        private final int index;

        Host(Properties values, int index) {
            this.values = values;
            this.index = index;
        }

        /** @return a field ({@code address}, {@code name}, ...), shown safely, or {@code null} when absent */
        public String get(String field) {
            String value = values.getProperty("host." + index + "." + field);
            return value == null ? null : UntrustedText.line(value);
        }

        /** @return a list ({@code before}, {@code after}, {@code diff}), each element shown safely; empty when absent */
        public List<String> list(String name) {
            List<String> elements = new ArrayList<String>();
            String value = values.getProperty("host." + index + "." + name);
            if (value != null && !value.isEmpty()) {
                for (String element : value.split("\n", -1)) {
                    elements.add(UntrustedText.line(element));
                }
            }
            return elements;
        }
    }

    /** What the file holds: the hosts, and the rollout's lines. */
    public static final class Summary {
        private final List<Host> hosts;
        private final List<String> rollout;

        Summary(List<Host> hosts, List<String> rollout) {
            this.hosts = hosts;
            this.rollout = rollout;
        }

        /** @return the hosts in run order */
        public List<Host> hosts() {
            return hosts;
        }

        /** @return the rollout's waves and gates, each shown safely; empty when the run went all at once */
        public List<String> rollout() {
            return rollout;
        }
    }

    /**
     * Writes the file host by host, in any order, as the hosts come, so that a fleet of any size passes through a
     * buffer: {@link #header()}, then each host's {@link #host} entries, then {@link #footer} with the count, the schema
     * and the rollout (a properties file's order does not matter to its reader). Each part is written with
     * {@link Properties#store}'s escapes.
     */
    public static byte[] header() {
        return "#DCOM compliance: the build step's summary of one run (see docs/reports.md)\n".getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * @param number the host's place in the run, from 1
     * @param fields the values of {@code address, name, role, transport, status, outcome, message}, in that order
     * @param lists  the entries of {@code before, after, diff}, in that order; {@code null} for none
     * @return the host's entries
     */
    public static byte[] host(int number, String[] fields, List<List<String>> lists) {
        Map<String, String> values = new LinkedHashMap<String, String>();
        for (int i = 0; i < FIELDS.length; i++) {
            if (fields[i] != null) {
                values.put("host." + number + "." + FIELDS[i], UntrustedText.line(fields[i]));
            }
        }
        for (int i = 0; i < LISTS.length; i++) {
            List<String> list = lists.get(i);
            if (list != null) {
                values.put("host." + number + "." + LISTS[i], joined(list, false));
            }
        }
        return stored(values);
    }

    /**
     * @param hosts   how many hosts the run had: entries numbered 1 to {@code hosts} were written
     * @param rollout the rollout's waves and gates, in order; nothing is written for none
     * @return the closing entries
     */
    public static byte[] footer(int hosts, List<String> rollout) {
        Map<String, String> values = new LinkedHashMap<String, String>();
        if (!rollout.isEmpty()) {
            values.put("rollout", joined(rollout, true));
        }
        values.put("schema", String.valueOf(SCHEMA));
        values.put("hosts", String.valueOf(hosts));
        return stored(values);
    }

    private static String joined(List<String> entries, boolean lines) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            joined.append(i == 0 ? "" : "\n").append(lines ? UntrustedText.line(entry) : UntrustedText.entry(entry));
        }
        return joined.toString();
    }

    /**
     * @return the entries as {@link Properties#store(java.io.OutputStream, String)} writes them (its escapes, ISO 8859-1
     *         with {@code \\uXXXX} for the rest), one a line, without the date comment it puts first: that comment
     *         loaded the time-zone names at each host's entries
     */
    private static byte[] stored(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            escaped(text, entry.getKey(), true);
            text.append('=');
            escaped(text, entry.getValue(), false);
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Appends the text escaped as {@link Properties#store} escapes a key (every space) or a value (a leading one). */
    private static void escaped(StringBuilder out, String text, boolean key) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int named = ESCAPED.indexOf(c);
            if (c == ' ') {
                out.append(i == 0 || key ? "\\ " : " ");
            } else if (named >= 0) {
                out.append('\\').append(ESCAPES.charAt(named));
            } else if (c < 0x20 || c > 0x7e) {
                out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            } else {
                out.append(c);
            }
        }
    }

    /**
     * Reads the file.
     *
     * @return the hosts in run order, and the rollout's lines
     * @throws IOException when it is not a summary of this schema
     */
    public static Summary read(InputStream in) throws IOException {
        Properties values = new Properties();
        values.load(in);
        if (!String.valueOf(SCHEMA).equals(values.getProperty("schema"))) {
            throw new IOException(FILE + ": schema " + values.getProperty("schema") + " is not " + SCHEMA);
        }
        int count;
        try {
            count = Integer.parseInt(values.getProperty("hosts", ""));
        } catch (NumberFormatException e) {
            throw new IOException(FILE + ": no host count", e);
        }
        List<Host> hosts = new ArrayList<Host>();
        for (int i = 1; i <= count && values.containsKey("host." + i + ".status"); i++) {
            hosts.add(new Host(values, i));
        }
        List<String> rollout = new ArrayList<String>();
        String lines = values.getProperty("rollout");
        if (lines != null && !lines.isEmpty()) {
            for (String line : lines.split("\n", -1)) {
                rollout.add(UntrustedText.line(line));
            }
        }
        return new Summary(hosts, rollout);
    }
}
