package io.jenkins.plugins.dcom.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.analysis.ConnectivityMatrix;
import io.jenkins.plugins.dcom.analysis.PairOutcome;
import io.jenkins.plugins.dcom.analysis.PairPrediction;
import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.lab.LabFault;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.policy.PolicyParser;
import io.jenkins.plugins.dcom.policy.Presets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The article's question answered by a run: which consoles reach which site servers, as found and after the plan. */
class ConnectivityRunTest {
    private static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"};
    private static final String[] W2K = {"ncacn_ip_tcp", "ncacn_spx", "ncacn_nb_nb"};

    @TempDir
    Path dir;

    private static LabRun fleet() throws Exception {
        return new LabRun(LabHostSpec.host("SMS-SITE", NT4).role("site-server").windows("4.0"),
                LabHostSpec.host("SMS-ADMIN", W2K).role("console").windows("5.0"),
                LabHostSpec.host("NT4-ADMIN", NT4).role("console").windows("4.0"),
                LabHostSpec.host("DOWN-ADMIN", W2K).role("console").windows("5.0").fault(LabFault.UNREACHABLE));
    }

    private static PairPrediction pair(ConnectivityMatrix matrix, String console) {
        return matrix.getPairs().stream().filter(pair -> pair.getConsole().startsWith(console)).findFirst()
                .orElseThrow(AssertionError::new);
    }

    @Test
    void anAuditShowsTheWindows2000ConsoleFailingAgainstTheNt4SiteServerAndChangesNothing() throws Exception {
        try (LabRun lab = fleet()) {
            RunResult audit = lab.run(lab.options(Mode.AUDIT, dir).build());
            Connectivity connectivity = audit.connectivity();
            assertThat(lab.result(audit, "SMS-SITE").getWindowsRelease()).as("NT 4.0 has no ProductName")
                    .isEqualTo("Service Pack 6, build 1381");
            assertThat(lab.result(audit, "SMS-ADMIN").getWindowsRelease()).isEqualTo("Microsoft Windows 2000, Service Pack 4, build 2195");

            assertThat(pair(connectivity.getBefore(), "SMS-ADMIN").getOutcome()).isEqualTo(PairOutcome.FAILS);
            assertThat(pair(connectivity.getBefore(), "NT4-ADMIN").getOutcome()).isEqualTo(PairOutcome.CONNECTS);
            assertThat(pair(connectivity.getBefore(), "DOWN-ADMIN").getOutcome()).isEqualTo(PairOutcome.UNKNOWN);
            assertThat(connectivity.getAfter()).as("an audit plans nothing").isNull();
        }
    }

    @Test
    void aDryRunShowsWhichPairsThePlanFixesAndWritesNothing() throws Exception {
        try (LabRun lab = fleet()) {
            RunResult run = lab.run(lab.options(Mode.REMEDIATE, dir).dryRun(true).build());
            Connectivity connectivity = run.connectivity();

            assertThat(pair(connectivity.getBefore(), "SMS-ADMIN").getOutcome()).isEqualTo(PairOutcome.FAILS);
            assertThat(pair(connectivity.getAfter(), "SMS-ADMIN").getOutcome()).isEqualTo(PairOutcome.CONNECTS);
            assertThat(pair(connectivity.getAfter(), "SMS-ADMIN").getProtocol()).isEqualTo("ncacn_ip_tcp");
            assertThat(lab.fleet.host("SMS-SITE").registry().data().get(0)).isEqualTo("ncadg_ip_udp");
        }
    }

    @Test
    void aFleetWithoutRolesIsSkippedWithTheReason() throws Exception {
        try (LabRun lab = new LabRun(LabHostSpec.host("A", NT4), LabHostSpec.host("B", W2K))) {
            Connectivity connectivity = lab.run(lab.options(Mode.AUDIT, dir).build()).connectivity();

            assertThat(connectivity.getBefore().getPairs()).isEmpty();
            assertThat(connectivity.getBefore().getSkipped()).contains("role=console");
        }
    }

    @Test
    void aPolicyThatRequiresConnectivityJudgesThePairsNotJustTheLists() throws Exception {
        // "tcp present" is met by the NT 4.0 server's UDP-first list, yet the Windows 2000 console cannot reach it.
        String lenient = "name: tcp-present\nrequired: [ncacn_ip_tcp]\n";
        try (LabRun lab = new LabRun(LabHostSpec.host("SMS-SITE", NT4).role("site-server").windows("4.0"),
                LabHostSpec.host("SMS-ADMIN", W2K).role("console").windows("5.0"))) {
            RunResult reported = lab.run(lab.options(Mode.AUDIT, dir).policy(new PolicyParser().parse(lenient, "p")).build());
            RunResult required = lab.run(lab.options(Mode.AUDIT, dir)
                    .policy(new PolicyParser().parse(lenient + "connectivity: required\n", "p")).build());

            assertThat(reported.exitCode()).as("every list complies; the pair is only reported").isZero();
            assertThat(required.exitCode()).isEqualTo(ExitCodes.NON_COMPLIANT);
            assertThat(required.connectivityShortfalls()).singleElement()
                    .satisfies(pair -> assertThat(pair.getOutcome()).isEqualTo(PairOutcome.FAILS));
        }
    }

