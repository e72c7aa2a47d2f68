package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.backup.BackupRecord;
import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.inventory.Target;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What earlier runs wrote, from their backup records (one folder per run under a backup root), so that any later run
 * can tell a value that is written but not in effect: DCOM reads the protocol list when the server starts, and
 * Windows marks nothing pending for it, so only the record of the write and the host's boot marker then can say so.
 * A record that cannot be read is passed over here (rollback reports it).
 */
public final class ChangeHistory {
    /** No history: every host's value is taken as in effect. */
    public static final ChangeHistory NONE = new ChangeHistory(Collections.<String, BackupRecord>emptyMap());

    private final Map<String, BackupRecord> latest;

    private ChangeHistory(Map<String, BackupRecord> latest) {
        this.latest = latest;
    }

    /**
     * @param root the folder remediate keeps its runs' backups in ({@code --backup-dir}); it may not exist
     * @return the latest change per host and port found there
     */
    public static ChangeHistory in(Path root) {
        Map<String, BackupRecord> latest = new HashMap<>();
        for (Path run : children(root)) {
            if (Files.isDirectory(run)) {
                for (BackupRecord record : records(run)) {
                    String key = key(record.getHost(), record.getPort());
                    BackupRecord known = latest.get(key);
                    if (known == null || record.getSavedAt().compareTo(known.getSavedAt()) > 0) {
                        latest.put(key, record);
                    }
                }
            }
        }
        return new ChangeHistory(latest);
    }

    private static List<Path> children(Path folder) {
        List<Path> children = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return children;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path child : stream) {
                children.add(child);
            }
        } catch (IOException unreadable) {
            // no history rather than no audit
        }
        return children;
    }

    private static List<BackupRecord> records(Path run) {
        List<BackupRecord> records = new ArrayList<>();
        for (Path file : children(run)) {
            if (file.getFileName().toString().endsWith(".json")) {
                try {
                    records.add(BackupStore.load(file));
                } catch (IOException damaged) {
                    // rollback names it; an audit only loses the pending-restart hint for that host
                }
            }
        }
        return records;
    }

    /** @return the latest change an earlier run made to this host (same name or address, same port), or {@code null} */
    public BackupRecord latestFor(Target target) {
        return latest.get(key(target.getHost(), target.getPort()));
    }

    private static String key(String host, Integer port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
