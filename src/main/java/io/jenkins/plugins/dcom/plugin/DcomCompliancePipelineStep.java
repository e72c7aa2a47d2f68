package io.jenkins.plugins.dcom.plugin;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The build step in Jenkins: a Pipeline step, {@code dcomCompliance(credentialsId: ..., servers: ..., mode: 'AUDIT')}
 * inside {@code node {}} (or {@code step([$class: 'DcomCompliancePipelineStep', ...])}), and a freestyle step there.
 * Its options are the freestyle builder's ({@link StepOptions}), and it runs exactly what the builder runs
 * ({@link ComplianceStep}). The password is never an argument (Pipeline stores arguments) and never kept in a job: it
 * comes from the credential {@link #getCredentialsId()} names, or from the environment variable
 * {@link #getPasswordVariable()}, which {@code withCredentials} binds; a keytab needs none.
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
    private String credentialsId = "";

    /** Every option is optional: name what differs from the defaults ({@link StepOptions}). */
    @DataBoundConstructor
    public DcomCompliancePipelineStep() {
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        try {
            WindowsAccount account = account(run, env);
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
                String line = "DCOM compliance: exit code " + exit + " sets the build to " + result;
                listener.getLogger().println(line);
                run.setResult(result);
                PipelineStageWarnings.warn(this, line); // the stage too, where Pipeline runs the step
            }
        } finally {
            PipelineStageWarnings.ended(this);
        }
    }

    /**
     * The account the step logs on with: the step's user with its keytab (no password), the credential
     * {@link #getCredentialsId()} names, or the step's user with the password in {@link #getPasswordVariable()}.
     */
    private WindowsAccount account(Run<?, ?> run, EnvVars env) throws AbortException {
        if (!getKeytab().isEmpty()) {
            if (!credentialsId.isEmpty()) {
                throw new AbortException("DCOM compliance: give credentialsId or keytab, not both; a keytab logs on as user");
            }
            return new WindowsAccount(env.expand(getUser()), "");
        }
        if (!credentialsId.isEmpty()) {
            WindowsAccount account = CredentialsLookup.resolve(env.expand(credentialsId), run);
            String user = env.expand(getUser());
            if (!user.isEmpty() && !user.equalsIgnoreCase(account.user())) {
                throw new AbortException("DCOM compliance: user '" + user + "' differs from the user of credential '"
                        + credentialsId + "' ('" + account.user() + "'); leave user empty to log on as the credential says");
            }
            return account;
        }
        String password = env.get(passwordVariable);
        if (password == null || password.isEmpty()) {
            throw new AbortException("DCOM compliance: the environment variable " + passwordVariable + " holds no password; "
                    + "give credentialsId, or bind it with withCredentials([usernamePassword(credentialsId: '...', "
                    + "usernameVariable: 'DCOM_USER', passwordVariable: '" + passwordVariable + "')])");
        }
        return new WindowsAccount(env.expand(getUser()), password);
    }

    /** @return the id of a Jenkins 'Username with password' credential, or blank to use {@link #getPasswordVariable()} */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId == null ? "" : credentialsId.trim();
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
     * Jenkins only: optional, so Hudson (which lacks {@link SimpleBuildStep}) skips it with a debug line. Offered to
     * freestyle jobs too, where it takes a Jenkins credential rather than a password kept in the job.
     */
    @Extension(optional = true)
    @Symbol("dcomCompliance")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getDisplayName() {
            return "DCOM protocol compliance (Jenkins credentials)";
        }

        /**
         * Offered to freestyle jobs in Jenkins only; in Hudson, whose forms are older, the freestyle builder is the step.
         */
        @SuppressWarnings("rawtypes")
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return Server.isJenkins();
        }

        /** The credentials drop-down; POST only, as every web method that lists credentials must be. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            try {
                return CredentialsPluginLookup.items(item, credentialsId);
            } catch (LinkageError e) {
                return new ListBoxModel();
            }
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            try {
                return CredentialsPluginLookup.check(item, value);
            } catch (LinkageError e) {
                return value == null || value.trim().isEmpty() ? FormValidation.ok()
                        : FormValidation.error("Needs the Credentials plugin, which this server does not have");
            }
        }
    }
}