    @Test
    void theFleetPresetAcceptsTheArticlesFleetOnceFixed() throws Exception {
        try (LabRun lab = fleetWithoutTheDownConsole()) {
            RunResult fixed = lab.run(lab.options(Mode.REMEDIATE, dir).policy(Presets.get(Presets.KB272937_FLEET)).build());

            assertThat(fixed.connectivity().getAfter().count(PairOutcome.CONNECTS)).isEqualTo(2);
            assertThat(fixed.connectivityShortfalls()).isEmpty();
        }
    }

    private static LabRun fleetWithoutTheDownConsole() throws Exception {
        return new LabRun(LabHostSpec.host("SMS-SITE", NT4).role("site-server").windows("4.0"),
                LabHostSpec.host("SMS-ADMIN", W2K).role("console").windows("5.0"),
                LabHostSpec.host("NT4-ADMIN", NT4).role("console").windows("4.0"));
    }

    @Test
    void aRelatedSettingThatBreaksDcomMakesAHostWithACompliantListNonCompliantAndNothingIsWritten() throws Exception {
        try (LabRun lab = new LabRun(LabHostSpec.host("DCOM-OFF", "ncacn_ip_tcp").role("site-server").windows("5.2")
                .value("SOFTWARE\\Microsoft\\Ole", "EnableDCOM", "REG_SZ", "N")
                .value("SOFTWARE\\Microsoft\\Rpc\\Internet", "Ports", "REG_MULTI_SZ", "5000 - 6000"),
                LabHostSpec.host("FINE", "ncacn_ip_tcp").role("console").windows("5.0"))) {
            RunResult listOnly = lab.run(lab.options(Mode.AUDIT, dir).build());
            RunResult fleet = lab.run(lab.options(Mode.REMEDIATE, dir).policy(Presets.get(Presets.KB272937_FLEET)).build());

            assertThat(lab.result(listOnly, "DCOM-OFF").getStatus()).as("kb272937 checks the list only").isEqualTo(HostStatus.COMPLIANT);
            HostResult off = lab.result(fleet, "DCOM-OFF");
            assertThat(off.getStatus()).isEqualTo(HostStatus.NON_COMPLIANT);
            assertThat(off.getMessage()).contains("EnableDCOM is N").contains("never changes these");
            assertThat(off.getFindings()).extracting(io.jenkins.plugins.dcom.policy.Finding::getRule).contains("enableDcom", "rpcPorts");
            assertThat(lab.result(fleet, "FINE").getStatus()).isEqualTo(HostStatus.COMPLIANT);
            assertThat(lab.fleet.host("DCOM-OFF").registry().data()).containsExactly("ncacn_ip_tcp");
            PairPrediction refused = pair(fleet.connectivity().getBefore(), "FINE");
            assertThat(refused.getOutcome()).as("a server with DCOM off fails its pairs, whatever its list").isEqualTo(PairOutcome.FAILS);
            assertThat(refused.getReason()).contains("EnableDCOM is N");
        }
        try (LabRun lab = new LabRun(LabHostSpec.host("UDP-FIRST-DCOM-OFF", NT4).role("site-server").windows("4.0")
                .value("SOFTWARE\\Microsoft\\Ole", "EnableDCOM", "REG_SZ", "N"))) {
            HostResult fixedButOff = lab.result(lab.run(lab.options(Mode.REMEDIATE, dir)
                    .policy(Presets.get(Presets.KB272937_FLEET)).build()), "UDP-FIRST-DCOM-OFF");

            assertThat(lab.fleet.host("UDP-FIRST-DCOM-OFF").registry().data().get(0)).as("the list is fixed").isEqualTo("ncacn_ip_tcp");
            assertThat(fixedButOff.getStatus()).as("a written list does not make EnableDCOM=N right")
                    .isEqualTo(HostStatus.RESTART_PENDING);
            assertThat(fixedButOff.getMessage()).contains("also: EnableDCOM is N");
        }
    }

    @Test
    void aRestartAlreadyPendingOnTheHostIsAWarningNotAFailure() throws Exception {
        try (LabRun lab = new LabRun(LabHostSpec.host("UPDATED", "ncacn_ip_tcp").role("site-server").windows("6.3")
                .value("SYSTEM\\CurrentControlSet\\Control\\Session Manager", "PendingFileRenameOperations", "REG_MULTI_SZ",
                        "\\??\\C:\\Windows\\Temp\\update.dll\\0")
                .key("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending"))) {
            HostResult updated = lab.result(lab.run(lab.options(Mode.AUDIT, dir).policy(Presets.get(Presets.KB272937_FLEET))
                    .build()), "UPDATED");

            assertThat(updated.getStatus()).isEqualTo(HostStatus.COMPLIANT);
            assertThat(updated.getFindings()).filteredOn(finding -> "rebootPending".equals(finding.getRule()))
                    .extracting(io.jenkins.plugins.dcom.policy.Finding::getMessage)
                    .anySatisfy(message -> assertThat(message).contains("PendingFileRenameOperations"))
                    .anySatisfy(message -> assertThat(message).contains("Component Based Servicing\\RebootPending"))
                    .noneSatisfy(message -> assertThat(message).contains("Auto Update"));
        }
    }
}
