package io.jenkins.plugins.dcom.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads an input file a user named (inventory, policy, password file, truststore) with a bound: only a regular
 * file, at most the given size, so that a device such as {@code /dev/zero} or a runaway file is a clear error
 * instead of a process out of memory. Messages name the file and what is wrong, never its content.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * @param file     the file
     * @param maxBytes the largest size accepted
     * @return its bytes
     * @throws IOException with a message fit for the user: missing, not a regular file, too large, unreadable
     */
    public static byte[] read(Path file, int maxBytes) throws IOException {
        return read(file, maxBytes, false);
    }

    /**
     * @param refuseLinks whether a symbolic link is refused rather than followed: for files the tool finds in a folder
     *                    (backup records) rather than files a user named
     * @return the file's bytes, read only when it is a regular file no larger than {@code maxBytes}
     * @throws IOException with a message fit for the user, naming the file and what is wrong
     */
    public static byte[] read(Path file, int maxBytes, boolean refuseLinks) throws IOException {
        LinkOption[] links = refuseLinks ? new LinkOption[] {LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
        if (!Files.exists(file, links)) {
            throw new NoSuchFileException(file + ": no such file");
        }
        if (refuseLinks && Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link; only a regular file is read here");
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, links);
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " is not a regular file (a folder, a device or a pipe)");
        }
        if (attributes.size() > maxBytes) {
            throw new IOException(file + " is larger than " + maxBytes + " bytes (" + attributes.size() + "); is it the right file?");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(file, refuseLinks ? new OpenOption[] {LinkOption.NOFOLLOW_LINKS} : new OpenOption[0])) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
                if (bytes.size() > maxBytes) {
                    throw new IOException(file + " is larger than " + maxBytes + " bytes; is it the right file?");
                }
            }
        }
        return bytes.toByteArray();
    }

    /** @return the file as UTF-8 text, refusing bytes that are not UTF-8 */
    public static String readUtf8(Path file, int maxBytes) throws IOException {
        byte[] bytes = read(file, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text", e);
        }
    }
}
