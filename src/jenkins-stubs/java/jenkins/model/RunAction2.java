package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Compile-time declaration of Jenkins' {@code jenkins.model.RunAction2}; never packaged. */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
