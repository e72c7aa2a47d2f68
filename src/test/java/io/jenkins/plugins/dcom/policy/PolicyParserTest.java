package io.jenkins.plugins.dcom.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyParserTest {
    private final PolicyParser parser = new PolicyParser();

    private Policy parse(String yaml) throws PolicyException {
        return parser.parse(yaml, "policy.yaml");
    }

    private void assertRejected(String yaml, String... fragments) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(PolicyException.class).hasMessageContainingAll(fragments);
    }

    @Test
    void shouldReadEveryRule() throws Exception {
        Policy policy = parse("name: site-servers\nfirst: ncacn_ip_tcp\nrequired: [ncacn_ip_tcp, ncacn_http]\n"
                + "forbidden: [ncadg_ip_udp]\nunknownNames: warning\nobsoleteNames: error\n");

        assertThat(policy.getName()).isEqualTo("site-servers");
        assertThat(policy.getFirst()).isEqualTo("ncacn_ip_tcp");
        assertThat(policy.getRequired()).containsExactly("ncacn_ip_tcp", "ncacn_http");
        assertThat(policy.getForbidden()).containsExactly("ncadg_ip_udp");
        assertThat(policy.getUnknownNames()).isEqualTo(Severity.WARNING);
        assertThat(policy.getObsoleteNames()).isEqualTo(Severity.ERROR);
    }

    @Test
    void shouldReadTheConnectivityRequirementAndRefuseAnyOtherWord() throws Exception {
        assertThat(parse("first: ncacn_ip_tcp\nconnectivity: required\n").isConnectivityRequired()).isTrue();
        assertThat(parse("first: ncacn_ip_tcp\nconnectivity: reported\n").isConnectivityRequired()).isFalse();
        assertThat(parse("first: ncacn_ip_tcp\n").isConnectivityRequired()).as("reported by default").isFalse();
        assertRejected("first: ncacn_ip_tcp\nconnectivity: yes\n", "policy.yaml line 2", "'connectivity' is 'yes'", "use required");
    }

    @Test
    void shouldNameTheLineAndSuggestTheKeyForAMisspeltKey() {
        assertRejected("first: ncacn_ip_tcp\nforbiden: [ncadg_ip_udp]\n", "policy.yaml line 2", "forbiden", "did you mean 'forbidden'");
    }

    @Test
    void shouldRejectAProtocolTypoWithASuggestion() {
        assertRejected("name: x\nfirst: ncacn_ip_tpc\n", "line 2", "ncacn_ip_tpc", "did you mean ncacn_ip_tcp");
    }

    @Test
    void shouldRejectNcalrpcBecauseItIsLocalOnly() {
        assertRejected("required: [ncalrpc]\n", "line 1", "local-only");
    }

    @Test
    void shouldRejectAScalarWhereAListBelongs() {
        assertRejected("required: ncacn_ip_tcp\n", "line 1", "takes a list", "required: [ncacn_ip_tcp]");
    }

    @Test
    void shouldRejectAnUnknownSeverity() {
        assertRejected("first: ncacn_ip_tcp\nunknownNames: fatal\n", "line 2", "use error or warning");
    }

    @Test
    void shouldRejectAProtocolThatIsBothRequiredAndForbidden() {
        assertRejected("required: [ncacn_ip_tcp]\nforbidden: [ncacn_ip_tcp]\n", "forbidden and also required");
    }

    @Test
    void shouldRejectAFirstThatContradictsTheOrder() {
        assertRejected("first: ncacn_http\norder: [ncacn_ip_tcp, ncacn_http]\n", "'first' is ncacn_http", "starts with ncacn_ip_tcp");
    }

    @Test
    void shouldRejectAnEmptyOrderBecauseItDisablesDcom() {
        assertRejected("order: []\n", "'order' is empty");
    }

    @Test
    void shouldRejectAPolicyWithoutRules() {
        assertRejected("name: nothing\n", "states no rule");
        assertRejected("   \n", "the policy is empty");
    }

    @Test
    void shouldReportBrokenYamlWithItsLine() {
        assertRejected("first: ncacn_ip_tcp\nrequired: [ncacn_ip_tcp\n", "not valid YAML");
    }

    @Test
    void shouldRejectADuplicateKey() {
        assertRejected("first: ncacn_ip_tcp\nfirst: ncacn_http\n", "line 2", "given twice");
    }

    @Test
    void shouldLoadPresetsByNameAndFilesByPath(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("p.yaml"), "first: ncacn_http\n".getBytes());

        assertThat(parser.load("kb272937", dir).getFirst()).isEqualTo("ncacn_ip_tcp");
        assertThat(parser.load("tcp-only", dir).getOrder()).containsExactly("ncacn_ip_tcp");
        assertThat(parser.load("p.yaml", dir).getFirst()).isEqualTo("ncacn_http");
        assertThatThrownBy(() -> parser.load("kb27293", dir)).hasMessageContaining("neither a preset nor a policy file")
                .hasMessageContaining("kb272937");
    }
}
