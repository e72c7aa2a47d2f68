package io.jenkins.plugins.dcom.report;

import io.jenkins.plugins.dcom.contract.Outcome;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.ResultSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's hosts kept on disk for its reports as they finish: each host's part of report.json, junit.xml, the HTML pages
 * and the build step's summary is made once, appended to a temporary file in the report folder and read back in
 * inventory order when the reports are written ({@link ReportWriter#write(io.jenkins.plugins.dcom.run.RunResult, Path,
 * ReportSpool)}). Memory holds a few numbers per host, whatever the fleet's size. A part that cannot be written (a full
 * disk) is remembered and reported by {@link #check()}; the run goes on. Closing deletes the file.
 */
public final class ReportSpool implements ResultSink, AutoCloseable {
    /** The parts of one host, in the order they are kept. */
    enum Part { JSON, JUNIT, ROW, SECTION, SUMMARY }

    private static final int PARTS = Part.values().length;

    private final Map<Target, Integer> slots = new IdentityHashMap<>();
    private final String policy;
    private final Path path;
    private final FileChannel file;
    private final long[] offsets;
    private final int[] lengths;
    private final Outcome[] outcomes;
    private long end;
    private IOException failure;

    private ReportSpool(List<Target> targets, String policy, Path path, FileChannel file) {
        for (int i = 0; i < targets.size(); i++) {
            slots.putIfAbsent(targets.get(i), i);
        }
        this.policy = policy;
        this.path = path;
        this.file = file;
        this.offsets = new long[targets.size()];
        this.lengths = new int[targets.size() * PARTS];
        this.outcomes = new Outcome[targets.size()];
    }

    /**
     * @param directory the report folder, where the temporary file goes (created exclusively, so no link is followed)
     * @param targets   the run's hosts in inventory order: the order of the reports
     * @param policy    what the reports name as the run's policy
     */
    public static ReportSpool open(Path directory, List<Target> targets, String policy) throws IOException {
        Path path = Files.createTempFile(directory, ".report-spool", ".tmp");
        try {
            return new ReportSpool(targets, policy, path, FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** Keeps a finished host's parts in the slot of its target. */
    @Override
    public void accept(HostResult host) {
        Integer slot = slots.get(host.getTarget());
        if (slot == null) {
            throw new IllegalArgumentException("not a host of this run: " + host.getTarget().label());
        }
        add(slot, host);
    }

    /** Keeps a host's parts in the given slot (its place in the reports, from 0). */
    void add(int slot, HostResult host) {
        if (failure != null) {
            return;
        }
        try {
            byte[][] parts = new byte[PARTS][];
            parts[Part.JSON.ordinal()] = JsonReport.host(host);
            parts[Part.JUNIT.ordinal()] = JUnitReport.testCase(policy, host);
            parts[Part.ROW.ordinal()] = HtmlReport.row(host);
            parts[Part.SECTION.ordinal()] = HtmlReport.section(host);
            parts[Part.SUMMARY.ordinal()] = ReportWriter.summary(slot + 1, host);
            offsets[slot] = end;
            for (int part = 0; part < PARTS; part++) {
                ByteBuffer bytes = ByteBuffer.wrap(parts[part]);
                while (bytes.hasRemaining()) {
                    end += file.write(bytes, end);
                }
                lengths[slot * PARTS + part] = parts[part].length;
            }
            outcomes[slot] = host.getStatus().outcome();
        } catch (IOException e) {
            failure = e;
        }
    }

    /** @throws IOException the first failure to keep a host, so that no report is written without every host */
    void check() throws IOException {
        if (failure != null) {
            throw new IOException("the reports' hosts could not be kept on disk: " + failure.getMessage(), failure);
        }
        for (int slot = 0; slot < outcomes.length; slot++) {
            if (outcomes[slot] == null) {
                throw new IllegalStateException("no result for host " + (slot + 1) + " of " + outcomes.length);
            }
        }
    }

    /** @return the number of hosts */
    int size() {
        return outcomes.length;
    }

    /** @return the outcome of the host in the slot */
    Outcome outcome(int slot) {
        return outcomes[slot];
    }

    /** @return the slots of the hosts that failed, then the non-compliant, then the rest, each group in inventory order */
    int[] attentionFirst() {
        int[] order = new int[outcomes.length];
        int next = 0;
        for (Outcome outcome : new Outcome[] {Outcome.FAILED, Outcome.NON_COMPLIANT, Outcome.OK}) {
            for (int slot = 0; slot < outcomes.length; slot++) {
                if (outcomes[slot] == outcome) {
                    order[next++] = slot;
                }
            }
        }
        return Arrays.copyOf(order, next);
    }

    /** @return one part of the host in the slot, as it was made */
    byte[] part(int slot, Part part) throws IOException {
        long offset = offsets[slot];
        for (int earlier = 0; earlier < part.ordinal(); earlier++) {
            offset += lengths[slot * PARTS + earlier];
        }
        ByteBuffer bytes = ByteBuffer.allocate(lengths[slot * PARTS + part.ordinal()]);
        while (bytes.hasRemaining()) {
            if (file.read(bytes, offset + bytes.position()) < 0) {
                throw new IOException("the report spool " + path + " ended early");
            }
        }
        return bytes.array();
    }

    /** Deletes the file. */
    @Override
    public void close() throws IOException {
        try {
            file.close();
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
