package io.jenkins.plugins.dcom.plugin;

import hudson.Extension;
import hudson.model.Result;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.flow.StepListener;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.CoreStep;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Hands the flow node of each {@code dcomCompliance} step to {@link PipelineStageWarnings} before the step starts.
 * workflow-cps calls every {@link StepListener} after it has made the step's node and context and before
 * {@code Step.start} (DSL.invokeStep); a {@code dcomCompliance(...)} call or {@code step([$class: ...])} arrives as a
 * {@link CoreStep} whose {@code delegate} is the very instance whose {@code perform} runs next.
 *
 * <p>Jenkins with workflow-api only: optional, so Hudson and a Jenkins without Pipeline skip it.
 */
@Extension(optional = true)
public final class PipelineStepListener implements StepListener {
    @Override
    public void notifyOfNewStep(Step step, StepContext context) {
        if (!(step instanceof CoreStep) || !(((CoreStep) step).delegate instanceof DcomCompliancePipelineStep)) {
            return;
        }
        try {
            FlowNode node = context.get(FlowNode.class);
            if (node != null) {
                PipelineStageWarnings.started((DcomCompliancePipelineStep) ((CoreStep) step).delegate, new NodeStage(node));
            }
        } catch (IOException e) {
            // no node to flag: the step runs as it would without this listener
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A warning on a flow node, as junit's step adds one: {@code WarningAction(UNSTABLE)} with a message. */
    private static final class NodeStage implements PipelineStageWarnings.Stage {
        private final FlowNode node;

        NodeStage(FlowNode node) {
            this.node = node;
        }

        @Override
        public void warnUnstable(String message) {
            node.addAction(new WarningAction(Result.UNSTABLE).withMessage(message));
        }
    }
}
