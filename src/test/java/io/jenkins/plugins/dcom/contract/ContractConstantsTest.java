package io.jenkins.plugins.dcom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Constants that option declarations need as compile-time values stay equal to what they stand for. */
class ContractConstantsTest {
    @Test
    void theDefaultAuthenticationLabelIsTheDefaultModesLabel() {
        assertThat(WinRmAuthentication.DEFAULT_LABEL).isEqualTo(WinRmAuthentication.DEFAULT.label());
    }

    @Test
    void restartRulesRefuseWhatShutdownRefusesAndNameTheRange() {
        assertThat(RestartRules.delayProblem(0)).isNull();
        assertThat(RestartRules.delayProblem(RestartRules.MAX_DELAY_SECONDS + 1)).contains("0-" + RestartRules.MAX_DELAY_SECONDS);
        assertThat(RestartRules.commentProblem("planned & shutdown /s")).contains("only");
        assertThat(RestartRules.commentProblem("DCOM order KB272937")).isNull();
    }
}
