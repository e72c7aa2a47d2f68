package io.jenkins.plugins.dcom.contract;

/**
 * The settings the engine's messages point to, named for both the people who meet them: the command line's option and,
 * where the build step offers it, the step's field. A message says "raise " + {@link #TIMEOUT} rather than a flag a
 * Jenkins user never typed.
 */
public enum Setting {
    AUTH("--auth", "auth"),
    HTTPS("--https", "https"),
    TRUSTSTORE("--truststore", "truststore"),
    CONCURRENCY("--concurrency", "concurrency"),
    USER("--user", "user"),
    PASSWORD("--password-env or --password-file", "credentials"),
    TIMEOUT("--timeout", null),
    RESTART("--restart", "mode REMEDIATE_AND_RESTART"),
    BACKUP_DIR("--backup-dir", null),
    MAX_AUTH_FAILURES("--max-auth-failures", null),
    MAX_FAILURES("--max-failures", "rollout maxFailures="),
    FORCE("--force", null);

    private final String option;
    private final String stepField;

    Setting(String option, String stepField) {
        this.option = option;
        this.stepField = stepField;
    }

    /** @return the command line's option, as typed */
    public String option() {
        return option;
    }

    /** @return the build step's field that sets it, or {@code null} where the step sets it itself */
    public String stepField() {
        return stepField;
    }

    /** @return the setting given a value: {@code --auth negotiate (build step: auth 'negotiate')} */
    public String to(String value) {
        return option + " " + value + (stepField == null ? "" : " (build step: " + stepField + " '" + value + "')");
    }

    /** @return the option and, where the step offers it, the step's field: {@code --auth (build step: auth)} */
    @Override
    public String toString() {
        return stepField == null ? option : option + " (build step: " + stepField + ")";
    }
}
