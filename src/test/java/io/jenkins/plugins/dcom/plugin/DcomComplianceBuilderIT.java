package io.jenkins.plugins.dcom.plugin;

import com.gargoylesoftware.htmlunit.Page;
import com.gargoylesoftware.htmlunit.html.HtmlPage;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.Cause;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.dcom.lab.Kdc;
import io.jenkins.plugins.dcom.lab.LabFault;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.transport.winrm.LabFixture;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.jvnet.hudson.test.HudsonTestCase;
import org.jvnet.hudson.test.TestBuilder;

/**
 * The build step in Hudson's real harness, against lab fleets started by each test. JUnit 3 style, as the
 * harness requires; runs after {@code package}, since the step launches the command-line jar.
 */
public class DcomComplianceBuilderIT extends HudsonTestCase {
    private static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"};
    private LabFleet fleet;

    @Override
    protected void tearDown() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        super.tearDown();
    }

    @Override
    public WebClient createWebClient() {
        WebClient client = super.createWebClient();
        client.setThrowExceptionOnScriptError(false);
        return client;
    }

    private String startLab(LabHostSpec... hosts) throws Exception {
        fleet = LabFixture.start(Arrays.asList(hosts), false);
        return fleet.inventory();
    }

    private static DcomComplianceBuilder step(String servers, StepMode mode, String password) {
        DcomComplianceBuilder step = new DcomComplianceBuilder();
        step.setServers(servers);
        step.setMode(mode.name());
        step.setUser("labadmin");
        step.setPassword(Secret.fromString(password));
        step.setConcurrency(4);
        step.setRestartDelay(0);
        step.setRestartComment("KB272937 fix from Hudson");
        return step;
    }

    private FreeStyleBuild build(DcomComplianceBuilder step) throws Exception {
        FreeStyleProject project = createFreeStyleProject();
        project.getBuildersList().add(step);
        return project.scheduleBuild2(0).get();
    }

    public void testFormRoundTripKeepsEveryOptionAndStoresThePasswordEncrypted() throws Exception {
        DcomComplianceBuilder before = StepOptionSamples.withEverySample(new DcomComplianceBuilder());
        before.setPassword(Secret.fromString("S3cret-Value!"));
        FreeStyleProject project = createFreeStyleProject();
        project.getBuildersList().add(before);

        configRoundtrip(project);

        DcomComplianceBuilder after = project.getBuildersList().get(DcomComplianceBuilder.class);
        for (String option : StepOptionSamples.SAMPLES.keySet()) {
            assertEquals(option, StepOptionSamples.get(before, option), StepOptionSamples.get(after, option));
        }
        assertEquals("S3cret-Value!", after.getPassword().getPlainText());
        String config = new String(Files.readAllBytes(project.getConfigFile().getFile().toPath()), StandardCharsets.UTF_8);
        assertFalse("the password must be encrypted in config.xml", config.contains("S3cret-Value!"));
        assertTrue(config.contains("<password>"));
    }

    private DcomComplianceBuilder loadSaved(String file) throws Exception {
        try (InputStream xml = getClass().getResourceAsStream("/saved-steps/" + file)) {
            FreeStyleProject project = (FreeStyleProject) hudson.createProjectFromXML(file.replace(".xml", ""), xml);
            return project.getBuildersList().get(DcomComplianceBuilder.class);
        }
    }

    public void testAStepSavedByTheFirstReleaseLoadsAndRunsAsItDid() throws Exception {
        DcomComplianceBuilder step = loadSaved("builder-0.0.xml");

        assertTrue("HTTPS, as the first release used unless plain HTTP was allowed", step.isHttps());
        assertEquals("negotiate", step.getAuth());
        assertEquals("", step.getShard());
        assertEquals("", step.getRollout());
        assertEquals("S3cret-Value!", step.getPassword().getPlainText());
        assertEquals(Arrays.asList("remediate", "--transport", "winrm", "--user", "CORP\\svc-dcom", "--concurrency", "4",
                "--auth", "negotiate", "--password-env", CliArguments.PASSWORD_VARIABLE, "--https", "--truststore",
                "certs/truststore.p12"), step.arguments(new EnvVars()));
    }

    public void testAStepSavedBeforeOneDeclarationPerOptionKeepsEveryValue() throws Exception {
        DcomComplianceBuilder step = loadSaved("builder-0.2.xml");

        assertEquals("server01 role=site-server", step.getServers());
        assertEquals("fleet.txt", step.getInventoryFile());
        assertEquals("tcp-only", step.getPolicy());
        assertEquals("REMEDIATE_AND_RESTART", step.getMode());
        assertEquals("rrp", step.getTransport());
        assertEquals("kerberos", step.getAuth());
        assertFalse(step.isHttps());
        assertEquals(16, step.getConcurrency());
        assertEquals(120, step.getRestartDelay());
        assertEquals("Quarterly DCOM fix", step.getRestartComment());
        assertEquals("FAILURE", step.getNonCompliantResult());
        assertEquals("UNSTABLE", step.getUnreachableResult());
        assertEquals("${SHARD}/4", step.getShard());
        assertEquals("canary=1 waves=25%", step.getRollout());
        assertEquals("S3cret-Value!", step.getPassword().getPlainText());
    }

    public void testAuditShowsEveryHostOnTheBuildPageAndMarksNonComplianceUnstable() throws Exception {
        String servers = startLab(LabHostSpec.host("NT4", NT4), LabHostSpec.host("W2K", "ncacn_ip_tcp"));

        FreeStyleBuild build = build(step(servers, StepMode.AUDIT, LabFixture.PASSWORD));

        assertBuildStatus(Result.UNSTABLE, build);
        ComplianceBuildAction result = build.getAction(ComplianceBuildAction.class);
        assertEquals(2, result.getHosts().size());
        assertEquals(1, result.getCompliant());
        assertEquals(1, result.getNonCompliant());
        String log = getLog(build);
        assertTrue(log, log.contains("[2/2]"));
        assertTrue("the child JVM starts lean", log.contains(String.join(" ", ComplianceStep.CHILD_JVM_OPTIONS) + " "));
        assertFalse("no secret in the console", log.contains(LabFixture.PASSWORD));
        assertTrue(build.getWorkspace().child("dcom-compliance-report/junit.xml").exists());
        assertTrue("the step's defaults seal every WinRM message, as a default Windows server requires",
                fleet.host("NT4").counters().sealedMessages() > 0 && fleet.host("NT4").counters().plainMessages() == 0);
        assertTrue(new File(build.getRootDir(), "dcom-compliance/report.json").isFile());

        WebClient web = createWebClient();
        String buildPage = web.getPage(build).getWebResponse().getContentAsString();
        assertTrue(buildPage.contains("DCOM protocol compliance"));
        assertTrue("Hudson's own image, not a Jenkins symbol", buildPage.contains("/" + ComplianceBuildAction.HUDSON_ICON + "\""));
        String buildJson = web.goTo(build.getUrl() + "api/json", "application/javascript").getWebResponse().getContentAsString();
        assertTrue(buildJson, buildJson.contains("\"total\":2") && buildJson.contains("\"nonCompliant\":1")
                && buildJson.contains("\"mode\":\"AUDIT\"") && !buildJson.contains("\"hosts\""));
        String resultJson = web.goTo(build.getUrl() + "dcom-compliance/api/json", "application/javascript").getWebResponse()
                .getContentAsString();
        assertTrue(resultJson, resultJson.contains("\"hosts\":[") && resultJson.contains("\"status\":\"NON_COMPLIANT\""));
        String hostPage = web.getPage(build, "dcom-compliance/").asText();
        assertTrue(hostPage, hostPage.contains("NT4") && hostPage.contains("NON_COMPLIANT") && hostPage.contains("W2K"));
        Page report = web.goTo(build.getUrl() + "dcom-compliance/report/", "text/html");
        assertTrue(report.getWebResponse().getContentAsString().contains("ncacn_ip_tcp must be first"));
        assertEquals(NT4[0], fleet.host("NT4").registry().data().get(0));
    }

    public void testRemediateAndRestartFixesTheFleetAndTheBuildSucceeds() throws Exception {
        // Away for longer than the step's 2 s probe interval, as any real server is while it restarts.
        String servers = startLab(LabHostSpec.host("NT4", NT4).downtime(3000), LabHostSpec.host("W2K", "ncacn_ip_tcp"));

        FreeStyleBuild build = build(step(servers, StepMode.REMEDIATE_AND_RESTART, LabFixture.PASSWORD));

        assertBuildStatus(Result.SUCCESS, build);
        assertEquals("ncacn_ip_tcp", fleet.host("NT4").registry().data().get(0));
        assertEquals(1, fleet.host("NT4").completedRestarts());
        assertEquals("KB272937 fix from Hudson", fleet.host("NT4").restarts().get(0).getComment());
        assertEquals(0, fleet.host("W2K").restarts().size());
        assertEquals("REMEDIATED", build.getAction(ComplianceBuildAction.class).getHosts().get(0).getStatus());
    }

    public void testARolloutStopsAtTheCanaryThatFailsAndLeavesTheRestUntouched() throws Exception {
        String servers = startLab(LabHostSpec.host("CANARY", NT4).fault(io.jenkins.plugins.dcom.lab.LabFault.DENY_WRITE),
                LabHostSpec.host("LATER", NT4));

        DcomComplianceBuilder step = step(servers, StepMode.REMEDIATE, LabFixture.PASSWORD);
        step.setRollout("canary=1");
        FreeStyleBuild build = build(step);

        assertBuildStatus(Result.FAILURE, build);
        String log = getLog(build);
        assertTrue(log, log.contains("wave 1 of 2 (1 host(s)): gate closed"));
        assertEquals("the second wave never ran", NT4[0], fleet.host("LATER").registry().data().get(0));
        String page = createWebClient().goTo(build.getUrl() + "dcom-compliance/").getWebResponse().getContentAsString();
        assertTrue("the build page shows the waves and gates", page.contains("id=\"dcom-rollout\"")
                && page.contains("wave 1 of 2 (1 host(s)): gate closed"));
    }

    public void testKerberosOverHttpWithTheNodesKrb5ConfRemediatesAndRestartsWithEveryMessageEncrypted() throws Exception {
        Kdc kdc = Kdc.start("labadmin", LabFixture.PASSWORD);
        try {
            fleet = LabFleet.start(Arrays.asList(LabHostSpec.host("NT4", NT4).downtime(3000)), LabFixture.PASSWORD, null, 0,
                    kdc.keytab());
            // What an admin sets on the node (or globally) when its krb5.conf is not /etc/krb5.conf
            hudson.getGlobalNodeProperties().add(new EnvironmentVariablesNodeProperty(new EnvironmentVariablesNodeProperty.Entry(
                    "JAVA_TOOL_OPTIONS", "-Djava.security.krb5.conf=" + kdc.krb5Conf())));

            DcomComplianceBuilder step = step(fleet.inventory(), StepMode.REMEDIATE_AND_RESTART, LabFixture.PASSWORD);
            step.setUser("labadmin@" + Kdc.REALM);
            step.setAuth("kerberos");
            FreeStyleBuild build = build(step);

            assertBuildStatus(Result.SUCCESS, build);
            assertEquals("ncacn_ip_tcp", fleet.host("NT4").registry().data().get(0));
            assertEquals(1, fleet.host("NT4").completedRestarts());
            assertTrue("every message encrypted with the Kerberos session's keys",
                    fleet.host("NT4").counters().sealedMessages() > 0 && fleet.host("NT4").counters().plainMessages() == 0);
            assertTrue("tickets from this test's KDC", kdc.logLines("for HTTP/localhost@" + Kdc.REALM) > 0);
            assertFalse(getLog(build).contains(LabFixture.PASSWORD));
        } finally {
            kdc.close();
        }
    }

    public void testAKeytabOnTheNodeRemediatesAKerberosFleetWithNoPasswordInTheJob() throws Exception {
        Kdc kdc = Kdc.start("labadmin", LabFixture.PASSWORD);
        try {
            fleet = LabFleet.start(Arrays.asList(LabHostSpec.host("NT4", NT4)), LabFixture.PASSWORD, null, 0, kdc.keytab());
            hudson.getGlobalNodeProperties().add(new EnvironmentVariablesNodeProperty(new EnvironmentVariablesNodeProperty.Entry(
                    "JAVA_TOOL_OPTIONS", "-Djava.security.krb5.conf=" + kdc.krb5Conf())));
            DcomComplianceBuilder step = step(fleet.inventory(), StepMode.REMEDIATE, "");
            step.setUser("labadmin@" + Kdc.REALM);
            step.setAuth("kerberos");
            step.setKeytab(kdc.userKeytab("labadmin").toString());

            FreeStyleBuild build = build(step);

            assertBuildStatus(Result.UNSTABLE, build); // remediated, waiting for a restart nobody asked for
            assertEquals("ncacn_ip_tcp", fleet.host("NT4").registry().data().get(0));
            assertTrue("the keytab's keys got labadmin its ticket", kdc.logLines("labadmin@" + Kdc.REALM) > 0);
            String config = new String(Files.readAllBytes(build.getProject().getConfigFile().getFile().toPath()),
                    StandardCharsets.UTF_8);
            assertTrue(config, config.contains("<keytab>") && config.contains(".keytab</keytab>"));
        } finally {
            kdc.close();
        }
    }

    public void testRemediateWithoutRestartLeavesTheBuildUnstableUntilTheServersRestart() throws Exception {
        String servers = startLab(LabHostSpec.host("NT4", NT4));

        FreeStyleProject project = createFreeStyleProject();
        project.getBuildersList().add(step(servers, StepMode.REMEDIATE, LabFixture.PASSWORD));
        FreeStyleBuild build = project.scheduleBuild2(0).get();

        assertBuildStatus(Result.UNSTABLE, build);
        assertEquals("RESTART_PENDING", build.getAction(ComplianceBuildAction.class).getHosts().get(0).getStatus());
        assertEquals(0, fleet.host("NT4").restarts().size());
        assertTrue("a run that went all at once has no rollout", build.getAction(ComplianceBuildAction.class).getRollout().isEmpty());

        project.getBuildersList().clear();
        project.getBuildersList().add(step(servers, StepMode.AUDIT, LabFixture.PASSWORD));
        FreeStyleBuild later = project.scheduleBuild2(0).get();
        assertBuildStatus(Result.UNSTABLE, later);
        assertEquals("a later audit in the same workspace still sees the change waiting for its restart", "RESTART_PENDING",
                later.getAction(ComplianceBuildAction.class).getHosts().get(0).getStatus());
    }

    public void testAnUnreachableHostFailsTheBuildUnlessAskedToMakeItUnstable() throws Exception {
        String servers = startLab(LabHostSpec.host("W2K", "ncacn_ip_tcp"), LabHostSpec.host("DOWN", NT4).fault(LabFault.UNREACHABLE));

        assertBuildStatus(Result.FAILURE, build(step(servers, StepMode.AUDIT, LabFixture.PASSWORD)));
        DcomComplianceBuilder lenientStep = step(servers, StepMode.AUDIT, LabFixture.PASSWORD);
        lenientStep.setUnreachableResult("UNSTABLE");
        FreeStyleBuild lenient = build(lenientStep);
        assertBuildStatus(Result.UNSTABLE, lenient);
        assertEquals(1, lenient.getAction(ComplianceBuildAction.class).getFailed());
    }

    public void testAWrongPasswordIsReportedAsAuthenticationFailureAndNeverPrinted() throws Exception {
        String servers = startLab(LabHostSpec.host("NT4", NT4));

        FreeStyleBuild build = build(step(servers, StepMode.AUDIT, "Wrong-Passw0rd-42"));

        assertBuildStatus(Result.FAILURE, build);
        assertEquals("AUTH_FAILED", build.getAction(ComplianceBuildAction.class).getHosts().get(0).getStatus());
        assertFalse(getLog(build).contains("Wrong-Passw0rd-42"));
    }

    public void testAParameterizedBuildExpandsTheServersParameter() throws Exception {
        String servers = startLab(LabHostSpec.host("W2K", "ncacn_ip_tcp"));
        FreeStyleProject project = createFreeStyleProject();
        project.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("SERVERS", "nothing-here", "")));
        project.getBuildersList().add(step("${SERVERS}", StepMode.AUDIT, LabFixture.PASSWORD));

        FreeStyleBuild build = project.scheduleBuild2(0, new Cause.UserCause(),
                new ParametersAction(new StringParameterValue("SERVERS", servers))).get();

        assertBuildStatus(Result.SUCCESS, build);
        assertEquals("W2K (" + fleet.host("W2K").address() + ":" + fleet.host("W2K").port() + ")",
                build.getAction(ComplianceBuildAction.class).getHosts().get(0).getLabel());
    }

    public void testAShardProcessesOnlyItsPartOfTheFleet() throws Exception {
        String servers = startLab(LabHostSpec.host("A", "ncacn_ip_tcp"), LabHostSpec.host("B", "ncacn_ip_tcp"),
                LabHostSpec.host("C", "ncacn_ip_tcp"));

        DcomComplianceBuilder step = step(servers, StepMode.AUDIT, LabFixture.PASSWORD);
        step.setShard("2/2");
        FreeStyleBuild build = build(step);

        assertBuildStatus(Result.SUCCESS, build);
        assertEquals(1, build.getAction(ComplianceBuildAction.class).getHosts().size());
        assertTrue(build.getAction(ComplianceBuildAction.class).getHosts().get(0).getLabel().startsWith("B "));
        assertEquals(FormValidation.Kind.ERROR, hudson.getDescriptorByType(DcomComplianceBuilder.DescriptorImpl.class)
                .doCheckShard("3/2").kind);
    }

    public void testEveryInvocationOfABuildKeepsItsOwnReportAndTheTrendCountsThemAll() throws Exception {
        String servers = startLab(LabHostSpec.host("A", NT4), LabHostSpec.host("B", "ncacn_ip_tcp"),
                LabHostSpec.host("C", "ncacn_ip_tcp"));
        FreeStyleProject project = createFreeStyleProject();
        for (String shard : Arrays.asList("1/2", "2/2", "")) {
            DcomComplianceBuilder step = step(servers, StepMode.AUDIT, LabFixture.PASSWORD);
            step.setShard(shard);
            project.getBuildersList().add(step);
        }

        FreeStyleBuild build = project.scheduleBuild2(0).get();

        List<ComplianceBuildAction> results = build.getActions(ComplianceBuildAction.class);
        assertEquals(getLog(build), 3, results.size());
        assertEquals(Arrays.asList("dcom-compliance-shard-1-of-2", "dcom-compliance-shard-2-of-2", "dcom-compliance"),
                Arrays.asList(results.get(0).getUrlName(), results.get(1).getUrlName(), results.get(2).getUrlName()));
        assertEquals(Arrays.asList(2, 1, 3), Arrays.asList(results.get(0).getHosts().size(), results.get(1).getHosts().size(),
                results.get(2).getHosts().size()));
        WebClient web = createWebClient();
        for (ComplianceBuildAction result : results) {
            String report = web.goTo(build.getUrl() + result.getUrlName() + "/report/").getWebResponse().getContentAsString();
            assertTrue(result.getUrlName(), report.contains(result.getHosts().get(0).getLabel().split(" ")[0]));
            String json = web.goTo(build.getUrl() + result.getUrlName() + "/json", "application/json").getWebResponse()
                    .getContentAsString();
            assertTrue(json, json.contains("\"hosts\" : " + result.getHosts().size()));
        }
        assertTrue(getLog(build).contains("dcom-compliance-report-shard-1-of-2/junit.xml"));
        int[] point = new ComplianceProjectAction(project).getTrend().get(0);
        assertEquals("compliant, non-compliant and failed summed over the invocations", 6, point[1] + point[2] + point[3]);
    }

    public void testBuildXmlKeepsABoundedNumberOfRowsWhileThePageShowsEveryHostFromTheKeptReport() throws Exception {
        LabHostSpec[] hosts = new LabHostSpec[ComplianceBuildAction.KEPT_ROWS + 10];
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = LabHostSpec.host("H" + i, "ncacn_ip_tcp");
        }
        FreeStyleBuild build = build(step(startLab(hosts), StepMode.AUDIT, LabFixture.PASSWORD));

        ComplianceBuildAction result = build.getAction(ComplianceBuildAction.class);
        assertEquals(getLog(build), hosts.length, result.getTotal());
        assertEquals(ComplianceBuildAction.KEPT_ROWS, result.getHosts().size());
        assertEquals(hosts.length, result.getCompliant());
        String xml = new String(java.nio.file.Files.readAllBytes(new java.io.File(build.getRootDir(), "build.xml").toPath()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertFalse("H" + (hosts.length - 1) + " is not kept in build.xml", xml.contains("<name>H" + (hosts.length - 1) + "</name>"));
        String page = createWebClient().goTo(build.getUrl() + "dcom-compliance/").getWebResponse().getContentAsString();
        for (int i = 0; i < hosts.length; i++) {
            assertTrue("H" + i + " on the page", page.contains(">H" + i + " ("));
        }
    }

    public void testTheProjectPageShowsTheTrendAcrossBuilds() throws Exception {
        String servers = startLab(LabHostSpec.host("NT4", NT4), LabHostSpec.host("W2K", "ncacn_ip_tcp"));
        FreeStyleProject project = createFreeStyleProject();
        project.getBuildersList().add(step(servers, StepMode.AUDIT, LabFixture.PASSWORD));
        FreeStyleBuild first = project.scheduleBuild2(0).get();
        project.getBuildersList().clear();
        project.getBuildersList().add(step(servers, StepMode.REMEDIATE_AND_RESTART, LabFixture.PASSWORD));
        FreeStyleBuild second = project.scheduleBuild2(0).get();
        project.getBuildersList().clear();
        project.getBuildersList().add(step(servers, StepMode.AUDIT, LabFixture.PASSWORD));
        FreeStyleBuild third = project.scheduleBuild2(0).get();
        for (FreeStyleBuild build : Arrays.asList(first, second, third)) {
            assertNotNull(getLog(build), build.getAction(ComplianceBuildAction.class));
        }
        configRoundtrip(project); // a user configures jobs through the form, which refreshes the project's actions

        ComplianceProjectAction trend = project.getAction(ComplianceProjectAction.class);
        assertEquals(3, trend.getTrend().size());
        assertEquals(2, trend.getTrend().get(2)[1]);
        WebClient web = createWebClient();
        HtmlPage page = web.getPage(project);
        assertTrue(page.asXml().contains("dcom-compliance/trend"));
        String svg = web.goTo(project.getUrl() + "dcom-compliance/trend", "image/svg+xml").getWebResponse().getContentAsString();
        assertTrue(svg, svg.startsWith("<svg") && svg.contains("#3"));
    }

    public void testFormValidationSpeaksWithTheEnginesOwnMessages() throws Exception {
        DcomComplianceBuilder.DescriptorImpl descriptor = hudson.getDescriptorByType(DcomComplianceBuilder.DescriptorImpl.class);

        FormValidation badHost = descriptor.doCheckServers("good-host\nbad&host", "");
        assertEquals(FormValidation.Kind.ERROR, badHost.kind);
        assertTrue(badHost.getMessage(), badHost.getMessage().contains("line 2"));
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckPolicyYaml("forbiden: [ncadg_ip_udp]").kind);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckRestartComment("fix\" & format c:").kind);
        assertEquals(FormValidation.Kind.ERROR, descriptor.doCheckUser("admin@CORP.EXAMPLE", "rrp").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckUser("CORP\\admin", "winrm").kind);
        assertEquals(FormValidation.Kind.OK, descriptor.doCheckServers("${SERVERS}", "").kind == FormValidation.Kind.WARNING
                ? FormValidation.Kind.OK : FormValidation.Kind.ERROR);
        String viaHttp = createWebClient().goTo("descriptorByName/" + DcomComplianceBuilder.class.getName()
                + "/checkServers?value=bad%26host&inventoryFile=", "text/html").getWebResponse().getContentAsString();
        assertTrue(viaHttp, viaHttp.contains("not a valid host name"));
    }

    /** Plants a symbolic link in the workspace before the step runs, as a committer or job configurer could. */
    private static TestBuilder plant(final String path, final File target) {
        return new TestBuilder() {
            @Override
            public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) throws IOException {
                File link = new File(build.getWorkspace().getRemote(), path);
                link.getParentFile().mkdirs();
                Files.deleteIfExists(link.toPath());
                Files.createSymbolicLink(link.toPath(), target.toPath());
                return true;
            }
        };
    }

    public void testAReportPathPlantedAsALinkNeitherOverwritesItsTargetNorGetsServed() throws Exception {
        String servers = startLab(LabHostSpec.host("W2K", "ncacn_ip_tcp"));
        File secret = File.createTempFile("controller-secret", ".key");
        Files.write(secret.toPath(), "master-key-bytes".getBytes(StandardCharsets.UTF_8));
        FreeStyleProject project = createFreeStyleProject();
        project.getBuildersList().add(plant("dcom-compliance-report/index.html", secret));
        project.getBuildersList().add(step(servers, StepMode.AUDIT, LabFixture.PASSWORD));

        FreeStyleBuild build = project.scheduleBuild2(0).get();

        assertBuildStatus(Result.SUCCESS, build);
        assertEquals("master-key-bytes", new String(Files.readAllBytes(secret.toPath()), StandardCharsets.UTF_8));
        File kept = new File(build.getRootDir(), "dcom-compliance/index.html");
        assertFalse(Files.isSymbolicLink(kept.toPath()));
        String page = createWebClient().goTo(build.getUrl() + "dcom-compliance/report/", "text/html").getWebResponse()
                .getContentAsString();
        assertFalse(page.contains("master-key-bytes"));
        assertTrue(page.contains("DCOM protocol compliance"));
    }

    public void testOnlyRegularReportFilesAreKeptAndALinkIsRefusedWithAMessage() throws Exception {
        File workspace = createTmpDir();
        File reports = new File(workspace, "dcom-compliance-report");
        reports.mkdirs();
        File secret = File.createTempFile("controller-secret", ".key");
        Files.write(secret.toPath(), "master-key-bytes".getBytes(StandardCharsets.UTF_8));
        Files.write(new File(reports, "report.json").toPath(), "{}".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(new File(reports, "index.html").toPath(), secret.toPath());
        Files.write(new File(reports, "other.txt").toPath(), "x".getBytes(StandardCharsets.UTF_8));
        File kept = new File(createTmpDir(), "kept");
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();

        java.util.List<String> copied = ReportFiles.keep(new FilePath(reports), kept, new java.io.PrintStream(console, true));

        assertEquals(java.util.Arrays.asList("report.json"), copied);
        assertFalse(new File(kept, "index.html").exists());
        assertFalse(new File(kept, "other.txt").exists());
        assertTrue(console.toString(), console.toString().contains("not keeping dcom-compliance-report/index.html"));
    }

    public void testTheReportIsServedWithJenkinsContentSecurityPolicyAndItsStylesheet() throws Exception {
        String servers = startLab(LabHostSpec.host("NT4", NT4));
        FreeStyleBuild build = build(step(servers, StepMode.AUDIT, LabFixture.PASSWORD));
        WebClient web = createWebClient();

        Page report = web.goTo(build.getUrl() + "dcom-compliance/report/", "text/html");
        Page css = web.goTo(build.getUrl() + "dcom-compliance/report/report.css", "text/css");

        assertEquals(ComplianceBuildAction.CONTENT_SECURITY_POLICY, report.getWebResponse().getResponseHeaderValue("Content-Security-Policy"));
        assertEquals("nosniff", report.getWebResponse().getResponseHeaderValue("X-Content-Type-Options"));
        String html = report.getWebResponse().getContentAsString();
        assertFalse("no inline style or script", html.contains("<style") || html.contains("<script") || html.contains(" style="));
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"report.css\">"));
        assertTrue(css.getWebResponse().getContentAsString().contains("font:"));
        assertEquals(ComplianceBuildAction.CONTENT_SECURITY_POLICY, css.getWebResponse().getResponseHeaderValue("Content-Security-Policy"));
        web.setThrowExceptionOnFailingStatusCode(false);
        assertEquals(404, web.goTo(build.getUrl() + "dcom-compliance/report/..%2F..%2Fbuild.xml", "text/html")
                .getWebResponse().getStatusCode());
    }

    public void testTheAdminsContentSecurityPolicyIsTheOneServedAndAnEmptyOneSendsNone() throws Exception {
        FreeStyleBuild build = build(step(startLab(LabHostSpec.host("NT4", NT4)), StepMode.AUDIT, LabFixture.PASSWORD));
        WebClient web = createWebClient();
        String before = System.getProperty(ComplianceBuildAction.CSP_PROPERTY);
        try {
            System.setProperty(ComplianceBuildAction.CSP_PROPERTY, "sandbox; default-src 'self';");
            Page custom = web.goTo(build.getUrl() + "dcom-compliance/report/", "text/html");
            assertEquals("sandbox; default-src 'self';", custom.getWebResponse().getResponseHeaderValue("Content-Security-Policy"));
            assertEquals("sandbox; default-src 'self';", custom.getWebResponse().getResponseHeaderValue("X-WebKit-CSP"));
            System.setProperty(ComplianceBuildAction.CSP_PROPERTY, "");
            Page none = web.goTo(build.getUrl() + "dcom-compliance/report/", "text/html");
            assertNull(none.getWebResponse().getResponseHeaderValue("Content-Security-Policy"));
            assertNull(none.getWebResponse().getResponseHeaderValue("X-Content-Security-Policy"));
        } finally {
            if (before == null) {
                System.clearProperty(ComplianceBuildAction.CSP_PROPERTY);
            } else {
                System.setProperty(ComplianceBuildAction.CSP_PROPERTY, before);
            }
        }
    }

    public void testAPasswordTheChildProcessPrintsIsMaskedInTheBuildLog() throws Exception {
        // A JDK whose java prints the password it finds in its environment before it runs the command line.
        java.io.File home = new java.io.File(createTmpDir(), "echoing-jdk");
        java.io.File bin = new java.io.File(home, "bin");
        assertTrue(bin.mkdirs());
        java.io.File launcher = new java.io.File(bin, "java");
        java.nio.file.Files.write(launcher.toPath(), ("#!/bin/sh\necho \"the child was given $DCOM_COMPLIANCE_PASSWORD\"\nexec '"
                + System.getProperty("java.home") + "/bin/java' \"$@\"\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(launcher.setExecutable(true));
        hudson.model.JDK jdk = new hudson.model.JDK("echoing", home.getAbsolutePath());
        hudson.getJDKs().add(jdk);
        FreeStyleProject project = createFreeStyleProject();
        project.setJDK(jdk);
        project.getBuildersList().add(step(startLab(LabHostSpec.host("NT4", NT4)), StepMode.AUDIT, LabFixture.PASSWORD));

        FreeStyleBuild build = project.scheduleBuild2(0).get();

        String log = getLog(build);
        assertTrue(log, log.contains("the child was given " + MaskedLog.MASK));
        assertFalse(log, log.contains(LabFixture.PASSWORD));
        assertTrue(log, log.contains("Exit code 2"));
    }

    public void testTheFormsInputsAreWrittenOutsideTheWorkspaceSoALinkCommittedThereIsNeverWrittenThrough() throws Exception {
        FreeStyleProject project = createFreeStyleProject();
        project.getBuildersList().add(step(startLab(LabHostSpec.host("NT4", NT4)), StepMode.AUDIT, LabFixture.PASSWORD));
        FreeStyleBuild first = project.scheduleBuild2(0).get();
        java.io.File elsewhere = createTmpDir();
        java.nio.file.Files.createSymbolicLink(new java.io.File(first.getWorkspace().getRemote(), ".dcom-compliance").toPath(),
                elsewhere.toPath());

        FreeStyleBuild second = project.scheduleBuild2(0).get();

        assertTrue(getLog(second), getLog(second).contains("Exit code 2"));
        assertEquals("nothing written where the link points", 0, elsewhere.list().length);
        java.io.File tools = new java.io.File(hudson.getRootDir(), "dcom-compliance");
        for (String name : tools.list()) {
            assertFalse("the run's input folder is gone: " + name, name.startsWith("input-"));
        }
    }

    public void testTheResultPageKeepsTheBuildsSidePanel() throws Exception {
        FreeStyleBuild build = build(step(startLab(LabHostSpec.host("NT4", NT4)), StepMode.AUDIT, LabFixture.PASSWORD));

        String page = createWebClient().goTo(build.getUrl() + "dcom-compliance/").getWebResponse().getContentAsString();

        assertTrue("the build's side panel", page.contains("Console Output"));
    }

    public void testReportsStayReachableAfterTheJobIsRenamed() throws Exception {
        String servers = startLab(LabHostSpec.host("W2K", "ncacn_ip_tcp"));
        FreeStyleProject project = createFreeStyleProject("before-rename");
        project.getBuildersList().add(step(servers, StepMode.AUDIT, LabFixture.PASSWORD));
        FreeStyleBuild build = project.scheduleBuild2(0).get();

        project.renameTo("after-rename");

        FreeStyleBuild renamed = project.getBuildByNumber(build.getNumber());
        Page report = createWebClient().goTo(renamed.getUrl() + "dcom-compliance/report/", "text/html");
        assertTrue(renamed.getUrl(), renamed.getUrl().contains("after-rename"));
        assertTrue(report.getWebResponse().getContentAsString().contains("DCOM protocol compliance"));
    }

    public void testBuildsStartingTogetherOnOneNodeInstallOneGoodCopyOfTheCommandLine() throws Exception {
        String servers = startLab(LabHostSpec.host("W2K", "ncacn_ip_tcp"));
        hudson.setNumExecutors(4);
        FilePath bundled = CliJar.bundled();
        FilePath folder = hudson.getRootPath().child("dcom-compliance");
        folder.child("cli-" + bundled.digest().substring(0, 16) + ".jar").write("a damaged copy", "UTF-8");
        java.util.List<java.util.concurrent.Future<FreeStyleBuild>> builds = new java.util.ArrayList<java.util.concurrent.Future<FreeStyleBuild>>();
        for (int i = 0; i < 4; i++) {
            FreeStyleProject project = createFreeStyleProject("shard-" + i);
            project.getBuildersList().add(step(servers, StepMode.AUDIT, LabFixture.PASSWORD));
            builds.add(project.scheduleBuild2(0));
        }

        for (java.util.concurrent.Future<FreeStyleBuild> build : builds) {
            assertBuildStatus(Result.SUCCESS, build.get());
        }
        FilePath[] jars = folder.list("*.jar");
        assertEquals(Arrays.toString(jars), 1, jars.length);
        assertEquals(bundled.digest(), jars[0].digest());
        assertEquals("one class-data archive, whichever build moved its own into place first", 1, folder.list("*.jsa").length);
        assertEquals("nothing half-made is left", folder.list().size(), jars.length + 1);
    }

    public void testANodeWithoutTheJobsJavaFailsTheBuildSayingWhichJavaAndHowToGiveOne() throws Exception {
        String servers = startLab(LabHostSpec.host("W2K", "ncacn_ip_tcp"));
        hudson.getGlobalNodeProperties().add(new EnvironmentVariablesNodeProperty(new EnvironmentVariablesNodeProperty.Entry(
                "JAVA_HOME", "/nonexistent-jdk")));

        FreeStyleBuild build = build(step(servers, StepMode.AUDIT, LabFixture.PASSWORD));

        assertBuildStatus(Result.FAILURE, build);
        String log = getLog(build);
        assertTrue(log, log.contains("running the command line with /nonexistent-jdk/bin/java failed"));
        assertTrue(log, log.contains("give the job a JDK (it sets JAVA_HOME) or put java on the node's PATH"));
        assertFalse("a message, not a stack trace", log.contains("\tat "));
        assertEquals(0, fleet.host("W2K").counters().requests());
    }

    public void testAnArchivePartLeftByAKilledRunIsClearedADayLaterWhileAFreshOneIsLeftToItsRun() throws Exception {
        String servers = startLab(LabHostSpec.host("W2K", "ncacn_ip_tcp"));
        FreeStyleProject project = createFreeStyleProject();
        project.getBuildersList().add(step(servers, StepMode.AUDIT, LabFixture.PASSWORD));
        FilePath folder = hudson.getRootPath().child("dcom-compliance");
        assertBuildStatus(Result.SUCCESS, project.scheduleBuild2(0).get());
        FilePath archive = folder.list("*.jsa")[0];
        String name = archive.getName().replaceFirst("\\.jsa$", "");
        archive.delete();
        FilePath abandoned = folder.child(name + "-killed.jsa.part");
        abandoned.write("half an archive", "UTF-8");
        new File(abandoned.getRemote()).setLastModified(System.currentTimeMillis() - 2L * 24 * 60 * 60 * 1000);
        FilePath underWay = folder.child(name + "-another-build.jsa.part");
        underWay.write("an archive being written", "UTF-8");

        assertBuildStatus(Result.SUCCESS, project.scheduleBuild2(0).get());

        assertFalse(abandoned.exists());
        assertTrue(underWay.exists());
        assertTrue("the build made the archive again", folder.child(name + ".jsa").exists());
    }

    public void testTheSecondBuildOnANodeMapsTheClassDataArchiveTheFirstMadeAndItsLogReadsTheSame() throws Exception {
        String servers = startLab(LabHostSpec.host("NT4", NT4), LabHostSpec.host("W2K", "ncacn_ip_tcp"));
        FreeStyleProject project = createFreeStyleProject();
        project.getBuildersList().add(step(servers, StepMode.AUDIT, LabFixture.PASSWORD));
        FilePath folder = hudson.getRootPath().child("dcom-compliance");

        FreeStyleBuild first = assertBuildStatus(Result.UNSTABLE, project.scheduleBuild2(0).get());
        FilePath[] archives = folder.list("*.jsa");
        FreeStyleBuild second = assertBuildStatus(Result.UNSTABLE, project.scheduleBuild2(0).get());

        assertEquals(1, archives.length);
        assertEquals(0, folder.list("*.part").length);
        String made = getLog(first);
        String mapped = getLog(second);
        assertTrue(made, made.contains("-XX:ArchiveClassesAtExit=" + folder.getRemote()));
        assertTrue(mapped, mapped.contains("-XX:SharedArchiveFile=" + archives[0].getRemote() + " -jar "));
        assertFalse("the JVM's CDS messages stay out of the build log", (made + mapped).contains("[cds"));
        ComplianceBuildAction before = first.getAction(ComplianceBuildAction.class);
        ComplianceBuildAction after = second.getAction(ComplianceBuildAction.class);
        assertEquals(Arrays.asList(1, 1), Arrays.asList(before.getCompliant(), before.getNonCompliant()));
        assertEquals(Arrays.asList(1, 1), Arrays.asList(after.getCompliant(), after.getNonCompliant()));
        assertEquals(1, folder.list("*.jsa").length);
    }

    /**
     * Runs the Pipeline step's perform(Run, FilePath, EnvVars, Launcher, TaskListener) inside a real build, as
     * Jenkins' CoreStep does (Hudson has no Pipeline; the Jenkins-only declarations are on the test class path).
     */
    public void testTheJenkinsStepLogsOnAsTheCredentialItsCredentialsIdNamesAndRecordsItsUse() throws Exception {
        String servers = startLab(LabHostSpec.host("NT4", NT4), LabHostSpec.host("W2K", "ncacn_ip_tcp"));
        LabCredentialStore store = new LabCredentialStore();
        hudson.getExtensionList(CredentialsLookup.class).add(store);
        DcomCompliancePipelineStep step = new DcomCompliancePipelineStep();
        step.setServers(servers);
        step.setCredentialsId("windows-admin");

        FreeStyleBuild build = runPipelineStep(step, null); // no password variable bound: the credential is the account
        step.setCredentialsId("nobody-has-this");
        FreeStyleBuild unknown = runPipelineStep(step, null);

        assertBuildStatus(Result.UNSTABLE, build); // logged on as the credential's user, with its password
        assertEquals(2, build.getAction(PipelineComplianceAction.class).getHosts().size());
        assertEquals("its use is recorded against the build", Arrays.asList(build.getFullDisplayName()), store.uses);
        assertFalse(getLog(build).contains(LabFixture.PASSWORD));
        assertBuildStatus(Result.FAILURE, unknown);
        assertTrue(getLog(unknown), getLog(unknown).contains("no 'Username with password' credential with the id "
                + "'nobody-has-this' is available to this build"));
    }

    public void testACredentialsIdWithoutTheCredentialsPluginSaysWhatToInstallAndNeverRunsTheCommandLine() throws Exception {
        DcomCompliancePipelineStep step = new DcomCompliancePipelineStep();
        step.setServers("server01");
        step.setCredentialsId("windows-admin");

        FreeStyleBuild build = runPipelineStep(step, null);

        assertBuildStatus(Result.FAILURE, build);
        assertTrue(getLog(build), getLog(build).contains("credentialsId 'windows-admin' needs the Credentials plugin"));
        assertFalse("this is Hudson", Server.isJenkins());
        assertFalse("Hudson's freestyle jobs keep the builder with its password field", hudson.getDescriptorByType(
                DcomCompliancePipelineStep.DescriptorImpl.class).isApplicable(FreeStyleProject.class));
        assertFalse(getLog(build), getLog(build).contains("DCOM compliance: Audit"));
    }

    public void testAJobThatNamesACredentialKeepsNoPasswordInItsConfigXml() throws Exception {
        DcomCompliancePipelineStep step = StepOptionSamples.withEverySample(new DcomCompliancePipelineStep());
        step.setUser("");
        step.setCredentialsId("windows-admin");
        FreeStyleProject project = createFreeStyleProject();
        project.getBuildersList().add(step);

        project.save();

        String config = new String(Files.readAllBytes(project.getConfigFile().getFile().toPath()), StandardCharsets.UTF_8);
        assertTrue(config, config.contains("<credentialsId>windows-admin</credentialsId>"));
        assertFalse(config, config.toLowerCase(java.util.Locale.ROOT).contains("<password>"));
    }

    /** A credentials store of the test's own: the harness has no credentials plugin. */
    private static final class LabCredentialStore extends CredentialsLookup {
        final List<String> uses = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public WindowsAccount find(String id, hudson.model.Run<?, ?> run) {
            if (!"windows-admin".equals(id)) {
                return null;
            }
            uses.add(run.getFullDisplayName());
            return new WindowsAccount("labadmin", LabFixture.PASSWORD);
        }
    }

    public void testTheJenkinsStepsTrendStaysOnTheJobPageWhileItsBuildsFail() throws Exception {
        String servers = startLab(LabHostSpec.host("W2K", "ncacn_ip_tcp"), LabHostSpec.host("DOWN", NT4).fault(LabFault.UNREACHABLE));
        DcomCompliancePipelineStep failing = new DcomCompliancePipelineStep();
        failing.setServers(servers);
        failing.setUser("labadmin");
        DcomCompliancePipelineStep passing = new DcomCompliancePipelineStep();
        passing.setServers(fleet.host("W2K").address() + ":" + fleet.host("W2K").port() + " name=W2K");
        passing.setUser("labadmin");

        FreeStyleBuild failed = runPipelineStep(failing, LabFixture.PASSWORD);
        FreeStyleBuild passed = runPipelineStep(passing, LabFixture.PASSWORD);

        assertBuildStatus(Result.FAILURE, failed);
        assertNull("Jenkins' LastBuildActionFactory has no successful build to show", failed.getProject().getLastSuccessfulBuild());
        List<? extends hudson.model.Action> trend = new java.util.ArrayList<>(new PipelineTrendFactory().createFor(failed.getProject()));
        assertEquals(1, trend.size());
        assertEquals(1, ((ComplianceProjectAction) trend.get(0)).getTrend().size());
        assertBuildStatus(Result.SUCCESS, passed);
        assertTrue("a successful build's own LastBuildAction shows it, once",
                new PipelineTrendFactory().createFor(passed.getProject()).isEmpty());
    }

    private FreeStyleBuild runPipelineStep(DcomCompliancePipelineStep step, String password) throws Exception {
        FreeStyleProject project = createFreeStyleProject();
        project.getBuildersList().add(new PipelineStepRunner(step, password));
        return project.scheduleBuild2(0).get();
    }

    /** Calls the Pipeline step as CoreStep does; not saved with the job (transient fields). */
    private static final class PipelineStepRunner extends TestBuilder {
        private final transient DcomCompliancePipelineStep step;
        private final transient String password;

        PipelineStepRunner(DcomCompliancePipelineStep step, String password) {
            this.step = step;
            this.password = password;
        }

        @Override
        public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
                throws InterruptedException, IOException {
            hudson.EnvVars env = build.getEnvironment(listener);
            if (password != null) {
                env.put(step.getPasswordVariable(), password);
            }
            step.perform(build, build.getWorkspace(), env, launcher, listener);
            return true;
        }
    }

    public void testThePipelineStepAuditsWithThePasswordFromItsVariableAndMarksNonComplianceUnstable() throws Exception {
        String servers = startLab(LabHostSpec.host("NT4", NT4), LabHostSpec.host("W2K", "ncacn_ip_tcp"));
        DcomCompliancePipelineStep step = new DcomCompliancePipelineStep();
        step.setUser("labadmin");
        step.setServers(servers);
        step.setAllowHttp(true);
        step.setPasswordVariable("LAB_PW");

        FreeStyleBuild build = runPipelineStep(step, LabFixture.PASSWORD);

        assertBuildStatus(Result.UNSTABLE, build);
        PipelineComplianceAction result = build.getAction(PipelineComplianceAction.class);
        assertNotNull(getLog(build), result);
        assertEquals(2, result.getHosts().size());
        assertEquals(1, result.getNonCompliant());
        assertFalse(getLog(build).contains(LabFixture.PASSWORD));
        assertTrue(new File(build.getWorkspace().getRemote() + "@tmp", "dcom-compliance").isDirectory());
    }

    /**
     * A Pipeline stage shows UNSTABLE only through a WarningAction on its step's flow node (junit's step adds one);
     * workflow-cps tells every StepListener of the step, with its node, before CoreStep runs perform: done here by
     * hand, with the Pipeline plugins' declarations from the test class path.
     */
    public void testAnUnstablePipelineStepFlagsItsStageAndACompliantOneDoesNot() throws Exception {
        String servers = startLab(LabHostSpec.host("NT4", NT4), LabHostSpec.host("W2K", "ncacn_ip_tcp"));
        DcomCompliancePipelineStep unstable = new DcomCompliancePipelineStep();
        unstable.setUser("labadmin");
        unstable.setServers(servers);
        DcomCompliancePipelineStep compliant = new DcomCompliancePipelineStep();
        compliant.setUser("labadmin");
        compliant.setServers(fleet.host("W2K").address() + ":" + fleet.host("W2K").port() + " name=W2K");
        StageNode unstableStage = new StageNode();
        StageNode compliantStage = new StageNode();
        PipelineStepListener listener = new PipelineStepListener();
        listener.notifyOfNewStep(new org.jenkinsci.plugins.workflow.steps.CoreStep(unstable), new NodeContext(unstableStage));
        listener.notifyOfNewStep(new org.jenkinsci.plugins.workflow.steps.CoreStep(compliant), new NodeContext(compliantStage));

        FreeStyleBuild unstableBuild = runPipelineStep(unstable, LabFixture.PASSWORD);
        FreeStyleBuild compliantBuild = runPipelineStep(compliant, LabFixture.PASSWORD);

        assertBuildStatus(Result.UNSTABLE, unstableBuild);
        org.jenkinsci.plugins.workflow.actions.WarningAction warning =
                unstableStage.getAction(org.jenkinsci.plugins.workflow.actions.WarningAction.class);
        assertNotNull("the stage is flagged", warning);
        assertEquals(Result.UNSTABLE, warning.getResult());
        assertEquals("DCOM compliance: exit code 2 sets the build to UNSTABLE", warning.getMessage());
        assertBuildStatus(Result.SUCCESS, compliantBuild);
        assertTrue("a compliant step's stage is left alone", compliantStage.getActions().isEmpty());
    }

    /** A flow node as far as actions go. */
    private static final class StageNode extends org.jenkinsci.plugins.workflow.graph.FlowNode {
        @Override
        public String getDisplayName() {
            return "dcomCompliance";
        }

        @Override
        public String getSearchUrl() {
            return "1";
        }

        @Override
        public void save() {
        }
    }

    /** A step context that has the step's flow node, as workflow-cps' does. */
    private static final class NodeContext extends org.jenkinsci.plugins.workflow.steps.StepContext {
        private static final long serialVersionUID = 1L;
        private final transient StageNode node;

        NodeContext(StageNode node) {
            this.node = node;
        }

        @Override
        public <T> T get(Class<T> key) {
            return key.isInstance(node) ? key.cast(node) : null;
        }
    }

    public void testThePipelineStepStopsThePipelineWhenAServerFailsOrThePasswordIsNotBound() throws Exception {
        String servers = startLab(LabHostSpec.host("DOWN", NT4).fault(LabFault.UNREACHABLE));
        DcomCompliancePipelineStep step = new DcomCompliancePipelineStep();
        step.setUser("labadmin");
        step.setServers(servers);
        step.setAllowHttp(true);

        FreeStyleBuild failed = runPipelineStep(step, LabFixture.PASSWORD);
        FreeStyleBuild unbound = runPipelineStep(step, null);

        assertBuildStatus(Result.FAILURE, failed);
        assertTrue(getLog(failed), getLog(failed).contains("exit code 3 fails the build"));
        assertBuildStatus(Result.FAILURE, unbound);
        assertTrue(getLog(unbound), getLog(unbound).contains("DCOM_PASSWORD holds no password")
                && getLog(unbound).contains("withCredentials"));
    }
}
