package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/** Compile-time declaration of workflow-api's {@code PersistentAction}; never packaged. */
public interface PersistentAction extends Action {
}
