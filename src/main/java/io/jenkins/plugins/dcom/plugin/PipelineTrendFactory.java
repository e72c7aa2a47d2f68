package io.jenkins.plugins.dcom.plugin;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import java.util.Collection;
import java.util.Collections;
import jenkins.model.TransientActionFactory;

/**
 * Jenkins only: keeps the compliance trend on a job's page while its builds fail. Jenkins shows the project actions of
 * a {@code SimpleBuildStep.LastBuildAction} for the job's last successful or unstable build only
 * ({@code jenkins/tasks/SimpleBuildStep.java}, {@code LastBuildActionFactory}: {@code j.getLastSuccessfulBuild()}), so a
 * run of failed builds, when unreachable servers matter most, would hide the trend. This adds it when that build has no
 * compliance result of the Jenkins step but one of the job's last builds ({@link ComplianceProjectAction}'s bound) has;
 * otherwise Jenkins' own factory shows it, once.
 */
@Extension(optional = true)
@SuppressWarnings("rawtypes")
public final class PipelineTrendFactory extends TransientActionFactory<Job> {
    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Collection<? extends Action> createFor(Job job) {
        Run<?, ?> lastSuccessful = job.getLastSuccessfulBuild();
        if (lastSuccessful != null && lastSuccessful.getAction(PipelineComplianceAction.class) != null) {
            return Collections.<Action>emptyList(); // Jenkins' LastBuildActionFactory shows it
        }
        @SuppressWarnings("unchecked")
        ComplianceProjectAction trend = new ComplianceProjectAction(job);
        Run<?, ?> last = trend.getLastResultBuild();
        return last != null && last.getAction(PipelineComplianceAction.class) != null
                ? Collections.<Action>singletonList(trend) : Collections.<Action>emptyList();
    }
}
