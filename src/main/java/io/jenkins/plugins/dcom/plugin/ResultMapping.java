package io.jenkins.plugins.dcom.plugin;

import hudson.model.Result;
import io.jenkins.plugins.dcom.contract.ExitCodes;

/** The build result for the command line's exit code, as the step's form asks. */
final class ResultMapping {
    private ResultMapping() {
    }

    static Result of(int exit, StepSettings settings) {
        switch (exit) {
            case ExitCodes.OK:
                return Result.SUCCESS;
            case ExitCodes.NON_COMPLIANT:
                return parse(settings.nonCompliantResult);
            case ExitCodes.FAILED:
                return parse(settings.unreachableResult);
            default:
                return Result.FAILURE;
        }
    }

    private static Result parse(String name) {
        return "FAILURE".equals(name) ? Result.FAILURE : Result.UNSTABLE;
    }
}
