package io.jenkins.plugins.dcom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo tells the article's story, step by step, in its reports. */
class DemoStoryTest {
    @TempDir
    Path dir;

    private JsonNode report(String step) throws Exception {
        return new ObjectMapper().readTree(dir.resolve(step).resolve("report.json").toFile());
    }

    private static long count(JsonNode matrix, String outcome) {
        long count = 0;
        for (JsonNode pair : matrix.get("pairs")) {
            count += outcome.equals(pair.get("outcome").asText()) ? 1 : 0;
        }
        return count;
    }

    @Test
    void theConsolesFailThenThePlanFixesThemThenTheWavesRollOutAndStopAtTheBrokenHost() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = DcomComplianceCommand.execute(new String[] {"demo", "--report-dir", dir.toString(), "--downtime-ms", "300"},
                new PrintStream(out, true), new PrintStream(out, true), Collections.<String, String>emptyMap());

        assertThat(exit).as("one host is kept down on purpose").isEqualTo(3);
        assertThat(count(report("1-audit").get("connectivity").get("before"), "FAILS")).as("2 consoles x 3 NT 4.0 servers").isEqualTo(6);
        assertThat(count(report("2-dry-run").get("connectivity").get("after"), "CONNECTS")).isEqualTo(6);
        JsonNode rollout = report("3-remediate").get("rollout");
        assertThat(rollout.get(1).asText()).contains("wave 1 of 4").contains("gate passed");
        assertThat(rollout.get(2).asText()).contains("gate closed").contains("SMS-SITE-03");
        String html = new String(java.nio.file.Files.readAllBytes(dir.resolve("3-remediate").resolve("index.html")),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("<h2>Rollout</h2>").contains("gate closed");
        JsonNode after = report("4-audit").get("connectivity").get("before");
        assertThat(count(after, "CONNECTS")).as("every answering console reaches SITE-01 and SITE-02").isEqualTo(4);
        for (JsonNode pair : after.get("pairs")) {
            if ("FAILS".equals(pair.get("outcome").asText())) {
                assertThat(pair.get("server").asText()).as("only the host that refuses writes").startsWith("SMS-SITE-03");
            }
        }
    }
}
