package io.jenkins.plugins.dcom.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.lab.LabFault;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Windows localizes what reg.exe and shutdown.exe print; every status must come from what is not localized (exit
 * codes, Win32 error codes, language-neutral probes), so a German fleet ends exactly as an English one.
 */
class LocalizedWindowsTest {
    private static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"};

    @TempDir
    Path dir;

    private static LabHostSpec[] fleet(boolean german) {
        List<LabHostSpec> hosts = new ArrayList<>(Arrays.asList(LabHostSpec.host("NT4", NT4).downtime(300),
                LabHostSpec.host("MISSING").fault(LabFault.VALUE_MISSING),
                LabHostSpec.host("REGSZ", "ncacn_ip_tcp").fault(LabFault.REG_SZ),
                LabHostSpec.host("READONLY", NT4).fault(LabFault.DENY_WRITE),
                LabHostSpec.host("SCHEDULED", NT4).fault(LabFault.RESTART_ALREADY_SCHEDULED)));
        for (int i = 0; german && i < hosts.size(); i++) {
            hosts.set(i, hosts.get(i).fault(LabFault.GERMAN_WINDOWS));
        }
        return hosts.toArray(new LabHostSpec[0]);
    }

    @ParameterizedTest(name = "German Windows: {0}")
    @ValueSource(booleans = {false, true})
    void everyStatusComesFromCodesNotFromTheLanguageWindowsSpeaks(boolean german) throws Exception {
        try (LabRun lab = new LabRun(fleet(german))) {
            RestartPolicy restart = RestartPolicy.after(new RestartRequest(0, "KB272937 fix"), 10, 20, 50);

            RunResult run = lab.run(lab.options(Mode.REMEDIATE, dir).restart(restart).build());

            assertThat(run.getHosts()).extracting(HostResult::getStatus).containsExactly(HostStatus.REMEDIATED,
                    HostStatus.ERROR, HostStatus.ERROR, HostStatus.ACCESS_DENIED, HostStatus.RESTART_PENDING);
            assertThat(run.getHosts()).extracting(HostResult::getFailure).containsExactly(null, FailureKind.VALUE_MISSING,
                    FailureKind.WRONG_TYPE, FailureKind.ACCESS_DENIED, FailureKind.RESTART_ALREADY_SCHEDULED);
            assertThat(lab.result(run, "READONLY").getMessage()).contains(german ? "Zugriff verweigert" : "Access is denied");
            assertThat(lab.fleet.host("READONLY").registry().data()).containsExactly(NT4);
        }
    }
}
