package io.jenkins.plugins.dcom.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The lab's password: random, kept in a file only its owner may read, reused while the file exists. */
final class LabCredentials {
    static final String USER = "labadmin";

    private final Path file;
    private final String password;

    private LabCredentials(Path file, String password) {
        this.file = file;
        this.password = password;
    }

    static LabCredentials in(Path directory) throws IOException {
        Path file = directory.resolve("password");
        if (!Files.exists(file)) {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            return given(directory, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        return new LabCredentials(file, new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim());
    }

    /** Uses the given password, and writes it to {@code DIR/password} for clients' --password-file. */
    static LabCredentials given(Path directory, String password) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("password");
        Files.deleteIfExists(file);
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the folder's ACL
        }
        Files.write(file, (password + "\n").getBytes(StandardCharsets.UTF_8));
        return new LabCredentials(file, password);
    }

    Path file() {
        return file;
    }

    String password() {
        return password;
    }
}
