package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Action;
import java.util.Collection;

/**
 * Compile-time declaration of Jenkins' {@code jenkins.model.TransientActionFactory} (core 2.579), its public API
 * (the restricted {@code factoriesFor} left out); never packaged.
 */
public abstract class TransientActionFactory<T> implements ExtensionPoint {
    public abstract Class<T> type();

    public Class<? extends Action> actionType() {
        return Action.class;
    }

    public abstract Collection<? extends Action> createFor(T target);
}
