package io.jenkins.plugins.dcom.plugin;

import hudson.model.Result;

/** The build result for the command line's exit code, as the step's form asks. */
final class ResultMapping {
    private ResultMapping() {
    }

    static Result of(int exit, StepSettings settings) {
        switch (exit) {
            case 0:
                return Result.SUCCESS;
            case 2:
                return parse(settings.nonCompliantResult);
            case 3:
                return parse(settings.unreachableResult);
            default:
                return Result.FAILURE;
        }
    }

    private static Result parse(String name) {
        return "FAILURE".equals(name) ? Result.FAILURE : Result.UNSTABLE;
    }
}
