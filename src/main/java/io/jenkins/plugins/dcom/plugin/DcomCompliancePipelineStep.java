package io.jenkins.plugins.dcom.plugin;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The build step as a Pipeline step, Jenkins only: {@code dcomCompliance(user: ..., servers: ..., mode: 'AUDIT')}
 * inside {@code node {}}, or {@code step([$class: 'DcomCompliancePipelineStep', ...])}. Its options are the freestyle
 * builder's ({@link StepOptions}), and it runs exactly what the builder runs ({@link ComplianceStep}). The password is never an argument (Pipeline stores arguments):
 * it is read from the environment variable {@link #getPasswordVariable()}, which {@code withCredentials} binds.
 * A result that maps to UNSTABLE sets it on the run; one that maps to FAILURE throws {@link AbortException}, which
 * stops the Pipeline, as Pipeline steps do.
 *
 * <p>Hudson never loads this class: its descriptor is an optional extension, which Hudson skips because
 * {@link SimpleBuildStep} is missing there, and no other class of the plugin refers to it.
 */
public final class DcomCompliancePipelineStep extends StepOptions implements SimpleBuildStep {
    /** The environment variable read for the password unless told otherwise. */
    public static final String DEFAULT_PASSWORD_VARIABLE = "DCOM_PASSWORD";

    private String passwordVariable = DEFAULT_PASSWORD_VARIABLE;

    /** Every option is optional: name what differs from the defaults ({@link StepOptions}). */
    @DataBoundConstructor
    public DcomCompliancePipelineStep() {
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        String password = env.get(passwordVariable);
        if (password == null || password.isEmpty()) {
            throw new AbortException("DCOM compliance: the environment variable " + passwordVariable + " holds no password; "
                    + "bind it with withCredentials([usernamePassword(credentialsId: '...', usernameVariable: 'DCOM_USER', "
                    + "passwordVariable: '" + passwordVariable + "')])");
        }
        WindowsAccount account = new WindowsAccount(env.expand(getUser()), password);
        ComplianceStep step = new ComplianceStep(this, account, run, launcher, listener);
        FilePath tools = workspace.sibling(workspace.getName() + "@tmp").child("dcom-compliance");
        int exit = step.run(workspace, tools, ComplianceStep.java(env, launcher), env);
        if (step.hosts() != null) {
            run.addAction(new PipelineComplianceAction(step.hosts(), step.rollout(), getMode(), exit, step.slot()));
        }
        Result result = ResultMapping.of(exit, this);
        if (result == Result.FAILURE) {
            throw new AbortException("DCOM compliance: exit code " + exit + " fails the build; see the lines above");
        }
        if (result != Result.SUCCESS) {
            listener.getLogger().println("DCOM compliance: exit code " + exit + " sets the build to " + result);
            run.setResult(result);
        }
    }

    /** @return the environment variable that holds the password, bound by {@code withCredentials} */
    public String getPasswordVariable() {
        return passwordVariable;
    }

    /** @param passwordVariable a variable's name; blank for {@link #DEFAULT_PASSWORD_VARIABLE} */
    @DataBoundSetter
    public void setPasswordVariable(String passwordVariable) {
        this.passwordVariable = passwordVariable == null || passwordVariable.trim().isEmpty()
                ? DEFAULT_PASSWORD_VARIABLE : passwordVariable.trim();
    }

    /**
     * Jenkins only: optional, so Hudson (which lacks {@link SimpleBuildStep}) skips it with a debug line. Not offered
     * to freestyle jobs, which have the builder with its password field.
     */
    @Extension(optional = true)
    @Symbol("dcomCompliance")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getDisplayName() {
            return "DCOM protocol compliance (Pipeline)";
        }

        @SuppressWarnings("rawtypes")
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return false;
        }
    }
}
