package io.jenkins.plugins.dcom.plugin;

import hudson.model.Action;
import hudson.model.Run;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep;

/**
 * The compliance result of a Pipeline run, Jenkins only: the freestyle action's pages (views are inherited), plus
 * the trend on the job's page, which Jenkins shows for the last successful or unstable run's
 * {@link SimpleBuildStep.LastBuildAction}.
 */
public final class PipelineComplianceAction extends ComplianceBuildAction implements SimpleBuildStep.LastBuildAction, RunAction2 {
    private transient Run<?, ?> owner;

    PipelineComplianceAction(List<HostRow> hosts, List<String> rollout, String mode, int exitCode, ReportSlot slot) {
        super(hosts, rollout, mode, exitCode, slot);
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        this.owner = run;
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        this.owner = run;
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return owner == null ? Collections.<Action>emptyList() : Collections.singletonList(new ComplianceProjectAction(owner.getParent()));
    }
}
