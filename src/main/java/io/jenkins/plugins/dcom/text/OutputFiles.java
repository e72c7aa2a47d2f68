package io.jenkins.plugins.dcom.text;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where the tool writes (reports, backups): folders checked before a run changes any host, and files written so
 * that nothing found at their path is ever followed. A workspace is untrusted in a CI server: a report path that
 * someone made a symbolic link to a file elsewhere must not get that file overwritten.
 */
public final class OutputFiles {
    private static final int BUFFER = 64 * 1024;

    private OutputFiles() {
    }

    /**
     * Checks that a folder can take new files: it is a folder (not a file, and not a symbolic link), or can be made
     * one, and a new file can be created in it.
     *
     * @param option the option that named the folder, for the message
     * @throws IOException with a message naming the option, the folder and what is wrong
     */
    public static void prepare(String option, Path folder) throws IOException {
        if (Files.isSymbolicLink(folder)) {
            throw new IOException(option + " " + folder + " is a symbolic link; give the folder itself, so that nothing "
                    + "is written where the link points");
        }
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
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

    /**
     * Replaces a file whole: the content goes to a new file of a fresh name beside it (created exclusively, so no
     * link is followed), is synced, and is renamed over the target. Whatever was at the target, a link included,
     * is replaced as an entry of the folder; what a link pointed to is never touched. A reader sees the old file
     * or the new one, never half of it.
     */
    public static void replace(Path target, byte[] content) throws IOException {
        replace(target, out -> out.write(content));
    }

    /**
     * Replaces a file whole as {@link #replace(Path, byte[])} does, its content written as it is made: a report of any
     * size passes through a buffer, never whole through memory.
     */
    public static void replace(Path target, Content content) throws IOException {
        put(target, content, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A file's content, written to a stream that the caller closes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a new file whole, as {@link #replace} does, but never over an existing entry: a file (or link) already at
     * the target is left as it is and the call fails with {@link java.nio.file.FileAlreadyExistsException}.
     */
    public static void create(Path target, byte[] content) throws IOException {
        put(target, out -> out.write(content));
    }

    private static void put(Path target, Content content, CopyOption... move) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER)) {
                content.writeTo(new UnclosedStream(out));
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, move);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Lets a writer close what it wrapped around the file's stream without closing the file before it is synced. */
    private static final class UnclosedStream extends FilterOutputStream {
        UnclosedStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
