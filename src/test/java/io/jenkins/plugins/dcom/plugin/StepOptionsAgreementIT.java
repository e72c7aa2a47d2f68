package io.jenkins.plugins.dcom.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jvnet.hudson.test.HudsonTestCase;

/**
 * The freestyle builder, the Pipeline step and the command line agree about every option: each option of one is an
 * option of the other, with the same name, and a value given to the Pipeline step reaches the settings a build runs
 * with and, where it is a command-line option, the command line. An option added to one place only fails here. In
 * Hudson's harness: the builder keeps its password as a {@code Secret}, which needs a running server.
 */
public class StepOptionsAgreementIT extends HudsonTestCase {
    /** Where each option goes when the build runs: a sample value, the settings' value, and the command line's words. */
    private static final Map<String, Object[]> OPTIONS = new LinkedHashMap<>();

    static {
        // name -> {value given to the Pipeline step, value the build's settings hold, words it adds to the command line}
        option("servers", "server01 role=console", "server01 role=console", null); // written to the inventory file
        option("inventoryFile", "fleet.txt", "fleet.txt", null);                    // read into the inventory file
        option("policy", "tcp-only", "tcp-only", null);                             // passed as --policy's value
        option("policyYaml", "name: p", "name: p", null);                           // written to the policy file
        option("mode", "REMEDIATE", StepMode.REMEDIATE, "remediate --inventory");
        option("transport", "rrp", "rrp", "--transport rrp");
        option("user", "CORP\\dcom", "CORP\\dcom", "--user CORP\\dcom");
        option("truststore", "ca.p12", "ca.p12", "--truststore ca.p12");
        option("allowHttp", true, true, "--allow-http");
        option("auth", "kerberos", "kerberos", "--auth kerberos");
        option("https", true, true, "--https");
        option("concurrency", 32, 32, "--concurrency 32");
        option("restartDelay", 5, 5, "--restart-delay 5");
        option("restartComment", "planned DCOM change", "planned DCOM change", "--restart-comment planned DCOM change");
        option("nonCompliantResult", "FAILURE", "FAILURE", null);                    // read by ResultMapping
        option("unreachableResult", "UNSTABLE", "UNSTABLE", null);                   // read by ResultMapping
        option("shard", "2/4", "2/4", "--shard 2/4");
        option("rollout", "canary=1", "canary=1", "--canary 1");
    }

    private static void option(String name, Object given, Object settled, String words) {
        OPTIONS.put(name, new Object[] {given, settled, words});
    }

    private static Set<String> properties(Class<?> type, String... leaveOut) throws Exception {
        Set<String> names = new TreeSet<>();
        for (PropertyDescriptor property : Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors()) {
            if (property.getReadMethod() != null && property.getReadMethod().getDeclaringClass() == type) {
                names.add(property.getName());
            }
        }
        names.removeAll(Arrays.asList(leaveOut));
        return names;
    }

    public void testBothStepsAndTheBuildSettingsHaveTheSameOptions() throws Exception {
        Set<String> settings = new TreeSet<>();
        for (Field field : StepSettings.class.getDeclaredFields()) {
            settings.add(field.getName());
        }

        assertThat(properties(DcomComplianceBuilder.class, "password")).isEqualTo(OPTIONS.keySet().stream()
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        assertThat(properties(DcomCompliancePipelineStep.class, "passwordVariable")).isEqualTo(properties(DcomComplianceBuilder.class,
                "password"));
        assertThat(settings).isEqualTo(properties(DcomComplianceBuilder.class, "password"));
    }

    public void testAValueGivenToThePipelineStepReachesTheBuildsSettingsAndTheCommandLine() throws Exception {
        for (Map.Entry<String, Object[]> option : OPTIONS.entrySet()) {
            String name = option.getKey();
            DcomCompliancePipelineStep step = new DcomCompliancePipelineStep(name.equals("user") ? (String) option.getValue()[0] : "u");
            step.setMode("REMEDIATE_AND_RESTART"); // the mode in which every command-line option applies
            step.setHttps(name.equals("truststore")); // a truststore applies to HTTPS
            if (!name.equals("user")) {
                set(step, name, option.getValue()[0]);
            }
            StepSettings settings = step.asBuilder().expand(new EnvVars());

            assertThat(StepSettings.class.getDeclaredField(name).get(settings)).as(name).isEqualTo(option.getValue()[1]);
            String words = (String) option.getValue()[2];
            if (words != null) {
                List<String> command = CliArguments.of(settings, "inventory.txt", settings.policy, CliArguments.REPORT_DIR);
                assertThat(String.join(" ", command)).as(name).contains(words);
            }
        }
    }

    private static void set(DcomCompliancePipelineStep step, String name, Object value) throws Exception {
        String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : DcomCompliancePipelineStep.class.getMethods()) {
            if (method.getName().equals(setter)) {
                method.invoke(step, value);
                return;
            }
        }
        throw new AssertionError("the Pipeline step has no setter for " + name);
    }
}
