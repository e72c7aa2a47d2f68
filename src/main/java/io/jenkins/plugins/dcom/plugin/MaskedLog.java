package io.jenkins.plugins.dcom.plugin;

import hudson.console.LineTransformationOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The build log as the command line's child process writes to it, with the password it was given replaced by
 * {@value #MASK} wherever it appears in a line, as Jenkins masks a bound credential. The child never prints the
 * password; this keeps it out of the log if anything ever does (a JVM option echoing its environment, a wrapper
 * script). Closing it flushes the last line but leaves the build's log open.
 */
final class MaskedLog extends LineTransformationOutputStream {
    static final String MASK = "********";

    private final OutputStream log;
    private final byte[] secret;

    /** @param secret the text to hide; blank hides nothing */
    MaskedLog(OutputStream log, String secret) {
        this.log = log;
        this.secret = secret == null || secret.isEmpty() ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void eol(byte[] line, int length) throws IOException {
        log.write(masked(line, length));
    }

    /** @return the line's bytes with every occurrence of the secret's UTF-8 bytes replaced */
    byte[] masked(byte[] line, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        int from = 0;
        for (int at = indexOf(line, length, 0); at >= 0; at = indexOf(line, length, from)) {
            out.write(line, from, at - from);
            out.write(MASK.getBytes(StandardCharsets.US_ASCII), 0, MASK.length());
            from = at + secret.length;
        }
        out.write(line, from, length - from);
        return out.toByteArray();
    }

    private int indexOf(byte[] line, int length, int from) {
        if (secret.length == 0) {
            return -1;
        }
        for (int i = from; i <= length - secret.length; i++) {
            int j = 0;
            while (j < secret.length && line[i + j] == secret[j]) {
                j++;
            }
            if (j == secret.length) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        super.close();
        log.flush();
    }
}
