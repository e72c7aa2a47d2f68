package io.jenkins.plugins.dcom.plugin;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Action;
import hudson.model.BuildListener;
import hudson.model.Node;
import hudson.model.Result;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.dcom.contract.Defaults;
import io.jenkins.plugins.dcom.contract.RestartRules;
import io.jenkins.plugins.dcom.contract.RolloutSpec;
import io.jenkins.plugins.dcom.contract.TransportNames;
import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;

/**
 * The "DCOM protocol compliance" build step. It only maps its form to the engine's command line and the engine's
 * report to the build page: the work runs in a child process on the build's node ({@link ComplianceStep}).
 *
 * <p>Stapler reads this class with an old ASM: no lambdas or method references here.
 */
public final class DcomComplianceBuilder extends Builder {
    private final String servers;
    private final String inventoryFile;
    private final String policy;
    private final String policyYaml;
    private final String mode;
    private final String transport;
    private final String user;
    private final Secret password;
    private final String truststore;
    private final boolean allowHttp;
    /** Since 0.2: a build step saved before has none, and logs on with Negotiate. */
    private String auth;
    /**
     * Since 0.2: {@code null} in a build step saved before, which used HTTPS unless plain HTTP was allowed; kept so
     * (see {@link #readResolve()}).
     */
    private Boolean https;
    private final int concurrency;
    private final int restartDelay;
    private final String restartComment;
    private final String nonCompliantResult;
    private final String unreachableResult;
    private final String shard;
    /** Since 0.1: a build step saved before has none, so every host goes at once. */
    private String rollout;

