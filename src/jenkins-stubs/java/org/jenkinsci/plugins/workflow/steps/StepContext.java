package org.jenkinsci.plugins.workflow.steps;

import java.io.IOException;
import java.io.Serializable;

/** Compile-time declaration of workflow-step-api's {@code StepContext} (the member this plugin uses); never packaged. */
public abstract class StepContext implements Serializable {
    private static final long serialVersionUID = 1L;

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;
}
