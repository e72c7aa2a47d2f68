package io.jenkins.plugins.dcom.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.policy.Policy;
import io.jenkins.plugins.dcom.policy.PolicyParser;
import io.jenkins.plugins.dcom.policy.Presets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemediationPlannerTest {
    private static List<String> list(String... names) {
        return Arrays.asList(names);
    }

    private static RemediationPlan plan(Policy policy, String... actual) {
        return new RemediationPlanner(policy).plan(list(actual));
    }

    @Test
    void shouldMoveTcpToTheTopAndKeepEveryOtherProtocolInItsRelativeOrder() throws Exception {
        RemediationPlan plan = plan(Presets.get("kb272937"), "ncadg_ip_udp", "ncacn_spx", "ncacn_ip_tcp", "ncacn_nb_nb");

        assertThat(plan.getAfter()).containsExactly("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_spx", "ncacn_nb_nb");
        assertThat(plan.diff().lines()).containsExactly("ncacn_ip_tcp: 3 -> 1", "ncadg_ip_udp: 1 -> 2", "ncacn_spx: 2 -> 3");
    }

    @Test
    void shouldChangeNothingOnACompliantHost() throws Exception {
        RemediationPlan plan = plan(Presets.get("kb272937"), "ncacn_ip_tcp", "ncacn_spx");

        assertThat(plan.changesSomething()).isFalse();
        assertThat(plan.diff().isEmpty()).isTrue();
    }

    @Test
    void shouldAddTcpWhenItIsMissing() throws Exception {
        assertThat(plan(Presets.get("kb272937"), "ncadg_ip_udp").getAfter()).containsExactly("ncacn_ip_tcp", "ncadg_ip_udp");
    }

    @Test
    void shouldWriteTheExactOrderOfTcpOnly() throws Exception {
        assertThat(plan(Presets.get("tcp-only"), "ncadg_ip_udp", "ncacn_ip_tcp").getAfter()).containsExactly("ncacn_ip_tcp");
    }

    @Test
    void shouldDropUnknownNamesOnlyWhenThePolicyMakesThemErrors() throws Exception {
        Policy strict = new PolicyParser().parse("first: ncacn_ip_tcp\nunknownNames: error\n", "strict");
        Policy lenient = new PolicyParser().parse("first: ncacn_ip_tcp\nunknownNames: warning\n", "lenient");

        assertThat(plan(strict, "ncacn_ip_tpc", "ncacn_ip_tcp").getAfter()).containsExactly("ncacn_ip_tcp");
        assertThat(plan(lenient, "ncacn_ip_tpc", "ncadg_ip_udp", "ncacn_ip_tcp").getAfter())
                .containsExactly("ncacn_ip_tcp", "ncacn_ip_tpc", "ncadg_ip_udp");
    }

    @Test
    void shouldRemoveForbiddenProtocolsAndAppendMissingRequiredOnes() throws Exception {
        Policy policy = new PolicyParser().parse("required: [ncacn_ip_tcp, ncacn_http]\nforbidden: [ncadg_ip_udp]\n", "p");

        assertThat(plan(policy, "ncadg_ip_udp", "ncacn_ip_tcp").getAfter()).containsExactly("ncacn_ip_tcp", "ncacn_http");
    }

    @Test
    void shouldCollapseDuplicatesToTheirFirstOccurrence() throws Exception {
        Policy policy = new PolicyParser().parse("first: ncacn_ip_tcp\nforbidden: [ncacn_np]\n", "p");

        assertThat(plan(policy, "ncacn_http", "ncacn_np", "ncacn_http", "ncacn_ip_tcp").getAfter())
                .containsExactly("ncacn_ip_tcp", "ncacn_http");
    }

    @Test
    void shouldRefuseAPlanThatWouldLeaveAnEmptyList() throws Exception {
        Policy policy = new PolicyParser().parse("forbidden: [ncadg_ip_udp]\n", "p");
        RemediationPlan plan = plan(policy, "ncadg_ip_udp");

        assertThat(plan.changesSomething()).isFalse();
        assertThat(plan.getBlocker()).contains("empty");
    }
}
