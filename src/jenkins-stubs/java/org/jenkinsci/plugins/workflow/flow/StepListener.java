package org.jenkinsci.plugins.workflow.flow;

import hudson.ExtensionPoint;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Compile-time declaration of workflow-api's {@code StepListener}; never packaged. */
public interface StepListener extends ExtensionPoint {
    void notifyOfNewStep(Step step, StepContext context);
}