    @DataBoundConstructor
    public DcomComplianceBuilder(String servers, String inventoryFile, String policy, String policyYaml, String mode,
            String transport, String user, String password, String truststore, boolean allowHttp, String auth,
            boolean https, int concurrency,
            int restartDelay, String restartComment, String nonCompliantResult, String unreachableResult, String shard,
            String rollout) {
        this.servers = trim(servers);
        this.inventoryFile = trim(inventoryFile);
        this.policy = trim(policy);
        this.policyYaml = policyYaml == null ? "" : policyYaml;
        this.mode = StepMode.of(mode).name();
        this.transport = TransportNames.check(transport);
        this.user = trim(user);
        this.password = Secret.fromString(password == null ? "" : password);
        this.truststore = trim(truststore);
        this.allowHttp = allowHttp;
        this.auth = WinRmAuthentication.parse(auth).label();
        this.https = https;
        this.concurrency = concurrency <= 0 ? Defaults.CONCURRENCY : concurrency;
        this.restartDelay = restartDelay < 0 ? Defaults.RESTART_DELAY_SECONDS : restartDelay;
        this.restartComment = trim(restartComment).isEmpty() ? Defaults.RESTART_COMMENT : restartComment.trim();
        this.nonCompliantResult = "FAILURE".equals(nonCompliantResult) ? "FAILURE" : "UNSTABLE";
        this.unreachableResult = "UNSTABLE".equals(unreachableResult) ? "UNSTABLE" : "FAILURE";
        this.shard = trim(shard);
        this.rollout = trim(rollout);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    public String getServers() {
        return servers;
    }

    public String getInventoryFile() {
        return inventoryFile;
    }

    public String getPolicy() {
        return policy;
    }

    public String getPolicyYaml() {
        return policyYaml;
    }

    public String getMode() {
        return mode;
    }

    public String getTransport() {
        return transport;
    }

    public String getUser() {
        return user;
    }

    /** @return the password, encrypted in config.xml and in the form */
    public Secret getPassword() {
        return password;
    }

    public String getTruststore() {
        return truststore;
    }

    public boolean isAllowHttp() {
        return allowHttp;
    }

    /** @return how WinRM logs on: negotiate, kerberos or basic */
    public String getAuth() {
        return auth == null ? WinRmAuthentication.DEFAULT.label() : auth;
    }

    public boolean isHttps() {
        return https != null && https;
    }

    /** A build step saved before 0.2 keeps what it did: HTTPS, unless plain HTTP was allowed. */
    protected Object readResolve() {
        if (https == null) {
            https = !allowHttp;
        }
        return this;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public int getRestartDelay() {
        return restartDelay;
    }

    public String getRestartComment() {
        return restartComment;
    }

    public String getNonCompliantResult() {
        return nonCompliantResult;
    }

    public String getUnreachableResult() {
        return unreachableResult;
    }

    /** @return {@code N/M} to process only shard N of M, or empty for the whole fleet */
    /** @return the rollout ({@link RolloutSpec#FORMAT}), blank for every host at once */
    public String getRollout() {
        return rollout == null ? "" : rollout;
    }

    public String getShard() {
        return shard == null ? "" : shard;
    }

    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener)
            throws InterruptedException, IOException {
        EnvVars environment = build.getEnvironment(listener);
        environment.overrideAll(build.getBuildVariables());
        FilePath workspace = build.getWorkspace();
        Node node = build.getBuiltOn();
        FilePath root = node == null ? null : node.getRootPath();
        if (workspace == null || root == null) {
            listener.getLogger().println("DCOM compliance: the build has no workspace or its node is offline");
            return false;
        }
        StepSettings settings = expand(environment);
        ComplianceStep step = new ComplianceStep(settings, Secret.toString(password), build, launcher, listener);
        int exit = step.run(workspace, root.child("dcom-compliance"),
                ComplianceStep.java(build.getProject().getJDK(), node, launcher, listener), environment);
        if (step.hosts() != null) {
            build.addAction(new ComplianceBuildAction(step.hosts(), step.rollout(), settings.mode.name(), exit, step.slot()));
        }
        Result result = ResultMapping.of(exit, settings);
        if (result != Result.SUCCESS) {
            listener.getLogger().println("DCOM compliance: exit code " + exit + " sets the build to " + result);
            build.setResult(result);
        }
        return result != Result.FAILURE;
    }

    /** Build parameters and environment variables expand in every text field. */
    StepSettings expand(EnvVars environment) {
        StepSettings settings = new StepSettings();
        settings.servers = environment.expand(servers);
        settings.inventoryFile = environment.expand(inventoryFile);
        settings.policy = environment.expand(policy);
        settings.policyYaml = environment.expand(policyYaml);
        settings.mode = StepMode.of(mode);
        settings.transport = transport;
        settings.user = environment.expand(user);
        settings.truststore = environment.expand(truststore);
        settings.allowHttp = allowHttp;
        settings.auth = getAuth();
        settings.https = isHttps();
        settings.concurrency = concurrency;
        settings.restartDelay = restartDelay;
        settings.restartComment = environment.expand(restartComment);
        settings.nonCompliantResult = nonCompliantResult;
        settings.unreachableResult = unreachableResult;
        settings.shard = environment.expand(getShard());
        settings.rollout = environment.expand(getRollout());
        return settings;
    }

    @Override
    public Action getProjectAction(AbstractProject<?, ?> project) {
        return new ComplianceProjectAction(project);
    }

    /** The step's descriptor: display name, form validation reusing the engine's own checks. */
    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public String getDisplayName() {
            return "DCOM protocol compliance";
        }

        @SuppressWarnings("rawtypes")
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        public List<StepMode> getModes() {
            return Arrays.asList(StepMode.values());
        }

        /** @return WinRM's authentication labels, the default first */
        public List<String> getAuthentications() {
            return WinRmAuthentication.labels();
        }

        public String getDefaultRestartComment() {
            return Defaults.RESTART_COMMENT;
        }

        public int getDefaultRestartDelay() {
            return Defaults.RESTART_DELAY_SECONDS;
        }

        public int getDefaultConcurrency() {
            return Defaults.CONCURRENCY;
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

        public FormValidation doCheckUser(@QueryParameter("value") String value,
                @QueryParameter("transport") String transport) {
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
}
