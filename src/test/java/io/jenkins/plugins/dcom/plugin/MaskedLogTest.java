package io.jenkins.plugins.dcom.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Whatever the child process writes, the password it was given never reaches the build log. */
class MaskedLogTest {
    private static String through(String secret, String... writes) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        MaskedLog masked = new MaskedLog(log, secret);
        for (String write : writes) {
            masked.write(write.getBytes(StandardCharsets.UTF_8));
        }
        masked.close();
        return new String(log.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void aPasswordIsMaskedWhereverItStandsEvenWhenItArrivesInPieces() throws Exception {
        assertThat(through("Lab-Passw0rd!", "password=Lab-Pa", "ssw0rd! and again Lab-Passw0rd!\nnext line\n"))
                .isEqualTo("password=******** and again ********\nnext line\n");
    }

    @Test
    void aNonAsciiPasswordIsMaskedInUtf8AndTheLastLineIsFlushedWithoutItsNewline() throws Exception {
        assertThat(through("Kennwört-ß", "DCOM: Kennwört-ß")).isEqualTo("DCOM: ********");
    }

    @Test
    void aBlankPasswordMasksNothing() throws Exception {
        assertThat(through("", "nothing to hide\n")).isEqualTo("nothing to hide\n");
    }
}
