package io.jenkins.plugins.dcom.plugin;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Flags the Pipeline stage of a step that ends UNSTABLE, as junit's step does: Jenkins colours a stage by the
 * {@code WarningAction} on its steps' flow nodes, and {@code Run.setResult} alone colours only the build. A
 * {@code SimpleBuildStep}, run by workflow-basic-steps' {@code CoreStep}, is given no flow node, so
 * {@link PipelineStepListener}, which Pipeline tells of each step before it starts, hands in the node of each of ours;
 * the step flags it or forgets it when it ends.
 *
 * <p>Names no Pipeline type: the step runs in a Jenkins without the Pipeline plugins (then no node is ever handed in)
 * and in freestyle jobs, and there {@link #warn} does nothing.
 */
final class PipelineStageWarnings {
    /** A step's flow node, as far as a warning on it goes. */
    interface Stage {
        /** Marks the node UNSTABLE with {@code message}. */
        void warnUnstable(String message);
    }

    /** By step instance (identity: steps do not override equals); weak, so a step that never ends costs nothing. */
    private static final Map<DcomCompliancePipelineStep, Stage> STAGES = Collections.synchronizedMap(new WeakHashMap<>());

    private PipelineStageWarnings() {
    }

    /** The step is about to run on {@code stage}'s flow node. */
    static void started(DcomCompliancePipelineStep step, Stage stage) {
        STAGES.put(step, stage);
    }

    /** The step ended UNSTABLE: flags its stage when Pipeline ran it, else nothing. */
    static void warn(DcomCompliancePipelineStep step, String message) {
        Stage stage = STAGES.get(step);
        if (stage != null) {
            stage.warnUnstable(message);
        }
    }

    /** The step ended, however: its node is no longer needed (the one place a node is forgotten). */
    static void ended(DcomCompliancePipelineStep step) {
        STAGES.remove(step);
    }
}
