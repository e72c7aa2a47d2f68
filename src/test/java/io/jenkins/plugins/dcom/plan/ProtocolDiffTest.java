package io.jenkins.plugins.dcom.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProtocolDiffTest {
    @Test
    void shouldShowMovesAdditionsAndRemovalsByPosition() {
        ProtocolDiff diff = ProtocolDiff.between(Arrays.asList("ncadg_ip_udp", "ncacn_ip_tcp", "ncalrpc"),
                Arrays.asList("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_http"));

        assertThat(diff.lines()).containsExactly("ncacn_ip_tcp: 2 -> 1", "ncadg_ip_udp: 1 -> 2",
                "ncacn_http: added -> 3", "ncalrpc: 3 -> removed");
    }

    @Test
    void shouldBeEmptyForEqualLists() {
        assertThat(ProtocolDiff.between(Arrays.asList("a_b"), Arrays.asList("a_b")).toString()).isEqualTo("no change");
    }
}
