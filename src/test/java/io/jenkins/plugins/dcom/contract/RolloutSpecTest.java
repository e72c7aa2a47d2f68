package io.jenkins.plugins.dcom.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The build step's rollout field becomes exactly the command line's rollout options, and nothing else. */
class RolloutSpecTest {
    @Test
    void everyWordBecomesItsOption() {
        assertThat(RolloutSpec.toArguments("canary=1 waves=25% maxFailures=2 autoRevert siteServers=LAST"))
                .containsExactly("--canary", "1", "--wave-size", "25%", "--max-failures", "2", "--auto-revert", "--site-servers", "last");
        assertThat(RolloutSpec.toArguments("  ")).isEmpty();
    }

    @Test
    void anythingElseIsRefusedNamingTheWordSoNoOtherOptionCanBeSmuggledIn() {
        assertThatThrownBy(() -> RolloutSpec.toArguments("waves=2 --password-env=X")).hasMessageContaining("'--password-env=X'");
        assertThatThrownBy(() -> RolloutSpec.toArguments("waves=0")).hasMessageContaining("wave size 0");
        assertThatThrownBy(() -> RolloutSpec.toArguments("canary=1 canary=2")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> RolloutSpec.toArguments("autoRevert=yes")).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> RolloutSpec.toArguments("siteServers=middle")).hasMessageContaining("first or last");
    }
}
