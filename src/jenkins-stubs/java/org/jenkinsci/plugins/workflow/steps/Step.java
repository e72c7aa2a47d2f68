package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Compile-time declaration of workflow-step-api's {@code Step} (as a type only); never packaged. */
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
}
