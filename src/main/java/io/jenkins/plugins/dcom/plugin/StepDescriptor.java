package io.jenkins.plugins.dcom.plugin;

import hudson.model.AbstractProject;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.dcom.contract.Defaults;
import io.jenkins.plugins.dcom.contract.RestartRules;
import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import java.beans.Introspector;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest;

/**
 * What both steps' descriptors share: the form's choices and defaults ({@link #getDefaults()}), its checks (the
 * engine's own, {@link FormChecks}), and binding a submitted form to every option's setter.
 *
 * <p>Stapler reads this class with an old ASM: no lambdas or method references here.
 */
public abstract class StepDescriptor extends BuildStepDescriptor<Builder> {
    @SuppressWarnings("rawtypes")
    @Override
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
        return true;
    }

    /**
     * The step from a submitted form: its constructor, then the setter of every option the form holds. Jenkins'
     * Stapler calls {@code @DataBoundSetter}s itself (so this only repeats them there); Hudson's calls none.
     *
     * @throws FormException naming the field when a value is not one the option takes
     */
    @Override
    public Builder newInstance(StaplerRequest req, JSONObject formData) throws FormException {
        Builder step = super.newInstance(req, formData);
        for (Method setter : step.getClass().getMethods()) {
            String name = optionOf(setter);
            if (name != null && formData.has(name)) {
                set(step, setter, name, formData);
            }
        }
        return step;
    }

    /** @return the option a public setter of a step sets, or {@code null} for any other method */
    private static String optionOf(Method method) {
        boolean setter = method.getName().startsWith("set") && method.getName().length() > 3
                && method.getParameterTypes().length == 1;
        return setter && StepOptions.class.isAssignableFrom(method.getDeclaringClass())
                ? Introspector.decapitalize(method.getName().substring(3)) : null;
    }

    private static void set(Builder step, Method setter, String name, JSONObject formData) throws FormException {
        Class<?> type = setter.getParameterTypes()[0];
        String text = formData.getString(name);
        Object value;
        if (type == int.class) {
            value = wholeNumber(name, text);
        } else if (type == boolean.class) {
            value = formData.optBoolean(name);
        } else if (type == Secret.class) {
            value = Secret.fromString(text);
        } else {
            value = text;
        }
        try {
            setter.invoke(step, value);
        } catch (InvocationTargetException e) {
            throw new FormException(name + ": " + e.getCause().getMessage(), e.getCause(), name);
        } catch (IllegalAccessException e) {
            throw new FormException(name + ": " + e.getMessage(), e, name);
        }
    }

    private static int wholeNumber(String name, String text) throws FormException {
        if (text.trim().isEmpty()) {
            return 0; // the setter's default
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new FormException(name + ": '" + text + "' is not a whole number", name);
        }
    }

    /** @return a step as a new one starts: the form shows its values when it has no step of its own */
    public Builder getDefaults() {
        try {
            return clazz.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(clazz + " has no public no-argument constructor", e);
        }
    }

    public List<StepMode> getModes() {
        return Arrays.asList(StepMode.values());
    }

    /** @return WinRM's authentication labels, the default first */
    public List<String> getAuthentications() {
        return WinRmAuthentication.labels();
    }

    public FormValidation doCheckServers(@QueryParameter("value") String value,
            @QueryParameter("inventoryFile") String inventoryFile) {
        return FormChecks.servers(value, inventoryFile);
    }

    public FormValidation doCheckPolicy(@QueryParameter("value") String value) {
        return FormChecks.policy(value);
    }

    public FormValidation doCheckPolicyYaml(@QueryParameter("value") String value) {
        return FormChecks.policyYaml(value);
    }

    public FormValidation doCheckUser(@QueryParameter("value") String value, @QueryParameter("transport") String transport) {
        return FormChecks.user(value, transport);
    }

    public FormValidation doCheckRestartComment(@QueryParameter("value") String value) {
        return FormChecks.restartComment(value);
    }

    public FormValidation doCheckConcurrency(@QueryParameter("value") String value) {
        return FormChecks.range(value, 1, Defaults.MAX_CONCURRENCY, "Concurrency");
    }

    public FormValidation doCheckRollout(@QueryParameter("value") String value, @QueryParameter("mode") String mode) {
        return FormChecks.rollout(value, mode);
    }

    public FormValidation doCheckShard(@QueryParameter("value") String value) {
        return FormChecks.shard(value);
    }

    public FormValidation doCheckRestartDelay(@QueryParameter("value") String value) {
        return FormChecks.range(value, 0, RestartRules.MAX_DELAY_SECONDS, "Restart delay");
    }
}
