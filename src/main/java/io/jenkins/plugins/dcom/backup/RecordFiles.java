package io.jenkins.plugins.dcom.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.contract.TransportNames;
import io.jenkins.plugins.dcom.inventory.HostNames;
import io.jenkins.plugins.dcom.text.InputFiles;
import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads one backup record from disk, as untrusted as any other input: a backup folder is shared (a Jenkins
 * workspace, a team's share) and a record may be truncated, foreign, damaged or forged. Only a regular file (not a
 * link, a pipe or a device) of at most {@value #MAX_BYTES} bytes is read, and every field a reader relies on is
 * checked before the record is handed out: nobody downstream meets a {@code null} host, a missing list, a date that is
 * no date, a date in the future (which would win every "latest" comparison for good), or Base64 that does not decode.
 */
public final class RecordFiles {
    /** Far above a real record (a few KB: a REG_MULTI_SZ value is at most a few hundred bytes here). */
    public static final int MAX_BYTES = 1024 * 1024;
    /** How far a record's time may lie ahead of this clock (clocks of two agents differ a little). */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordFiles() {
    }

    /**
     * @return the record in the file, checked
     * @throws IOException naming the file and what is wrong with it, never quoting its content unescaped
     */
    public static BackupRecord read(Path file) throws IOException {
        byte[] bytes = InputFiles.read(file, MAX_BYTES, true);
        BackupRecord record;
        try {
            record = JSON.readValue(bytes, BackupRecord.class);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a backup record (" + e.getClass().getSimpleName() + ")", e);
        }
        String problem = problem(record);
        if (problem != null) {
            throw new IOException(file + ": " + problem);
        }
        return record;
    }

    /** @return what makes the record unusable, or {@code null} when it is whole */
    private static String problem(BackupRecord record) {
        if (record == null) {
            return "not a backup record (null)";
        }
        if (record.getSchema() < BackupRecord.OLDEST_SCHEMA || record.getSchema() > BackupRecord.SCHEMA) {
            return "backup schema " + record.getSchema() + " is not one this version reads (" + BackupRecord.OLDEST_SCHEMA
                    + "-" + BackupRecord.SCHEMA + "); roll it back with the version that wrote it";
        }
        if (record.getRunId() == null || record.getRunId().isEmpty()) {
            return "the record names no run";
        }
        if (!HostNames.isValid(record.getHost())) {
            return "the record's host " + shown(record.getHost()) + " is not a host name or address";
        }
        if (record.getPort() != null && (record.getPort() < 1 || record.getPort() > 65535)) {
            return "the record's port " + record.getPort() + " is not a TCP port";
        }
        if (record.getTransport() != null && !TransportNames.ALL.contains(record.getTransport())) {
            return "the record's transport " + shown(record.getTransport()) + " is not one of " + TransportNames.ALL;
        }
        String when = savedAtProblem(record.getSavedAt());
        if (when != null) {
            return when;
        }
        if (!isList(record.getBefore()) || !isList(record.getWritten())) {
            return "the record lacks its 'before' or 'written' list";
        }
        if (record.getBeforeValue() != null) {
            try {
                record.getBeforeValue().toValue();
            } catch (IllegalArgumentException e) {
                return "the saved value is not Base64";
            }
        }
        return null;
    }

    private static String savedAtProblem(String savedAt) {
        if (savedAt == null) {
            return "the record has no 'savedAt' time";
        }
        Instant saved;
        try {
            saved = Instant.parse(savedAt);
        } catch (DateTimeParseException e) {
            return "the record's 'savedAt' " + shown(savedAt) + " is not an ISO-8601 time";
        }
        if (saved.isAfter(Instant.now().plus(CLOCK_SLACK))) {
            return "the record's 'savedAt' " + savedAt + " lies in the future (a wrong clock or a forged record), so it "
                    + "cannot say which change came last";
        }
        return null;
    }

    private static boolean isList(List<String> entries) {
        return entries != null && !entries.contains(null);
    }

    private static String shown(String text) {
        return text == null ? "null" : "'" + UntrustedText.clip(UntrustedText.line(text), 80) + "'";
    }
}
