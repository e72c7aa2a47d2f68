package io.jenkins.plugins.dcom.plugin;

/**
 * The build step's fields after build parameters and environment variables were expanded: what one build runs
 * with. Built by {@link DcomComplianceBuilder}; holds no password.
 */
final class StepSettings {
    String servers;
    String inventoryFile;
    String policy;
    String policyYaml;
    StepMode mode;
    String transport;
    String user;
    String truststore;
    boolean allowHttp;
    /** WinRM's authentication label ({@code WinRmAuthentication}). */
    String auth;
    boolean https;
    int concurrency;
    int restartDelay;
    String restartComment;
    String nonCompliantResult;
    String unreachableResult;
    String shard;
    /** The rollout field ({@code RolloutSpec}), blank for every host at once. */
    String rollout = "";
}
