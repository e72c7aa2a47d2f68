package io.jenkins.plugins.dcom.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.contract.ReportSet;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.HostStatus;
import io.jenkins.plugins.dcom.run.Mode;
import io.jenkins.plugins.dcom.run.RunResult;
import io.jenkins.plugins.dcom.transport.FailureKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    private static RunResult run() throws Exception {
        Inventory inventory = new InventoryParser().parse(
                "site01 role=site-server name=SMS-SITE-01\nconsole7 role=console\ndown01\n", "inv");
        HostResult fixed = new HostResult.Builder(inventory.getTargets().get(0), "winrm")
                .before(Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp")).planned(Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp"))
                .after(Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp")).phase("read", 12)
                .status(HostStatus.RESTART_PENDING, "written <and> read back").build();
        HostResult ok = new HostResult.Builder(inventory.getTargets().get(1), "winrm")
                .before(Arrays.asList("ncacn_ip_tcp")).status(HostStatus.COMPLIANT, "complies").build();
        HostResult down = new HostResult.Builder(inventory.getTargets().get(2), "rrp")
                .failed(HostStatus.UNREACHABLE, FailureKind.UNREACHABLE, "down01: connection refused").build();
        return RunResult.builder("r1", Mode.REMEDIATE).policy("kb272937")
                .times(Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:00:05Z"))
                .hosts(Arrays.asList(fixed, ok, down)).build();
    }

    @Test
    void shouldDescribeEveryHostInTheJsonReport() throws Exception {
        JsonNode report = new ObjectMapper().readTree(JsonReport.bytes(run()));

        assertThat(report.get("schema").asInt()).isEqualTo(JsonReport.SCHEMA);
        assertThat(report.get("run").get("policy").asText()).isEqualTo("kb272937");
        assertThat(report.get("run").get("started").asText()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(report.get("summary").get("exitCode").asInt()).isEqualTo(3);
        assertThat(report.get("summary").get("counts").get("RESTART_PENDING").asInt()).isEqualTo(1);
        JsonNode first = report.get("hosts").get(0);
        assertThat(first.get("host").asText()).isEqualTo("site01");
        assertThat(first.get("role").asText()).isEqualTo("site-server");
        assertThat(first.get("before").get(0).asText()).isEqualTo("ncadg_ip_udp");
        assertThat(first.get("after").get(0).asText()).isEqualTo("ncacn_ip_tcp");
        assertThat(first.get("diff").get(0).asText()).isEqualTo("ncacn_ip_tcp: 2 -> 1");
        assertThat(first.get("timingsMillis").get("read").asLong()).isEqualTo(12);
        JsonNode down = report.get("hosts").get(2);
        assertThat(down.get("status").asText()).isEqualTo("UNREACHABLE");
        assertThat(down.get("before").isNull()).isTrue();
    }

    @Test
    void shouldWriteOneTestCasePerHostWithExpectedAndActualOrder(@TempDir Path dir) throws Exception {
        ReportWriter.write(run(), dir);
        String junit = new String(Files.readAllBytes(dir.resolve(ReportSet.JUNIT)), StandardCharsets.UTF_8);

        assertThat(junit).as("3 hosts and 1 console/site-server pair").contains("tests=\"4\"").contains("failures=\"1\"")
                .contains("errors=\"1\"").contains("skipped=\"1\"");
        assertThat(junit.split("<testcase ", -1)).hasSize(5);
        assertThat(junit).containsPattern("classname=\"dcom.connectivity\" name=\"console7 -(&gt;|>) SMS-SITE-01 \\(site01\\)\"")
                .contains("<skipped message=\"console7: its Windows version could not be read\"");
        assertThat(junit).contains("expected [ncacn_ip_tcp, ncadg_ip_udp] but was [ncacn_ip_tcp, ncadg_ip_udp]");
        assertThat(junit).contains("<error type=\"UNREACHABLE\"");
        assertThat(junit).as("what a host sent is escaped").contains("written &lt;and").doesNotContain("<and>");
        assertThat(junit).as("the run's seconds, to the millisecond").contains("time=\"5.000\"");
        assertThat(junit).as("each host's seconds").containsPattern("name=\"SMS-SITE-01 \\(site01\\)\" time=\"[0-9]+\\.[0-9]{3}\"");
    }

    @Test
    void shouldRenderASelfContainedPageWithEveryHostEscaped() throws Exception {
        String html = HtmlReport.render(run());

        assertThat(html).contains("SMS-SITE-01 (site01)", "console7", "down01");
        assertThat(html).contains("written &lt;and&gt; read back").doesNotContain("written <and> read back");
        assertThat(html).contains("ncacn_ip_tcp: 2 -&gt; 1");
        assertThat(html).doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http");
    }
}
