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
import hudson.util.Secret;
import java.io.IOException;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The "DCOM protocol compliance" build step of freestyle jobs, with its password kept in the job as a {@link Secret}.
 * Its options are both steps' ({@link StepOptions}). It only maps them to the engine's command line and the engine's
 * report to the build page: the work runs in a child process on the build's node ({@link ComplianceStep}).
 *
 * <p>Stapler reads this class with an old ASM: no lambdas or method references here.
 */
public final class DcomComplianceBuilder extends StepOptions {
    private Secret password;

    /** Every option is optional: set what differs from the defaults ({@link StepOptions}). */
    @DataBoundConstructor
    public DcomComplianceBuilder() {
    }

    /** @return the password, encrypted in config.xml and in the form */
    public Secret getPassword() {
        return password;
    }

    @DataBoundSetter
    public void setPassword(Secret password) {
        this.password = password;
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
        WindowsAccount account = new WindowsAccount(environment.expand(getUser()), Secret.toString(password));
        ComplianceStep step = new ComplianceStep(this, account, build, launcher, listener);
        int exit = step.run(workspace, root.child("dcom-compliance"),
                ComplianceStep.java(environment, launcher), environment);
        if (step.hosts() != null) {
            build.addAction(new ComplianceBuildAction(step.hosts(), step.rollout(), getMode(), exit, step.slot()));
        }
        Result result = ResultMapping.of(exit, this);
        if (result != Result.SUCCESS) {
            listener.getLogger().println("DCOM compliance: exit code " + exit + " sets the build to " + result);
            build.setResult(result);
        }
        return result != Result.FAILURE;
    }

    @Override
    public Action getProjectAction(AbstractProject<?, ?> project) {
        return new ComplianceProjectAction(project);
    }

    /** The freestyle step's descriptor: its display name; the rest is both steps' ({@link StepDescriptor}). */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getDisplayName() {
            return "DCOM protocol compliance";
        }
    }
}
