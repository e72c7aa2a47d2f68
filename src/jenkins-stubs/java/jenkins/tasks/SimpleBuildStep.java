package jenkins.tasks;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Action;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.Collection;

/**
 * Compile-time declaration of Jenkins' {@code jenkins.tasks.SimpleBuildStep} (core 2.579), with the erased
 * signatures of its listing; never packaged (see README in src/jenkins-stubs). Jenkins supplies the real one.
 */
public interface SimpleBuildStep extends hudson.tasks.BuildStep {
    @Deprecated
    default void perform(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        throw new AbstractMethodError();
    }

    default void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        throw new AbstractMethodError();
    }

    default void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        throw new AbstractMethodError();
    }

    default boolean requiresWorkspace() {
        return true;
    }

    /** Declaration of {@code SimpleBuildStep.LastBuildAction}. */
    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}
