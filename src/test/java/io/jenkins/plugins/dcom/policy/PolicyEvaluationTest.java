package io.jenkins.plugins.dcom.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyEvaluationTest {
    private static List<String> list(String... names) {
        return Arrays.asList(names);
    }

    private static Policy kb272937() throws PolicyException {
        return Presets.get(Presets.KB272937);
    }

    @Test
    void shouldFailNt4OrderUnderKb272937AndSayWhereTcpIs() throws Exception {
        Evaluation evaluation = kb272937().evaluate(list("ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx"));

        assertThat(evaluation.isCompliant()).isFalse();
        assertThat(evaluation.of(Severity.ERROR)).extracting(Finding::getMessage)
                .containsExactly("ncacn_ip_tcp must be first; it is at position 2");
    }

    @Test
    void shouldAcceptWindows2000OrderAndOnlyWarnAboutObsoleteProtocols() throws Exception {
        Evaluation evaluation = kb272937().evaluate(list("ncacn_ip_tcp", "ncacn_spx", "ncacn_nb_nb"));

        assertThat(evaluation.isCompliant()).isTrue();
        assertThat(evaluation.of(Severity.WARNING)).extracting(Finding::getRule).containsOnly("obsoleteNames").hasSize(2);
    }

    @Test
    void shouldFlagATypoBecauseWindowsSilentlyIgnoresIt() throws Exception {
        Evaluation evaluation = kb272937().evaluate(list("ncacn_ip_tcp", "ncacn_ip_tpc"));

        assertThat(evaluation.isCompliant()).isFalse();
        assertThat(evaluation.of(Severity.ERROR)).extracting(Finding::getMessage).singleElement().asString()
                .contains("silently ignores").contains("did you mean ncacn_ip_tcp");
    }

    @Test
    void shouldTreatTheOrderAsExactUnderTcpOnly() throws Exception {
        Policy tcpOnly = Presets.get(Presets.TCP_ONLY);

        assertThat(tcpOnly.evaluate(list("ncacn_ip_tcp")).isCompliant()).isTrue();
        assertThat(tcpOnly.evaluate(list("ncacn_ip_tcp", "ncacn_http")).isCompliant()).isFalse();
    }

    @Test
    void shouldReportMissingRequiredAndPresentForbiddenProtocols() throws Exception {
        Policy policy = new PolicyParser().parse("required: [ncacn_http]\nforbidden: [ncadg_ip_udp]\n", "p");

        assertThat(policy.evaluate(list("ncacn_ip_tcp", "ncadg_ip_udp")).of(Severity.ERROR)).extracting(Finding::getMessage)
                .containsExactly("ncacn_http is required but missing", "ncadg_ip_udp is forbidden but present at position 2");
    }

    @Test
    void shouldFailAnEmptyListBecauseItDisablesDcom() throws Exception {
        assertThat(kb272937().evaluate(Collections.<String>emptyList()).of(Severity.ERROR)).extracting(Finding::getRule)
                .contains("empty");
    }

    @Test
    void shouldWarnAboutDuplicates() throws Exception {
        assertThat(kb272937().evaluate(list("ncacn_ip_tcp", "ncacn_http", "ncacn_http")).of(Severity.WARNING))
                .extracting(Finding::getRule).containsExactly("duplicates");
    }

    @Test
    void shouldCompareNamesExactlyAsWindowsDoes() throws Exception {
        assertThat(kb272937().evaluate(list("NCACN_IP_TCP")).isCompliant()).isFalse();
    }
}
