package io.jenkins.plugins.dcom.policy;

/** How much a finding weighs: only errors make a host non-compliant. */
public enum Severity {
    /** Makes the host non-compliant. */
    ERROR,
    /** Reported, but the host stays compliant. */
    WARNING
}
