package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Actionable;
import hudson.model.Saveable;

/** Compile-time declaration of workflow-api's {@code FlowNode} (as a type; its actions come from Actionable); never packaged. */
public abstract class FlowNode extends Actionable implements Saveable {
}
