package io.jenkins.plugins.dcom.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.dcom.text.OutputFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Backup records of one run in one folder of its own, one JSON file per host. A record is on disk (written, synced
 * and moved into place) before the run writes to the host, so a crash never leaves a change without its backup; and a
 * record is never replaced: each run {@link #reserve reserves} a folder no other run has, and a file already at a
 * record's name is an error, not something to overwrite. Two runs started in the same second over one backup folder
 * therefore each keep the values they found.
 */
public final class BackupStore {
    /** Runs started in the same second get this many folders at the most ({@code <id>}, {@code <id>-02} ...). */
    static final int MAX_RUNS_PER_ID = 99;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    /** A store over an existing run's folder: for reading, or for a run that reserved it. */
    public BackupStore(Path directory) {
        this.directory = directory;
    }

    /**
     * Makes a new run's folder under {@code root}, one no other run has or can get: the folder is created, not
     * reused, so two runs started together never share one. The folder is {@code id}, or {@code id-02}, {@code id-03}
     * ... when a run of the same second has it (these sort after {@code id}, so the latest run stays the last name).
     *
     * @param option the setting that named the root, for messages ({@code --backup-dir})
     * @return the store of the new folder; its {@link #getRunId()} is the folder's name
     * @throws IOException naming the folder and what is wrong (a link, a file, not writable, or no free name left)
     */
    public static BackupStore reserve(String option, Path root, String id) throws IOException {
        OutputFiles.prepare(option, root);
        for (int n = 1; n <= MAX_RUNS_PER_ID; n++) {
            Path folder = root.resolve(n == 1 ? id : String.format(Locale.ROOT, "%s-%02d", id, n));
            try {
                Files.createDirectory(folder);
                return new BackupStore(folder);
            } catch (FileAlreadyExistsException taken) {
                // another run of the same second has it
            }
        }
        throw new IOException(option + " " + root + " already holds " + MAX_RUNS_PER_ID + " runs named " + id
                + "; wait a second and run again");
    }

    public Path getDirectory() {
        return directory;
    }

    /** @return the run this folder belongs to: the folder's name */
    public String getRunId() {
        return directory.getFileName().toString();
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
     * Saves a record durably under a name no record has yet.
     *
     * @param fileKey a file-name-safe key for the host
     * @return the file written
     * @throws IOException when it could not be written, or a file is already at its name (never replaced); the caller
     *                     must then not change the host
     */
    public Path save(String fileKey, BackupRecord record) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(fileKey + ".json");
        OutputFiles.create(file, JSON.writeValueAsBytes(record));
        return file;
    }

    /**
     * @return every usable record in the folder, sorted by file name, and a line for each {@code *.json} entry that is
     *         not one (damaged, foreign, a link, a pipe, too large)
     * @throws IOException only when the folder itself cannot be listed
     */
    public RecordSet loadAll() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : stream) {
                files.add(file);
            }
        }
        files.sort(null);
        List<BackupRecord> records = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path file : files) {
            try {
                records.add(RecordFiles.read(file));
            } catch (IOException e) {
                skipped.add(e.getMessage());
            }
        }
        return new RecordSet(records, skipped);
    }
}
