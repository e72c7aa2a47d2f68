package io.jenkins.plugins.dcom.plugin;

/** What the build step does, as the form offers it. */
public enum StepMode {
    AUDIT("Audit only (never writes)"),
    REMEDIATE("Remediate (write, no restart)"),
    REMEDIATE_AND_RESTART("Remediate and restart changed servers");

    private final String label;

    StepMode(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }

    /** @return the mode named {@code name}, or {@link #AUDIT} for anything else (the safe default) */
    static StepMode of(String name) {
        for (StepMode mode : values()) {
            if (mode.name().equals(name)) {
                return mode;
            }
        }
        return AUDIT;
    }
}
