package io.jenkins.plugins.dcom.plugin;

import static io.jenkins.plugins.dcom.plugin.StepOptionSamples.SAMPLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.EnvVars;
import io.jenkins.plugins.dcom.contract.Defaults;
import io.jenkins.plugins.dcom.cli.CommandLineWords;
import io.jenkins.plugins.dcom.contract.TransportNames;
import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each step option is declared once ({@link StepOptions}) and both steps and the command line agree about it: an option
 * added in one place only, or without its form field, help page or sample, fails here.
 */
class StepOptionsTest {
    private static final String FORM = "/io/jenkins/plugins/dcom/plugin/StepOptions/";

    @Test
    void everyOptionIsDeclaredOnceAndEachStepAddsOnlyHowItGetsThePassword() throws Exception {
        assertThat(StepOptionSamples.optionsDeclaredBy(StepOptions.class)).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
        assertThat(StepOptionSamples.optionsDeclaredBy(DcomComplianceBuilder.class)).containsExactly("password");
        assertThat(StepOptionSamples.optionsDeclaredBy(DcomCompliancePipelineStep.class))
                .containsExactlyInAnyOrder("credentialsId", "passwordVariable");
    }

    @Test
    void everyOptionHasAFieldInTheOneFormAndAHelpPage() throws Exception {
        String form = resource(FORM + "config.jelly");
        for (String option : SAMPLES.keySet()) {
            assertThat(form).as(option).contains("field=\"" + option + "\"");
            assertThat(getClass().getResource(FORM + "help-" + option + ".html")).as("help page of " + option).isNotNull();
        }
    }

    @Test
    void noFormTextHasParenthesesWhichStaplerWouldReadAsMessageArguments() throws Exception {
        // Stapler's InternationalizedStringExpression reads ${%Text(a,b)} as the message "Text" with arguments a and b,
        // each a JEXL expression: "(Kerberos, instead of a password)" fails to parse and breaks the whole page.
        for (String page : new String[] {FORM + "config.jelly", "/io/jenkins/plugins/dcom/plugin/DcomComplianceBuilder/credentials.jelly",
            "/io/jenkins/plugins/dcom/plugin/DcomCompliancePipelineStep/credentials.jelly"}) {
            assertThat(resource(page)).as(page).doesNotContainPattern("\\$\\{%[^}]*\\(");
        }
    }

    @Test
    void aValueGivenToEitherStepBecomesItsCommandLineWords() throws Exception {
        for (Map.Entry<String, Object[]> sample : SAMPLES.entrySet()) {
            for (StepOptions step : Arrays.<StepOptions>asList(new DcomComplianceBuilder(), new DcomCompliancePipelineStep())) {
                step.setMode(StepMode.REMEDIATE_AND_RESTART.name()); // the mode in which every option has words
                step.setHttps(sample.getKey().equals("truststore")); // a truststore is for HTTPS
                StepOptionSamples.set(step, sample.getKey(), sample.getValue()[0]);

                assertThat(StepOptionSamples.get(step, sample.getKey())).as(sample.getKey()).isEqualTo(sample.getValue()[0]);
                if (sample.getValue()[1] != null) {
                    assertThat(String.join(" ", step.arguments(new EnvVars()))).as(sample.getKey()).contains((String) sample.getValue()[1]);
                }
            }
        }
    }

    @Test
    void bothStepsGiveTheSameCommandLineForTheSameOptions() throws Exception {
        StepOptions freestyle = StepOptionSamples.withEverySample(new DcomComplianceBuilder());
        StepOptions pipeline = StepOptionSamples.withEverySample(new DcomCompliancePipelineStep());

        assertThat(pipeline.arguments(new EnvVars())).isEqualTo(freestyle.arguments(new EnvVars()));
    }

    @Test
    void theCommandLineParsesEveryWordTheStepsWriteInEveryMode() throws Exception {
        for (StepMode mode : StepMode.values()) {
            StepOptions step = StepOptionSamples.withEverySample(new DcomCompliancePipelineStep());
            step.setMode(mode.name());
            List<String> words = CliArguments.of(step.arguments(new EnvVars()), "inventory.txt", "tcp-only", CliArguments.REPORT_DIR);

            List<String> parsed = CommandLineWords.parse(words);

            assertThat(parsed).as(mode.name()).contains("--inventory", "--policy", "--report-dir", "--user");
            assertThat(parsed.contains("--restart")).as(mode.name()).isEqualTo(mode == StepMode.REMEDIATE_AND_RESTART);
        }
    }

    @Test
    void aStepGivenNothingAuditsWithTheCommandLinesDefaults() {
        assertThat(new DcomCompliancePipelineStep().arguments(new EnvVars())).containsExactly("audit",
                "--transport", TransportNames.DEFAULT, "--user", "", "--concurrency", String.valueOf(Defaults.CONCURRENCY),
                "--auth", WinRmAuthentication.DEFAULT_LABEL, "--password-env", CliArguments.PASSWORD_VARIABLE);
        assertThat(new DcomComplianceBuilder().getRestartComment()).isEqualTo(Defaults.RESTART_COMMENT);
    }

    @Test
    void blankOrOutOfRangeValuesFallBackToTheDefaultsAndUnknownNamesAreRefused() {
        DcomCompliancePipelineStep step = new DcomCompliancePipelineStep();
        step.setConcurrency(0);
        step.setRestartDelay(-1);
        step.setRestartComment("  ");
        step.setAuth("");
        step.setMode("DELETE_EVERYTHING");

        assertThat(step.getConcurrency()).isEqualTo(Defaults.CONCURRENCY);
        assertThat(step.getRestartDelay()).isEqualTo(Defaults.RESTART_DELAY_SECONDS);
        assertThat(step.getRestartComment()).isEqualTo(Defaults.RESTART_COMMENT);
        assertThat(step.getAuth()).isEqualTo(WinRmAuthentication.DEFAULT_LABEL);
        assertThat(step.getMode()).as("an unknown mode audits, the safe side").isEqualTo("AUDIT");
        assertThatThrownBy(() -> step.setAuth("ntlm")).hasMessageContaining("'ntlm' is unknown");
    }

    @Test
    void buildParametersExpandInTheTextOptionsWhenTheBuildRuns() {
        DcomComplianceBuilder step = new DcomComplianceBuilder();
        step.setUser("${DOMAIN}\\svc-dcom");
        step.setShard("${SHARD}/4");
        EnvVars build = new EnvVars();
        build.put("DOMAIN", "CORP");
        build.put("SHARD", "2");

        assertThat(String.join(" ", step.arguments(build))).contains("--user CORP\\svc-dcom").contains("--shard 2/4");
        assertThat(step.getShard()).as("the step keeps what was typed").isEqualTo("${SHARD}/4");
    }

    @Test
    void aRolloutThatIsNotOneFailsWhenTheBuildRunsNamingTheWord() {
        DcomCompliancePipelineStep step = new DcomCompliancePipelineStep();
        step.setMode("REMEDIATE");
        step.setRollout("canary=1 wavez=2");

        assertThatThrownBy(() -> step.arguments(new EnvVars(Collections.<String, String>emptyMap())))
                .hasMessageContaining("'wavez=2' is not part of a rollout");
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = StepOptionsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
