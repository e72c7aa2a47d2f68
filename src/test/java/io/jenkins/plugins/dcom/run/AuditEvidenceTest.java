package io.jenkins.plugins.dcom.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.policy.Check;
import io.jenkins.plugins.dcom.policy.Presets;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.memory.MemoryFleet;
import org.junit.jupiter.api.Test;

/** A run records, for every host it evaluated, the check of every rule: what an auditor reads as evidence. */
class AuditEvidenceTest {
    @Test
    void anAuditKeepsEveryCheckOfEveryEvaluatedHostAndAnUnreachableHostHasNone() throws Exception {
        MemoryFleet fleet = new MemoryFleet("pw");
        fleet.add("good").protocols("ncacn_ip_tcp");
        fleet.add("bad").protocols("ncadg_ip_udp", "ncacn_ip_tcp");
        fleet.add("down").protocols("ncacn_ip_tcp").down();
        RunOptions options = RunOptions.builder(Mode.AUDIT, new Transports("winrm", fleet),
                ConnectionSettings.builder(new Credentials("u", "pw")).build()).policy(Presets.get(Presets.KB272937)).build();

        RunResult run = new ComplianceEngine(options, ProgressListener.NONE).run("r1", new InventoryParser().parse(fleet.inventory(), "inv"));

        assertThat(run.getHosts().get(0).getChecks()).isNotEmpty().allMatch(check -> check.getResult() == Check.Result.PASS);
        assertThat(run.getHosts().get(1).getChecks()).anyMatch(check -> check.getRule().equals("first")
                && check.getResult() == Check.Result.FAIL);
        assertThat(run.getHosts().get(2).getChecks()).as("nothing was read, so nothing was checked").isEmpty();
    }

    @Test
    void theRelatedSettingsAPolicyChecksAreEvidenceTooEachWithTheValueRead() throws Exception {
        MemoryFleet fleet = new MemoryFleet("pw");
        fleet.add("on").protocols("ncacn_ip_tcp").text("SOFTWARE\\Microsoft\\Ole", "EnableDCOM", "Y");
        fleet.add("off").protocols("ncacn_ip_tcp").text("SOFTWARE\\Microsoft\\Ole", "EnableDCOM", "N");
        RunOptions options = RunOptions.builder(Mode.AUDIT, new Transports("winrm", fleet),
                ConnectionSettings.builder(new Credentials("u", "pw")).build()).policy(Presets.get(Presets.KB272937_FLEET)).build();

        RunResult run = new ComplianceEngine(options, ProgressListener.NONE).run("r1", new InventoryParser().parse(fleet.inventory(), "inv"));

        assertThat(run.getHosts().get(0).getChecks()).anyMatch(check -> check.getRule().equals("enableDcom")
                && check.getResult() == Check.Result.PASS && check.getDetail().equals("EnableDCOM as read: Y"));
        assertThat(run.getHosts().get(0).getChecks()).anyMatch(check -> check.getRule().equals("rebootPending")
                && check.getResult() == Check.Result.PASS && check.getDetail().endsWith(": absent"));
        assertThat(run.getHosts().get(1).getChecks()).anyMatch(check -> check.getRule().equals("enableDcom")
                && check.getResult() == Check.Result.FAIL);
        assertThat(run.getHosts().get(1).getStatus()).isEqualTo(HostStatus.NON_COMPLIANT);
    }
}
