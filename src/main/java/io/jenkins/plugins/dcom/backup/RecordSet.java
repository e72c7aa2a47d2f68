package io.jenkins.plugins.dcom.backup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The records read from a backup folder, and one warning for each file that could not be used (its path and why):
 * a damaged record is skipped and named, never silently dropped, and never stops a run.
 */
public final class RecordSet {
    private final List<BackupRecord> records;
    private final List<String> skipped;

    /** @return a set with no record and no warning */
    public static RecordSet empty() {
        return new RecordSet(Collections.<BackupRecord>emptyList(), Collections.<String>emptyList());
    }

    RecordSet(List<BackupRecord> records, List<String> skipped) {
        this.records = Collections.unmodifiableList(new ArrayList<>(records));
        this.skipped = Collections.unmodifiableList(new ArrayList<>(skipped));
    }

    /** @return the usable records, in file-name order */
    public List<BackupRecord> getRecords() {
        return records;
    }

    /** @return one line per file passed over: {@code <file>: <reason>} */
    public List<String> getSkipped() {
        return skipped;
    }
}
