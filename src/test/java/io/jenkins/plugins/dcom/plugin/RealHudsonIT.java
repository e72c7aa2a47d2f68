package io.jenkins.plugins.dcom.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.lab.LabFault;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.transport.winrm.LabFixture;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built .hpi in a real Hudson 3.3.2 started on loopback: a job created from a config.xml, builds against a lab
 * fleet, the console and the report pages read over HTTP. Catches what the harness cannot (see hudson-plugin.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealHudsonIT {
    private static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"};
    private static final String JOB = "dcom-lab";

    @TempDir
    static Path work;

    private static RealHudson hudson;
    private static LabFleet fleet;

    @BeforeAll
    static void start() throws Exception {
        fleet = LabFixture.start(Arrays.asList(LabHostSpec.host("NT4", NT4).downtime(3000), LabHostSpec.host("W2K", "ncacn_ip_tcp"),
                LabHostSpec.host("DOWN", NT4).fault(LabFault.UNREACHABLE)), false);
        hudson = RealHudson.start(Paths.get(System.getProperty("dcom.compliance.hudsonWar")),
                Paths.get(System.getProperty("dcom.compliance.hpi")), work);
    }

    @AfterAll
    static void stop() {
        if (hudson != null) {
            hudson.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    private static String jobConfig(String mode) throws Exception {
        try (InputStream in = RealHudsonIT.class.getResourceAsStream("/hudson/job-config.xml")) {
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return template.replace("@SERVERS@", fleet.inventory()).replace("@MODE@", mode).replace("@PASSWORD@", LabFixture.PASSWORD);
        }
    }

    @Test
    @Order(1)
    void theHpiShouldLoadWithoutWeavingErrorsAndDeclareAJenkinsBaseline() throws Exception {
        assertThat(hudson.log()).contains("Loading plugin - dcom-protocol-compliance")
                .doesNotContain("stackmap").doesNotContain("VerifyError").doesNotContain("ClassFormatError");
        for (String line : hudson.log().split("\n")) {
            assertThat(line).as("Hudson skips the Jenkins-only step and the credentials lookup quietly (optional extensions "
                    + "and an optional dependency)")
                    .satisfiesAnyOf(text -> assertThat(text).doesNotContain("Pipeline").doesNotContainIgnoringCase("credentials"),
                            text -> assertThat(text).doesNotContainIgnoringCase("warn").doesNotContain("SEVERE"));
        }
        assertThat(hudson.get("pluginManager/installed").body()).contains("DCOM protocol compliance");
        try (JarFile hpi = new JarFile(System.getProperty("dcom.compliance.hpi"))) {
            assertThat(hpi.getManifest().getMainAttributes().getValue("Jenkins-Version")).isEqualTo("2.479.3");
            // Jenkins' PluginWrapper.Dependency: "shortName:version" and ";resolution:=optional" for an optional one
            assertThat(hpi.getManifest().getMainAttributes().getValue("Plugin-Dependencies").split(","))
                    .as("every dependency optional, so a server without the credentials or Pipeline plugins loads this one")
                    .containsExactly("credentials:1305.v04f5ec1f3743;resolution:=optional", "workflow-api:2.40;resolution:=optional",
                            "workflow-step-api:2.22;resolution:=optional", "workflow-basic-steps:2.21;resolution:=optional");
            assertThat(hpi.getEntry(CliJar.BUNDLED)).isNotNull();
        }
    }

    @Test
    @Order(2)
    void anAuditBuildShouldStreamProgressAndShowEveryHost() throws Exception {
        assertThat(hudson.post("createItem?name=" + JOB, jobConfig("AUDIT")).statusCode()).isEqualTo(200);

        String build = hudson.build(JOB, 1);

        assertThat(build).contains("\"result\":\"FAILURE\"");
        String console = hudson.get("job/" + JOB + "/1/consoleText").body();
        assertThat(console).contains("[3/3]").contains("NON_COMPLIANT").contains("UNREACHABLE").contains("Exit code 3")
                .doesNotContain(LabFixture.PASSWORD);
        String hosts = hudson.get("job/" + JOB + "/1/dcom-compliance/").body();
        assertThat(hosts).contains("NT4").contains("W2K").contains("DOWN").contains("NON_COMPLIANT");
        java.net.http.HttpResponse<String> report = hudson.get("job/" + JOB + "/1/dcom-compliance/report/");
        assertThat(report.body()).contains("ncacn_ip_tcp must be first");
        assertThat(report.headers().firstValue("Content-Security-Policy")).hasValue(ComplianceBuildAction.CONTENT_SECURITY_POLICY);
        assertThat(hudson.get("job/" + JOB + "/1/").body()).contains("DCOM protocol compliance");
        assertThat(fleet.host("NT4").registry().data()).containsExactly(NT4);
    }

    @Test
    @Order(3)
    void aRemediateAndRestartBuildShouldFixRestartAndReauditTheServer() throws Exception {
        assertThat(hudson.post("job/" + JOB + "/config.xml", jobConfig("REMEDIATE_AND_RESTART")).statusCode()).isEqualTo(200);

        hudson.build(JOB, 2);

        assertThat(hudson.get("job/" + JOB + "/2/consoleText").body()).contains("REMEDIATED");
        assertThat(fleet.host("NT4").registry().data()).startsWith("ncacn_ip_tcp");
        assertThat(fleet.host("NT4").completedRestarts()).isEqualTo(1);
        assertThat(fleet.host("NT4").restarts().get(0).getComment()).isEqualTo("DCOM order from a real Hudson");
        assertThat(hudson.get("job/" + JOB + "/").body()).contains("dcom-compliance/trend");
        assertThat(hudson.get("job/" + JOB + "/dcom-compliance/trend").body()).startsWith("<svg");
    }

    /**
     * The README's steps as a newcomer follows them, in a fresh home: the lab started with the README's command
     * line, the committed demo job (work/jobs/dcom-lab-demo/config.xml) created as it is, Build Now. Its password
     * must work on a machine that never saved the job (an encrypted one would not decrypt there).
     */
    @Test
    @Order(4)
    void theReadmeDemoJobRemediatesTheLabInAFreshHome() throws Exception {
        Path basedir = Paths.get(System.getProperty("basedir", "."));
        String config = new String(java.nio.file.Files.readAllBytes(basedir.resolve("work/jobs/dcom-lab-demo/config.xml")),
                StandardCharsets.UTF_8);
        ProcessBuilder lab = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("dcom.compliance.cliJar"), "lab", "--password-env", "DCOM_LAB_PASSWORD",
                "--dir", hudson.home().resolve("lab").toString(), "--seconds", "200")
                .redirectErrorStream(true).redirectOutput(work.resolve("lab.log").toFile());
        lab.environment().put("DCOM_LAB_PASSWORD", "dcom-lab-demo");
        Process process = lab.start();
        try {
            Path inventory = hudson.home().resolve("lab/inventory.txt");
            for (int i = 0; i < 100 && !java.nio.file.Files.exists(inventory); i++) {
                Thread.sleep(200);
            }
            assertThat(inventory).as("the lab started (see lab.log)").exists();
            assertThat(hudson.post("createItem?name=dcom-lab-demo", config).statusCode()).isEqualTo(200);

            hudson.build("dcom-lab-demo", 1);

            String report = hudson.get("job/dcom-lab-demo/1/dcom-compliance/json").body();
            com.fasterxml.jackson.databind.JsonNode hosts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report).get("hosts");
            java.util.Map<String, String> statuses = new java.util.HashMap<>();
            for (com.fasterxml.jackson.databind.JsonNode host : hosts) {
                statuses.put(host.get("name").asText(), host.get("status").asText());
            }
            assertThat(statuses).containsEntry("SMS-SITE-01", "REMEDIATED").containsEntry("SMS-SITE-02", "REMEDIATED")
                    .containsEntry("SMS-ADMIN-01", "COMPLIANT").doesNotContainValue("AUTH_FAILED");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }
}
