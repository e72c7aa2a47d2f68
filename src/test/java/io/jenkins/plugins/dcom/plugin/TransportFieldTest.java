package io.jenkins.plugins.dcom.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The step's transport field reads the one list of transport names: an unknown name is an error, not WinRM. */
class TransportFieldTest {
    @Test
    void aPipelineThatNamesAnUnknownTransportIsToldTheNamesInsteadOfRunningWinRm() {
        DcomCompliancePipelineStep step = new DcomCompliancePipelineStep();

        assertThatThrownBy(() -> step.setTransport("smb3"))
                .hasMessage("transport 'smb3' is unknown; use one of [winrm, rrp]");
        step.setTransport("rrp");
        assertThat(step.getTransport()).isEqualTo("rrp");
        step.setTransport("");
        assertThat(step.getTransport()).as("blank is the default").isEqualTo("winrm");
    }
}
