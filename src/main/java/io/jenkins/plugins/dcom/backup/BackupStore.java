package io.jenkins.plugins.dcom.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.dcom.text.OutputFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Backup records of one run in one directory, one JSON file per host. A record is on disk (written, synced and
 * renamed into place) before the run writes to the host, so a crash never leaves a change without its backup.
 */
public final class BackupStore {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    public BackupStore(Path directory) {
        this.directory = directory;
    }

    public Path getDirectory() {
        return directory;
    }

    /**
     * Checks, before any host is changed, that records can be saved here: the folder exists or can be made, is a
     * folder (not a file or a link to one), and takes a new file.
     *
     * @throws IOException naming the folder and what is wrong
     */
    public void prepare() throws IOException {
        OutputFiles.prepare("--backup-dir", directory);
    }

    /**
     * Removes the record of a host whose write was refused, so that no record claims a change that never happened.
     */
    public void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * Saves a record durably.
     *
     * @param fileKey a file-name-safe key for the host
     * @return the file written
     * @throws IOException when it could not be written; the caller must then not change the host
     */
    public Path save(String fileKey, BackupRecord record) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(fileKey + ".json");
        OutputFiles.replace(file, JSON.writeValueAsBytes(record));
        return file;
    }

    /**
     * @return every record in the directory, sorted by file name
     * @throws IOException when the directory or a record cannot be read; the message names the file
     */
    public List<BackupRecord> loadAll() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : stream) {
                files.add(file);
            }
        }
        files.sort(null);
        List<BackupRecord> records = new ArrayList<>();
        for (Path file : files) {
            records.add(load(file));
        }
        return records;
    }

    /**
     * @return the record in the file, checked
     * @throws IOException when it cannot be read or is of a schema this version does not read; the message names the file
     */
    public static BackupRecord load(Path file) throws IOException {
        BackupRecord record;
        try {
            record = JSON.readValue(file.toFile(), BackupRecord.class);
            if (record.getBeforeValue() != null) {
                record.getBeforeValue().toValue();
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a backup record (" + e.getClass().getSimpleName() + ")", e);
        }
        if (record.getSchema() < BackupRecord.OLDEST_SCHEMA || record.getSchema() > BackupRecord.SCHEMA) {
            throw new IOException(file + ": backup schema " + record.getSchema() + " is not one this version reads ("
                    + BackupRecord.OLDEST_SCHEMA + "-" + BackupRecord.SCHEMA + "); roll it back with the version that wrote it");
        }
        return record;
    }
}
