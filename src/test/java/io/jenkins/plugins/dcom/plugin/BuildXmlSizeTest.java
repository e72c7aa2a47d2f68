package io.jenkins.plugins.dcom.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.XStream2;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * build.xml keeps a build's counts and a bounded number of rows, whatever the fleet's size: the job page loads the
 * actions of many builds, and the full table is read from the report kept with the build when its page asks.
 */
class BuildXmlSizeTest {
    private static List<HostRow> fleet(int size) {
        List<HostRow> rows = new ArrayList<HostRow>();
        for (int i = 0; i < size; i++) {
            String status = i % 10 == 0 ? "UNREACHABLE" : i % 3 == 0 ? "NON_COMPLIANT" : "COMPLIANT";
            String outcome = i % 10 == 0 ? "FAILED" : i % 3 == 0 ? "NON_COMPLIANT" : "OK";
            rows.add(new HostRow("10.0." + i / 250 + "." + i % 250, "SMS-SITE-" + i, "site-server", "winrm", status, outcome,
                    "does not comply with policy 'kb272937': ncadg_ip_udp is listed before ncacn_ip_tcp; the NT 4.0 server "
                            + "would answer a Windows 2000 console on UDP first (KB Q272937)",
                    "ncadg_ip_udp\nncacn_ip_tcp\nncacn_spx\nncacn_nb_nb", "ncacn_ip_tcp\nncadg_ip_udp\nncacn_spx\nncacn_nb_nb",
                    "ncacn_ip_tcp: 2 -> 1\nncadg_ip_udp: 1 -> 2"));
        }
        return rows;
    }

    private static int buildXmlBytes(ComplianceBuildAction action) {
        return new XStream2().toXML(action).getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aThousandHostBuildKeepsItsCountsAndFiftyRowsInWellUnderAHundredKilobytes() {
        ComplianceBuildAction action = new ComplianceBuildAction(fleet(1000), Collections.<String>emptyList(), "AUDIT", 3,
                ReportSlot.named(null));

        int bytes = buildXmlBytes(action);
        System.out.println("build.xml share of a 1,000-host build: " + bytes + " bytes (10,000 hosts: "
                + buildXmlBytes(new ComplianceBuildAction(fleet(10000), Collections.<String>emptyList(), "AUDIT", 3,
                        ReportSlot.named(null))) + " bytes)");
        assertThat(bytes).isLessThan(100 * 1024);
        assertThat(action.getTotal()).isEqualTo(1000);
        assertThat(action.getFailed() + action.getNonCompliant() + action.getCompliant()).isEqualTo(1000);
        assertThat(action.getFailed()).isEqualTo(100);
        assertThat(action.getHosts()).hasSize(ComplianceBuildAction.KEPT_ROWS)
                .allMatch(row -> row.getOutcome().equals("FAILED"), "failed hosts are kept first");
    }

    @Test
    void aSmallBuildKeepsEveryRow() {
        ComplianceBuildAction action = new ComplianceBuildAction(fleet(12), Collections.<String>emptyList(), "AUDIT", 3,
                ReportSlot.named(null));

        assertThat(action.getHosts()).hasSize(12);
        assertThat(action.getCounts()).containsEntry("UNREACHABLE", 2).containsEntry("NON_COMPLIANT", 3);
    }
}
