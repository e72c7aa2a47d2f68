package io.jenkins.plugins.dcom.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each related check with its source (dcom-facts.md); all read-only. */
class RelatedSettingTest {
    @Test
    void kb825750EnableDcomNBlocksRemoteDcomAndSaysHowToTurnItOn() {
        assertThat(RelatedSetting.ENABLE_DCOM.check("N")).contains("KB825750").contains("set HKLM\\SOFTWARE\\Microsoft\\Ole\\EnableDCOM to Y");
        assertThat(RelatedSetting.ENABLE_DCOM.check("y")).isNull();
        assertThat(RelatedSetting.ENABLE_DCOM.check("maybe")).contains("not Y or N");
        assertThat(RelatedSetting.ENABLE_DCOM.check(null)).as("absent: Windows' default Y").isNull();
    }

    @Test
    void kb154596OneMalformedPortRangeBreaksAllRpc() {
        assertThat(RelatedSetting.RPC_PORTS.check(Arrays.asList("5000-6000", "135"))).isNull();
        assertThat(RelatedSetting.RPC_PORTS.check(Arrays.asList("135", "5000 - 6000")))
                .contains("entry 2").contains("KB154596, KB201911, KB252589").contains("5000-6000");
        assertThat(RelatedSetting.RPC_PORTS.check(Collections.singletonList("6000-5000"))).contains("entry 1");
        assertThat(RelatedSetting.RPC_PORTS.check(Collections.singletonList("70000"))).contains("entry 1");
        assertThat(RelatedSetting.RPC_PORTS.check("5000-6000")).as("a REG_SZ").contains("not a REG_MULTI_SZ");
    }

    @Test
    void kb154596ThePortFlagsAreYOrN() {
        assertThat(RelatedSetting.PORTS_INTERNET_AVAILABLE.check("Y")).isNull();
        assertThat(RelatedSetting.USE_INTERNET_PORTS.check("n")).isNull();
        assertThat(RelatedSetting.USE_INTERNET_PORTS.check("yes")).contains("UseInternetPorts is not Y or N").contains("KB154596");
    }

    @Test
    void legacyAuthenticationLevelMustBeOneToSix() {
        assertThat(RelatedSetting.LEGACY_AUTHENTICATION_LEVEL.check(2L)).isNull();
        assertThat(RelatedSetting.LEGACY_AUTHENTICATION_LEVEL.check(null)).as("absent: 2, connect").isNull();
        assertThat(RelatedSetting.LEGACY_AUTHENTICATION_LEVEL.check(7L)).contains("1 to 6");
        assertThat(RelatedSetting.LEGACY_AUTHENTICATION_LEVEL.check("2")).as("a REG_SZ").contains("not a DWORD");
    }

    @Test
    void theRpcPortsKeySwitchesTheRangesAndTheirTwoFlagsTogether() throws Exception {
        Policy policy = new PolicyParser().parse("first: ncacn_ip_tcp\nrpcPorts: error\n", "p");

        assertThat(policy.getRelatedChecks()).containsOnlyKeys(RelatedSetting.RPC_PORTS, RelatedSetting.PORTS_INTERNET_AVAILABLE,
                RelatedSetting.USE_INTERNET_PORTS);
    }

    @Test
    void kb5004442HardeningTurnedOffIsReported() {
        assertThat(RelatedSetting.DCOM_HARDENING.check(0L)).contains("KB5004442");
        assertThat(RelatedSetting.DCOM_HARDENING.check(1L)).isNull();
        assertThat(RelatedSetting.DCOM_HARDENING.check(null)).isNull();
    }

    @Test
    void filesWaitingForTheNextStartMeanARestartIsAlreadyPending() {
        assertThat(RelatedSetting.PENDING_FILE_RENAMES.check(Arrays.asList("\\??\\C:\\Windows\\temp\\x.dll", "")))
                .contains("restart is already pending").contains("PendingFileRenameOperations");
        assertThat(RelatedSetting.PENDING_FILE_RENAMES.check(Collections.singletonList(""))).isNull();
        assertThat(RelatedSetting.PENDING_FILE_RENAMES.check(null)).as("absent: nothing waits").isNull();
        assertThat(RelatedSetting.SERVICING_REBOOT_PENDING.check(Boolean.TRUE)).contains("Component Based Servicing\\RebootPending");
        assertThat(RelatedSetting.UPDATE_REBOOT_REQUIRED.check(Boolean.TRUE)).contains("Auto Update\\RebootRequired");
        assertThat(RelatedSetting.UPDATE_REBOOT_REQUIRED.check(null)).isNull();
    }

    @Test
    void aPolicySwitchesEachCheckOnAsErrorOrWarningOrOff() throws Exception {
        Policy policy = new PolicyParser().parse("first: ncacn_ip_tcp\nenableDcom: error\nrpcPorts: warning\ndcomHardening: off\n", "p");
        Map<RelatedSetting, Object> read = new EnumMap<>(RelatedSetting.class);
        read.put(RelatedSetting.ENABLE_DCOM, "N");
        read.put(RelatedSetting.RPC_PORTS, Collections.singletonList("5000 - 6000"));
        read.put(RelatedSetting.DCOM_HARDENING, 0L);

        assertThat(policy.judgeRelated(read).getFindings()).extracting(Finding::getRule, Finding::getSeverity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("enableDcom", Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple("rpcPorts", Severity.WARNING));
        assertThat(Presets.get(Presets.KB272937).getRelatedChecks()).as("the list preset reads nothing more").isEmpty();
        assertThat(Presets.get(Presets.KB272937_FLEET).getRelatedChecks()).hasSize(RelatedSetting.values().length);
    }

    @Test
    void aWrongSwitchIsRefusedWithTheChoices() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PolicyParser().parse("first: ncacn_ip_tcp\nrpcPorts: yes\n", "p"))
                .hasMessageContaining("p line 2").hasMessageContaining("use error, warning or off");
    }
}
