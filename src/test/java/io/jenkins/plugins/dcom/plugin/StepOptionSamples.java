package io.jenkins.plugins.dcom.plugin;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One value for every step option that is not its default, and the command-line words it becomes: the table the
 * agreement tests hold {@link StepOptions} to. An option added to {@link StepOptions} without a row here fails them.
 */
final class StepOptionSamples {
    /** Option name -> {a value that is not the default, the words it adds to the command line or null}. */
    static final Map<String, Object[]> SAMPLES;

    static {
        Map<String, Object[]> samples = new LinkedHashMap<>();
        samples.put("servers", new Object[] {"server01:5986 role=site-server\nserver02", null}); // the inventory file
        samples.put("inventoryFile", new Object[] {"fleet.txt", null});                        // read as the inventory
        samples.put("policy", new Object[] {"tcp-only", null});                                 // --policy's value
        samples.put("policyYaml", new Object[] {"first: ncacn_ip_tcp\n", null});                // the policy file
        samples.put("mode", new Object[] {"REMEDIATE_AND_RESTART", "remediate --transport"});
        samples.put("transport", new Object[] {"rrp", "--transport rrp"});
        samples.put("user", new Object[] {"CORP\\svc-dcom", "--user CORP\\svc-dcom"});
        samples.put("truststore", new Object[] {"certs/truststore.p12", "--truststore certs/truststore.p12"});
        samples.put("allowHttp", new Object[] {true, "--allow-http"});
        samples.put("auth", new Object[] {"kerberos", "--auth kerberos"});
        samples.put("https", new Object[] {true, "--https"});
        samples.put("concurrency", new Object[] {16, "--concurrency 16"});
        samples.put("restartDelay", new Object[] {120, "--restart-delay 120"});
        samples.put("restartComment", new Object[] {"Quarterly DCOM fix", "--restart-comment Quarterly DCOM fix"});
        samples.put("nonCompliantResult", new Object[] {"FAILURE", null});                      // read by ResultMapping
        samples.put("unreachableResult", new Object[] {"UNSTABLE", null});                      // read by ResultMapping
        samples.put("shard", new Object[] {"3/4", "--shard 3/4"});
        samples.put("rollout", new Object[] {"canary=1 waves=25% autoRevert siteServers=last",
                "--canary 1 --wave-size 25% --auto-revert --site-servers last"});
        samples.put("keytab", new Object[] {"/etc/dcom/svc-dcom.keytab", "--keytab /etc/dcom/svc-dcom.keytab"});
        SAMPLES = Collections.unmodifiableMap(samples);
    }

    private StepOptionSamples() {
    }

    /** @return the read-and-write properties {@code type} itself declares */
    static Set<String> optionsDeclaredBy(Class<?> type) throws Exception {
        Set<String> names = new TreeSet<>();
        for (PropertyDescriptor property : Introspector.getBeanInfo(type, type.getSuperclass()).getPropertyDescriptors()) {
            if (property.getReadMethod() != null && property.getWriteMethod() != null) {
                names.add(property.getName());
            }
        }
        return names;
    }

    /** Gives {@code step} every sample value, through its setters, as Pipeline and the form do. */
    static <T extends StepOptions> T withEverySample(T step) throws Exception {
        for (Map.Entry<String, Object[]> sample : SAMPLES.entrySet()) {
            set(step, sample.getKey(), sample.getValue()[0]);
        }
        return step;
    }

    static void set(StepOptions step, String name, Object value) throws Exception {
        for (PropertyDescriptor property : Introspector.getBeanInfo(step.getClass()).getPropertyDescriptors()) {
            Method setter = property.getWriteMethod();
            if (property.getName().equals(name) && setter != null) {
                setter.invoke(step, value);
                return;
            }
        }
        throw new AssertionError(step.getClass().getSimpleName() + " has no setter for " + name);
    }

    static Object get(StepOptions step, String name) throws Exception {
        for (PropertyDescriptor property : Introspector.getBeanInfo(step.getClass()).getPropertyDescriptors()) {
            if (property.getName().equals(name) && property.getReadMethod() != null) {
                return property.getReadMethod().invoke(step);
            }
        }
        throw new AssertionError(step.getClass().getSimpleName() + " has no getter for " + name);
    }
}
