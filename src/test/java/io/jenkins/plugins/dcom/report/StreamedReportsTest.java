package io.jenkins.plugins.dcom.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.contract.BuildSummary;
import io.jenkins.plugins.dcom.contract.ReportSet;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.policy.Presets;
import io.jenkins.plugins.dcom.run.ComplianceEngine;
import io.jenkins.plugins.dcom.run.HostStatus;
import io.jenkins.plugins.dcom.run.Mode;
import io.jenkins.plugins.dcom.run.ProgressListener;
import io.jenkins.plugins.dcom.run.RunOptions;
import io.jenkins.plugins.dcom.run.RunResult;
import io.jenkins.plugins.dcom.run.Transports;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.memory.MemoryFleet;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A fleet's reports made as its hosts finish: the run keeps only its tally, every host's part goes to a spool in the
 * report folder, and report.json, junit.xml, the build step's summary and the HTML pages list every host once, in
 * inventory order (the pages: failed hosts first), whatever order the hosts finished in.
 */
class StreamedReportsTest {
    private static final String PASSWORD = "Lab-Passw0rd";
    private static final int HOSTS = 450;

    private final MemoryFleet fleet = new MemoryFleet(PASSWORD);
    private Inventory inventory;

    @TempDir
    Path dir;

    @BeforeEach
    void fleetOfFourHundredAndFifty() throws Exception {
        for (int i = 1; i <= HOSTS; i++) {
            String name = String.format(Locale.ROOT, "HOST-%03d", i);
            if (i % 5 == 0) {
                fleet.add(name).protocols("ncacn_ip_tcp", "ncadg_ip_udp");
            } else {
                fleet.add(name).protocols("ncadg_ip_udp", "ncacn_ip_tcp");
            }
            if (i % 7 == 0) {
                fleet.host(name).down();
            }
        }
        inventory = new InventoryParser().parse(fleet.inventory(), "memory");
    }

    private RunResult audit(ReportSpool spool) throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder(new Credentials("labadmin", PASSWORD)).build();
        RunOptions options = RunOptions.builder(Mode.AUDIT, new Transports("winrm", fleet), settings)
                .policy(Presets.get(Presets.KB272937)).concurrency(16).build();
        return new ComplianceEngine(options, ProgressListener.NONE).run("streamed", inventory, spool);
    }

    private static String expectedStatus(int number) {
        return number % 7 == 0 ? "UNREACHABLE" : number % 5 == 0 ? "COMPLIANT" : "NON_COMPLIANT";
    }

    @Test
    void everyHostIsReportedOnceInInventoryOrderWhileTheRunKeepsOnlyItsTally() throws Exception {
        RunResult run;
        try (ReportSpool spool = ReportSpool.open(dir, inventory.getTargets(), "kb272937")) {
            run = audit(spool);
            ReportWriter.write(run, dir, spool);
        }

        assertThat(run.getHosts()).isEmpty();
        assertThat(run.hostCount()).isEqualTo(HOSTS);
        assertThat(run.counts().get(HostStatus.UNREACHABLE)).isEqualTo(HOSTS / 7);
        JsonNode hosts = new ObjectMapper().readTree(dir.resolve(ReportSet.JSON).toFile()).get("hosts");
        assertThat(hosts).hasSize(HOSTS);
        for (int i = 0; i < HOSTS; i++) {
            assertThat(hosts.get(i).get("host").asText()).isEqualTo(inventory.getTargets().get(i).getHost());
            assertThat(hosts.get(i).get("status").asText()).isEqualTo(expectedStatus(i + 1));
            assertThat(hosts.get(i).get("checks")).as("the evidence of every check").isNotNull();
        }
        try (InputStream in = Files.newInputStream(dir.resolve(BuildSummary.FILE))) {
            List<BuildSummary.Host> summary = BuildSummary.read(in).hosts();
            assertThat(summary).hasSize(HOSTS);
            assertThat(summary.get(HOSTS - 1).get("status")).isEqualTo(expectedStatus(HOSTS));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith(".report-spool"));
        }
    }

    @Test
    void junitXmlHasATestCasePerHostInInventoryOrderWithTheSuitesCounts() throws Exception {
        try (ReportSpool spool = ReportSpool.open(dir, inventory.getTargets(), "kb272937")) {
            ReportWriter.write(audit(spool), dir, spool);
        }

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve(ReportSet.JUNIT).toFile());
        Element suite = junit.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(HOSTS));
        assertThat(suite.getAttribute("errors")).isEqualTo(String.valueOf(HOSTS / 7));
        assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(HOSTS - HOSTS / 5 - HOSTS / 7 + HOSTS / 35));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(HOSTS);
        assertThat(((Element) cases.item(HOSTS - 1)).getAttribute("name")).isEqualTo(inventory.getTargets().get(HOSTS - 1).label());
    }

    @Test
    void theHtmlComesInPagesWithFailedHostsFirstAndEveryHostOnExactlyOnePage() throws Exception {
        Files.write(dir.resolve("hosts-9.html"), "an earlier, larger run's page".getBytes(StandardCharsets.UTF_8));
        try (ReportSpool spool = ReportSpool.open(dir, inventory.getTargets(), "kb272937")) {
            ReportWriter.write(audit(spool), dir, spool);
        }

        assertThat(dir.resolve("hosts-9.html")).doesNotExist();
        List<String> pages = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            pages.add(new String(Files.readAllBytes(dir.resolve(ReportSet.htmlPage(page))), StandardCharsets.UTF_8));
        }
        assertThat(dir.resolve(ReportSet.htmlPage(4))).doesNotExist();
        assertThat(pages.get(0)).contains("Page 1 of 3").contains("href=\"hosts-2.html\"").contains("href=\"hosts-3.html\"");
        int firstSection = pages.get(0).indexOf("<section class=\"host\" id=\"host-");
        assertThat(pages.get(0).substring(firstSection, firstSection + 300)).contains("unreachable");
        for (Target target : inventory.getTargets()) {
            String anchor = "<section class=\"host\" id=\"host-" + target.fileKey() + "\">";
            assertThat(pages.stream().mapToInt(page -> occurrences(page, anchor)).sum()).as(target.label()).isEqualTo(1);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
