package io.jenkins.plugins.dcom.contract;

import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
     * and the rollout (a properties file's order does not matter to its reader). Each part is stored by
     * {@link Properties#store}, with its escapes.
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
    public static byte[] host(int number, String[] fields, List<List<String>> lists) throws IOException {
        Properties values = new Properties();
        for (int i = 0; i < FIELDS.length; i++) {
            if (fields[i] != null) {
                values.setProperty("host." + number + "." + FIELDS[i], UntrustedText.line(fields[i]));
            }
        }
        for (int i = 0; i < LISTS.length; i++) {
            List<String> list = lists.get(i);
            if (list != null) {
                values.setProperty("host." + number + "." + LISTS[i], joined(list, false));
            }
        }
        return stored(values);
    }

    /**
     * @param hosts   how many hosts the run had: entries numbered 1 to {@code hosts} were written
     * @param rollout the rollout's waves and gates, in order; nothing is written for none
     * @return the closing entries
     */
    public static byte[] footer(int hosts, List<String> rollout) throws IOException {
        Properties values = new Properties();
        if (!rollout.isEmpty()) {
            values.setProperty("rollout", joined(rollout, true));
        }
        values.setProperty("schema", String.valueOf(SCHEMA));
        values.setProperty("hosts", String.valueOf(hosts));
        return stored(values);
    }

    private static String joined(List<String> entries, boolean lines) {
        StringBuilder joined = new StringBuilder();
        for (String entry : entries) {
            joined.append(joined.length() == 0 ? "" : "\n").append(lines ? UntrustedText.line(entry) : UntrustedText.entry(entry));
        }
        return joined.toString();
    }

    /** @return the entries as {@link Properties#store} escapes them, without the date comment it puts first */
    private static byte[] stored(Properties values) throws IOException {
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        values.store(entries, null);
        byte[] bytes = entries.toByteArray();
        int firstEntry = 0;
        while (firstEntry < bytes.length && bytes[firstEntry] != '\n') {
            firstEntry++;
        }
        return Arrays.copyOfRange(bytes, Math.min(bytes.length, firstEntry + 1), bytes.length);
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
