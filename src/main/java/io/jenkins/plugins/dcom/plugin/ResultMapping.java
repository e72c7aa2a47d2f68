package io.jenkins.plugins.dcom.plugin;

import hudson.model.Result;
import io.jenkins.plugins.dcom.contract.ExitCodes;

/** The build result for the command line's exit code, as the step's form asks. */
final class ResultMapping {
    private ResultMapping() {
    }

    static Result of(int exit, StepOptions options) {
        switch (exit) {
            case ExitCodes.OK:
                return Result.SUCCESS;
            case ExitCodes.NON_COMPLIANT:
                return parse(options.getNonCompliantResult());
            case ExitCodes.FAILED:
                return parse(options.getUnreachableResult());
            default:
                return Result.FAILURE;
        }
    }

    private static Result parse(String name) {
        return "FAILURE".equals(name) ? Result.FAILURE : Result.UNSTABLE;
    }
}
