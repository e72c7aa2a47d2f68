package io.jenkins.plugins.dcom.transport.rrp;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.dcom.plugin.ComplianceBuildAction;
import io.jenkins.plugins.dcom.plugin.DcomComplianceBuilder;
import io.jenkins.plugins.dcom.plugin.HostRow;
import io.jenkins.plugins.dcom.transport.RegistryTransportContract.Hosts;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jvnet.hudson.test.HudsonTestCase;

/**
 * The build step over the registry RPC in Hudson's real harness, against real Samba hosts: an NT 4.0 site server
 * (SMB1 over NetBIOS on 139) and a Windows Server 2019 (SMB2/3 only) in one fleet.
 */
public class RrpBuildStepIT extends HudsonTestCase {
    private SambaFleet fleet;

    @Override
    protected void setUp() throws Exception {
        super.setUp();
        fleet = SambaFleet.start(SmbShape.NETBIOS_ONLY);
    }

    @Override
    protected void tearDown() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        super.tearDown();
    }

    private FreeStyleBuild build(String servers, String mode) throws Exception {
        FreeStyleProject project = createFreeStyleProject();
        DcomComplianceBuilder step = new DcomComplianceBuilder();
        step.setServers(servers);
        step.setMode(mode);
        step.setTransport("rrp");
        step.setUser("LAB\\" + SambaHost.ADMIN);
        step.setPassword(Secret.fromString(SambaFleet.PASSWORD));
        step.setConcurrency(4);
        step.setRestartDelay(0);
        step.setRestartComment("KB272937 fix from Hudson");
        project.getBuildersList().add(step);
        return project.scheduleBuild2(0).get();
    }

    public void testAuditReachesEveryGenerationAndShowsTheDialectOnTheBuildPage() throws Exception {
        String servers = fleet.host(Hosts.NT4).address() + " name=NT4 role=site-server\n" + fleet.noSmb1().address() + " name=WS2019\n";

        FreeStyleBuild build = build(servers, "AUDIT");

        assertBuildStatus(Result.UNSTABLE, build);
        Map<String, HostRow> rows = new HashMap<>();
        for (HostRow row : build.getAction(ComplianceBuildAction.class).getHosts()) {
            rows.put(row.getLabel().substring(0, row.getLabel().indexOf(" (")), row);
        }
        assertEquals("NON_COMPLIANT", rows.get("NT4").getStatus());
        assertEquals("rrp (SMB1 (NT LM 0.12))", rows.get("NT4").getTransport());
        assertEquals("rrp (SMB 3.1.1)", rows.get("WS2019").getTransport());
        assertFalse(getLog(build).contains(SambaFleet.PASSWORD));
        String page = createWebClient().getPage(build, "dcom-compliance/").asText();
        assertTrue(page, page.contains("rrp (SMB 3.1.1)"));
    }

    public void testRemediateAndRestartFixesTheNt4SiteServerOverNetbios() throws Exception {
        FreeStyleBuild build = build(fleet.host(Hosts.NT4).address() + " name=NT4\n", "REMEDIATE_AND_RESTART");

        assertBuildStatus(Result.SUCCESS, build);
        assertEquals(Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx"), fleet.host(Hosts.NT4).storedValue());
        assertEquals(1, fleet.host(Hosts.NT4).restartRequests().size());
    }
}
