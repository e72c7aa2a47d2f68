package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.FailureKind;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps one wrong password from locking the service account across the fleet. Every failed logon raises the
 * domain account's bad-password count, and a fleet run tries the account on every host: so until one host has
 * accepted the logon, hosts are tried one at a time, and once the run has seen as many failed logons as it
 * allows (one by default), the hosts not yet tried are not tried at all: they end {@link HostStatus#SKIPPED}
 * with the reason. After the first accepted logon the password is known good and hosts run in parallel.
 *
 * <p>Thread-safe; one guard per run.
 */
final class AccountGuard {
    /** Failures a host reports only after it accepted the logon: proof that the credentials are right. */
    private static final Set<FailureKind> AFTER_LOGON = EnumSet.of(FailureKind.ACCESS_DENIED, FailureKind.VALUE_MISSING,
            FailureKind.WRONG_TYPE, FailureKind.MALFORMED_VALUE);

    private final int maxFailures;
    private final Transports transports;
    private int failures;
    private String firstFailedHost;
    private boolean proven;
    private boolean probing;

    AccountGuard(int maxFailures, Transports transports) {
        this.maxFailures = maxFailures;
        this.transports = transports;
    }

    /** Runs one host's job under the guard; @return its result, or SKIPPED when the account may not be tried */
    HostResult run(Target target, Supplier<HostResult> job) throws InterruptedException {
        synchronized (this) {
            while (!proven && probing && failures < maxFailures) {
                wait();
            }
            if (failures >= maxFailures) {
                return skipped(target);
            }
            probing = !proven;
        }
        HostResult result = job.get();
        synchronized (this) {
            if (result.getFailure() == FailureKind.AUTH_FAILED) {
                failures++;
                firstFailedHost = firstFailedHost == null ? target.label() : firstFailedHost;
            } else if (result.getBefore() != null || AFTER_LOGON.contains(result.getFailure())) {
                proven = true;
            }
            probing = false;
            notifyAll();
        }
        return result;
    }

    private HostResult skipped(Target target) {
        return new HostResult.Builder(target, transports.nameFor(target)).status(HostStatus.SKIPPED, "not tried after "
                + failures + " failed logon" + (failures == 1 ? "" : "s") + " with this account (first on " + firstFailedHost
                + "), so that a wrong password cannot lock the account; fix the password, or allow more with "
                + "--max-auth-failures").build();
    }
}
