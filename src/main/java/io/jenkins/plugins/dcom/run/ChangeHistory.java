package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.backup.RecordSet;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What earlier runs wrote, from their backup records (one folder per run under a backup root).
 *
 * <ul>
 * <li>Any later run can tell a value that is written but not in effect: DCOM reads the protocol list when the server
 * starts, and Windows marks nothing pending for it, so only the record of the write and the host's boot marker then
 * can say so ({@link #latestFor}).</li>
 * <li>Rollback can tell what a host held before this tool first changed it: when one run found the value another run
 * had written, the records form a chain, and the value before the chain's first change is the host's own
 * ({@link #originOf}).</li>
 * </ul>
 * A record that cannot be used is passed over with one line in {@link #getWarnings()}; nothing here stops a run.
 */
public final class ChangeHistory {
    /** No history: every host's value is taken as in effect. */
    public static final ChangeHistory NONE = new ChangeHistory(Collections.<String, List<BackupRecord>>emptyMap(),
            Collections.<String>emptyList());
    private static final Comparator<BackupRecord> BY_TIME = Comparator.comparing(record -> Instant.parse(record.getSavedAt()));

    /** Per host and port, its records oldest first. */
    private final Map<String, List<BackupRecord>> changes;
    private final List<String> warnings;

    private ChangeHistory(Map<String, List<BackupRecord>> changes, List<String> warnings) {
        this.changes = changes;
        this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
    }

    /**
     * @param root the folder remediate keeps its runs' backups in ({@code --backup-dir}); it may not exist
     * @return every usable change found there, and a warning for each record or folder that is not usable
     */
    public static ChangeHistory in(Path root) {
        Map<String, List<BackupRecord>> changes = new HashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Path run : children(root, warnings)) {
            if (Files.isDirectory(run, LinkOption.NOFOLLOW_LINKS)) {
                RecordSet set = records(run, warnings);
                for (BackupRecord record : set.getRecords()) {
                    changes.computeIfAbsent(key(record.getHost(), record.getPort()), k -> new ArrayList<>()).add(record);
                }
            }
        }
        for (List<BackupRecord> records : changes.values()) {
            records.sort(BY_TIME);
        }
        return new ChangeHistory(changes, warnings);
    }

    private static List<Path> children(Path folder, List<String> warnings) {
        List<Path> children = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return children;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path child : stream) {
                children.add(child);
            }
        } catch (IOException unreadable) {
            warnings.add(folder + ": cannot be read (" + unreadable.getClass().getSimpleName() + "); earlier changes are not known");
        }
        children.sort(null);
        return children;
    }

    private static RecordSet records(Path run, List<String> warnings) {
        try {
            RecordSet set = new BackupStore(run).loadAll();
            warnings.addAll(set.getSkipped());
            return set;
        } catch (IOException unreadable) {
            warnings.add(run + ": cannot be read (" + unreadable.getClass().getSimpleName() + ")");
            return RecordSet.empty();
        }
    }

    /** @return one line per backup record or folder that could not be used: its path and why, shown safely */
    public List<String> getWarnings() {
        List<String> shown = new ArrayList<>();
        for (String warning : warnings) {
            shown.add(UntrustedText.line(warning));
        }
        return shown;
    }

    /** @return the latest change an earlier run made to this host (same name or address, same port), or {@code null} */
    public BackupRecord latestFor(Target target) {
        List<BackupRecord> records = changes.get(key(target.getHost(), target.getPort()));
        return records == null ? null : records.get(records.size() - 1);
    }

    /**
     * Follows a change back to the first change of its chain: while another run, earlier, wrote exactly the list this
     * record found, that run's record is the earlier link.
     *
     * @return the chain's first record, whose "before" is what the host held before this tool changed it; the record
     *         itself when no earlier run's write led to it
     */
    public BackupRecord originOf(BackupRecord record) {
        BackupRecord origin = record;
        for (BackupRecord earlier = earlierLink(origin); earlier != null; earlier = earlierLink(origin)) {
            origin = earlier;
        }
        return origin;
    }

    /** @return a later run's record that found exactly what this one wrote: the host was changed again since */
    public BackupRecord laterChangeOf(BackupRecord record) {
        Instant saved = Instant.parse(record.getSavedAt());
        for (BackupRecord other : recordsOf(record)) {
            if (!other.getRunId().equals(record.getRunId()) && Instant.parse(other.getSavedAt()).isAfter(saved)
                    && other.getBefore().equals(record.getWritten())) {
                return other;
            }
        }
        return null;
    }

    private BackupRecord earlierLink(BackupRecord record) {
        Instant saved = Instant.parse(record.getSavedAt());
        BackupRecord link = null;
        for (BackupRecord other : recordsOf(record)) {
            if (!other.getRunId().equals(record.getRunId()) && Instant.parse(other.getSavedAt()).isBefore(saved)
                    && other.getWritten().equals(record.getBefore())) {
                link = other; // oldest first: the last match is the nearest earlier write
            }
        }
        return link;
    }

    private List<BackupRecord> recordsOf(BackupRecord record) {
        List<BackupRecord> records = changes.get(key(record.getHost(), record.getPort()));
        return records == null ? Collections.<BackupRecord>emptyList() : records;
    }

    private static String key(String host, Integer port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
