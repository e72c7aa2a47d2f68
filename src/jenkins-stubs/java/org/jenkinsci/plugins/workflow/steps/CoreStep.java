package org.jenkinsci.plugins.workflow.steps;

import jenkins.tasks.SimpleBuildStep;

/** Compile-time declaration of workflow-basic-steps' {@code CoreStep}, the step that runs a SimpleBuildStep; never packaged. */
public final class CoreStep extends Step {
    public final SimpleBuildStep delegate;

    public CoreStep(SimpleBuildStep delegate) {
        this.delegate = delegate;
    }
}
