package io.jenkins.plugins.dcom.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.policy.Evaluation;
import io.jenkins.plugins.dcom.policy.Presets;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.HostStatus;
import io.jenkins.plugins.dcom.run.Mode;
import io.jenkins.plugins.dcom.run.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every check the policy ran is evidence, passing ones too, with what it saw: in report.json, index.html and junit.xml. */
class EvidenceTest {
    @TempDir
    Path dir;

    private RunResult audit() throws Exception {
        Inventory inventory = new InventoryParser().parse("w2k role=console\nnt4 role=site-server\n", "inv");
        List<String> w2k = Arrays.asList("ncacn_ip_tcp", "ncacn_spx");
        List<String> nt4 = Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp");
        Evaluation passing = Presets.get(Presets.KB272937).evaluate(w2k);
        Evaluation failing = Presets.get(Presets.KB272937).evaluate(nt4);
        HostResult compliant = new HostResult.Builder(inventory.getTargets().get(0), "winrm").before(w2k)
                .findings(passing.getFindings()).checks(passing.getChecks()).status(HostStatus.COMPLIANT, "complies").build();
        HostResult nonCompliant = new HostResult.Builder(inventory.getTargets().get(1), "winrm").before(nt4)
                .findings(failing.getFindings()).checks(failing.getChecks()).status(HostStatus.NON_COMPLIANT, "does not").build();
        return RunResult.builder("r1", Mode.AUDIT).policy("kb272937").hosts(Arrays.asList(compliant, nonCompliant)).build();
    }

    @Test
    void aCompliantHostShowsEveryRuleThatPassedAndWhatItSawInAllThreeReports() throws Exception {
        ReportWriter.write(audit(), dir);

        JsonNode hosts = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("hosts");
        List<String> passed = new ArrayList<>();
        hosts.get(0).get("checks").forEach(check -> passed.add(check.get("rule").asText() + "=" + check.get("result").asText()));
        assertThat(passed).contains("first=PASS", "required=PASS", "empty=PASS", "unknownNames=PASS", "duplicates=PASS")
                .contains("obsoleteNames=WARN").noneMatch(c -> c.endsWith("FAIL")); // ncacn_spx is obsolete: a warning
        assertThat(hosts.get(0).get("checks").get(2).get("detail").asText()).contains("ncacn_ip_tcp first; the first entry is ncacn_ip_tcp");
        List<String> failed = new ArrayList<>();
        hosts.get(1).get("checks").forEach(check -> failed.add(check.get("rule").asText() + "=" + check.get("result").asText()));
        assertThat(failed).contains("first=FAIL", "empty=PASS");

        String html = new String(Files.readAllBytes(dir.resolve("index.html")), StandardCharsets.UTF_8);
        assertThat(html).contains("Checks of the policy").contains("<li class=\"pass\"><b>PASS</b> first: ncacn_ip_tcp first;")
                .contains("<li class=\"fail\"><b>FAIL</b> first:");
        String junit = new String(Files.readAllBytes(dir.resolve("junit.xml")), StandardCharsets.UTF_8);
        assertThat(junit).contains("PASS first: ncacn_ip_tcp first; the first entry is ncacn_ip_tcp").contains("FAIL first:");
    }
}
