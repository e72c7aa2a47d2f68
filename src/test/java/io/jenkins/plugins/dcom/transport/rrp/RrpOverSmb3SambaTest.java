package io.jenkins.plugins.dcom.transport.rrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transport contract against Windows Server 2019 and later: no SMB1, so smbj and dcerpc, SMB 3.1.1. */
class RrpOverSmb3SambaTest extends RrpSambaContract {
    @Override
    SmbShape shape() {
        return SmbShape.SMB2_ONLY;
    }

    @Override
    String expectedDialect() {
        return "SMB 3.1.1";
    }

    @Test
    void aRestoreLargerThanOneRpcFragmentIsRefusedBeforeAnythingIsSent() throws Exception {
        List<String> before = storedValue(Hosts.NT4);
        RegistryValue large = RegistryValue.multiSz(Collections.nCopies(100, "ncacn_ip_tcp_and_then_some_more_text"));

        try (RegistryTransport session = factory().open(target(Hosts.NT4), settings())) {
            assertThatThrownBy(() -> session.restore(large)).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.getKind()).isEqualTo(FailureKind.INVALID_VALUE))
                    .hasMessageContaining("one RPC fragment").hasMessageContaining("nothing was sent");
        }
        assertThat(storedValue(Hosts.NT4)).isEqualTo(before);
    }
}
