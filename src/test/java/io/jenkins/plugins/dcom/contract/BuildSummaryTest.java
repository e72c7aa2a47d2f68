package io.jenkins.plugins.dcom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The summary the build step reads: whatever a host sent comes back from the file as the writer was given it. */
class BuildSummaryTest {
    private static final String[] AWKWARD = {" leading space", "trailing space ", "a=b:c#d!e", "back\\slash", "tab\there",
        "ünïcödé and 中文", "bell\u0007 and del\u007f", "#comment-like", "!bang", "", "   ", "\\u0041 literal"};

    @Test
    void everyFieldAndListEntryReadsBackAsWritten() throws IOException {
        for (String value : AWKWARD) {
            Properties loaded = written(value, Arrays.asList(value, "ncacn_ip_tcp", value));

            assertThat(loaded.getProperty("host.1.message")).as(value).isEqualTo(UntrustedText.line(value));
            assertThat(loaded.getProperty("host.1.before")).as(value)
                    .isEqualTo(UntrustedText.entry(value) + "\nncacn_ip_tcp\n" + UntrustedText.entry(value));
        }
    }

    @Test
    void randomTextReadsBackAsPropertiesStoreWouldHaveWrittenIt() throws IOException {
        Random random = new Random(272937);
        for (int round = 0; round < 2000; round++) {
            char[] text = new char[random.nextInt(12)];
            for (int i = 0; i < text.length; i++) {
                text[i] = (char) (random.nextBoolean() ? 0x20 + random.nextInt(0x60) : random.nextInt(0x3000));
            }
            String value = new String(text);

            assertThat(written(value, null).getProperty("host.1.message")).isEqualTo(UntrustedText.line(value));
        }
    }

    @Test
    void aWholeFileReadsBackWithItsHostsInOrderAndItsRollout() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(BuildSummary.header());
        file.write(BuildSummary.host(2, fields("10.0.0.2", "second = two"), noLists()));
        file.write(BuildSummary.host(1, fields("10.0.0.1", " first"), noLists()));
        file.write(BuildSummary.footer(2, Collections.singletonList("wave 1: 2 hosts # gate passed")));

        BuildSummary.Summary summary = BuildSummary.read(new ByteArrayInputStream(file.toByteArray()));

        assertThat(summary.hosts()).extracting(host -> host.get("address")).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(summary.hosts()).extracting(host -> host.get("message")).containsExactly(" first", "second = two");
        assertThat(summary.rollout()).containsExactly("wave 1: 2 hosts # gate passed");
    }

    private static Properties written(String message, List<String> before) throws IOException {
        Properties loaded = new Properties();
        loaded.load(new ByteArrayInputStream(BuildSummary.host(1, fields("10.0.0.1", message), Arrays.asList(before, null, null))));
        return loaded;
    }

    private static String[] fields(String address, String message) {
        return new String[] {address, "NT4", "site-server", "winrm", "NON_COMPLIANT", "NON_COMPLIANT", message};
    }

    private static List<List<String>> noLists() {
        return Arrays.asList(null, null, null);
    }
}
