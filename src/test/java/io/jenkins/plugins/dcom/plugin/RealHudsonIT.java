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
        assertThat(hudson.get("pluginManager/installed").body()).contains("DCOM protocol compliance");
        try (JarFile hpi = new JarFile(System.getProperty("dcom.compliance.hpi"))) {
            assertThat(hpi.getManifest().getMainAttributes().getValue("Jenkins-Version")).isEqualTo("2.479.3");
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
        assertThat(hudson.get("job/" + JOB + "/1/dcom-compliance/report").body()).contains("ncacn_ip_tcp must be first");
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
}
