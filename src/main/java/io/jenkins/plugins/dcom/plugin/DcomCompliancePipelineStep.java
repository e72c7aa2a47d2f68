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
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.dcom.contract.Defaults;
import io.jenkins.plugins.dcom.contract.RolloutSpec;
import io.jenkins.plugins.dcom.contract.TransportNames;
import io.jenkins.plugins.dcom.policy.Presets;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The build step as a Pipeline step, Jenkins only: {@code dcomCompliance(user: ..., servers: ..., mode: 'AUDIT')}
 * inside {@code node {}}, or {@code step([$class: 'DcomCompliancePipelineStep', ...])}. It runs exactly what the
 * freestyle builder runs ({@link ComplianceStep}). The password is never an argument (Pipeline stores arguments):
 * it is read from the environment variable {@link #getPasswordVariable()}, which {@code withCredentials} binds.
 * A result that maps to UNSTABLE sets it on the run; one that maps to FAILURE throws {@link AbortException}, which
 * stops the Pipeline, as Pipeline steps do.
 *
 * <p>Hudson never loads this class: its descriptor is an optional extension, which Hudson skips because
 * {@link SimpleBuildStep} is missing there, and no other class of the plugin refers to it.
 */
public final class DcomCompliancePipelineStep extends Builder implements SimpleBuildStep {
    /** The environment variable read for the password unless told otherwise. */
    public static final String DEFAULT_PASSWORD_VARIABLE = "DCOM_PASSWORD";

    private final String user;
    private String servers = "";
    private String inventoryFile = "";
    private String policy = Presets.KB272937;
    private String policyYaml = "";
    private String mode = StepMode.AUDIT.name();
    private String transport = TransportNames.DEFAULT;
    private String passwordVariable = DEFAULT_PASSWORD_VARIABLE;
    private String truststore = "";
    private boolean allowHttp;
    private String auth = "";
    private boolean https;
    private int concurrency = Defaults.CONCURRENCY;
    private String shard = "";
    private String rollout = "";
    private int restartDelay = Defaults.RESTART_DELAY_SECONDS;
    private String restartComment = Defaults.RESTART_COMMENT;
    private String nonCompliantResult = "UNSTABLE";
    private String unreachableResult = "FAILURE";

    @DataBoundConstructor
    public DcomCompliancePipelineStep(String user) {
        this.user = user == null ? "" : user.trim();
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        String password = env.get(passwordVariable);
        if (password == null || password.isEmpty()) {
            throw new AbortException("DCOM compliance: the environment variable " + passwordVariable + " holds no password; "
                    + "bind it with withCredentials([string(credentialsId: '...', variable: '" + passwordVariable + "')])");
        }
        StepSettings settings = asBuilder().expand(env);
        ComplianceStep step = new ComplianceStep(settings, password, run, launcher, listener);
        FilePath tools = workspace.sibling(workspace.getName() + "@tmp").child("dcom-compliance");
        int exit = step.run(workspace, tools, java(env, launcher), env);
        if (step.hosts() != null) {
            run.addAction(new PipelineComplianceAction(step.hosts(), step.rollout(), settings.mode.name(), exit, step.slot()));
        }
        Result result = ResultMapping.of(exit, settings);
        if (result == Result.FAILURE) {
            throw new AbortException("DCOM compliance: exit code " + exit + " fails the build; see the lines above");
        }
        if (result != Result.SUCCESS) {
            listener.getLogger().println("DCOM compliance: exit code " + exit + " sets the build to " + result);
            run.setResult(result);
        }
    }

    /** The freestyle builder with these arguments: its constructor normalises them, one rule for both steps. */
    DcomComplianceBuilder asBuilder() {
        return new DcomComplianceBuilder(servers, inventoryFile, policy, policyYaml, mode, transport, user, "", truststore,
                allowHttp, auth, https, concurrency, restartDelay, restartComment, nonCompliantResult, unreachableResult, shard,
                rollout);
    }

    private static String java(EnvVars env, Launcher launcher) {
        String home = env.get("JAVA_HOME");
        String executable = launcher.isUnix() ? "java" : "java.exe";
        if (home == null || home.isEmpty()) {
            return executable;
        }
        return home + (launcher.isUnix() ? "/bin/" : "\\bin\\") + executable;
    }

    public String getUser() {
        return user;
    }

    public String getServers() {
        return servers;
    }

    @DataBoundSetter
    public void setServers(String servers) {
        this.servers = servers == null ? "" : servers;
    }

    public String getInventoryFile() {
        return inventoryFile;
    }

    @DataBoundSetter
    public void setInventoryFile(String inventoryFile) {
        this.inventoryFile = inventoryFile == null ? "" : inventoryFile;
    }

    public String getPolicy() {
        return policy;
    }

    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = policy == null ? "" : policy;
    }

    public String getPolicyYaml() {
        return policyYaml;
    }

    @DataBoundSetter
    public void setPolicyYaml(String policyYaml) {
        this.policyYaml = policyYaml == null ? "" : policyYaml;
    }

    public String getMode() {
        return mode;
    }

    /** @param mode {@code AUDIT}, {@code REMEDIATE} or {@code REMEDIATE_AND_RESTART} */
    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = StepMode.of(mode).name();
    }

    public String getTransport() {
        return transport;
    }

    @DataBoundSetter
    public void setTransport(String transport) {
        this.transport = TransportNames.check(transport);
    }

    public String getPasswordVariable() {
        return passwordVariable;
    }

    @DataBoundSetter
    public void setPasswordVariable(String passwordVariable) {
        this.passwordVariable = passwordVariable == null || passwordVariable.trim().isEmpty()
                ? DEFAULT_PASSWORD_VARIABLE : passwordVariable.trim();
    }

    public String getTruststore() {
        return truststore;
    }

    @DataBoundSetter
    public void setTruststore(String truststore) {
        this.truststore = truststore == null ? "" : truststore;
    }

    public boolean isAllowHttp() {
        return allowHttp;
    }

    @DataBoundSetter
    public void setAllowHttp(boolean allowHttp) {
        this.allowHttp = allowHttp;
    }

    public String getAuth() {
        return auth;
    }

    /** @param auth negotiate (the default), kerberos or basic */
    @DataBoundSetter
    public void setAuth(String auth) {
        this.auth = auth == null ? "" : auth;
    }

    public boolean isHttps() {
        return https;
    }

    @DataBoundSetter
    public void setHttps(boolean https) {
        this.https = https;
    }

    public int getConcurrency() {
        return concurrency;
    }

    @DataBoundSetter
    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public String getShard() {
        return shard;
    }

    @DataBoundSetter
    public void setRollout(String rollout) {
        RolloutSpec.toArguments(rollout); // a Pipeline with a wrong rollout fails when it is read, naming the word
        this.rollout = rollout == null ? "" : rollout.trim();
    }

    public String getRollout() {
        return rollout;
    }

    @DataBoundSetter
    public void setShard(String shard) {
        this.shard = shard == null ? "" : shard;
    }

    public int getRestartDelay() {
        return restartDelay;
    }

    @DataBoundSetter
    public void setRestartDelay(int restartDelay) {
        this.restartDelay = restartDelay;
    }

    public String getRestartComment() {
        return restartComment;
    }

    @DataBoundSetter
    public void setRestartComment(String restartComment) {
        this.restartComment = restartComment == null ? "" : restartComment;
    }

    public String getNonCompliantResult() {
        return nonCompliantResult;
    }

    @DataBoundSetter
    public void setNonCompliantResult(String nonCompliantResult) {
        this.nonCompliantResult = nonCompliantResult;
    }

    public String getUnreachableResult() {
        return unreachableResult;
    }

    @DataBoundSetter
    public void setUnreachableResult(String unreachableResult) {
        this.unreachableResult = unreachableResult;
    }

    /**
     * Jenkins only: optional, so Hudson (which lacks {@link SimpleBuildStep}) skips it with a debug line. Not offered
     * to freestyle jobs, which have the builder with its password field.
     */
    @Extension(optional = true)
    @Symbol("dcomCompliance")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
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
