package io.jenkins.plugins.dcom.contract;

/**
 * How one host's end counts towards the exit code and the build result: the names report.json, the build summary and
 * the build page share.
 */
public enum Outcome {
    OK, NON_COMPLIANT, FAILED
}
