package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.TransportException;

/** Maps classified transport failures to host statuses, in one place. */
final class Failures {
    private Failures() {
    }

    static HostStatus statusOf(FailureKind kind) {
        switch (kind) {
            case UNREACHABLE:
            case TIMEOUT:
                return HostStatus.UNREACHABLE;
            case AUTH_FAILED:
                return HostStatus.AUTH_FAILED;
            case ACCESS_DENIED:
                return HostStatus.ACCESS_DENIED;
            case RESTART_ALREADY_SCHEDULED:
            case NOT_REBOOTED:
                return HostStatus.RESTART_PENDING;
            default:
                return HostStatus.ERROR;
        }
    }

    static HostResult.Builder record(HostResult.Builder result, TransportException failure, String context) {
        String text = context.isEmpty() ? failure.getMessage() : context + ": " + failure.getMessage();
        return result.failed(statusOf(failure.getKind()), failure.getKind(), text);
    }
}
