package io.jenkins.plugins.dcom.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before a run changes any host, that a folder the run must write to (reports, backups) can take files:
 * it is a folder, or can be made one, and a new file can be created in it. A run then never changes a host and
 * fails afterwards for want of a place to record it.
 */
public final class OutputFolders {
    private OutputFolders() {
    }

    /**
     * @param option the option that named the folder, for the message
     * @throws IOException with a message naming the option, the folder and what is wrong
     */
    public static void prepare(String option, Path folder) throws IOException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException(option + " " + folder + " is a file, not a folder; give a folder");
        }
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".write-check", ".tmp"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new IOException(option + " " + folder + " cannot take new files (" + e.getClass().getSimpleName()
                    + "); give a folder this user may write to", e);
        }
    }
}
