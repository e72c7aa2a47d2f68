package io.jenkins.plugins.dcom.run;

/** What a run does to each host. */
public enum Mode {
    /** Read and evaluate; never writes. */
    AUDIT,
    /** Read, evaluate, and write the smallest compliant change (unless dry run). */
    REMEDIATE,
    /** Write back the values saved by an earlier remediation. */
    ROLLBACK
}
