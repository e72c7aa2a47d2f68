package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.contract.Setting;
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
 * with the reason. After the first accepted logon the password is known good: hosts run in parallel, and a logon
 * refused later (a host outside the domain's trust, a local account that differs) no longer stops the run, since
 * it does not count against the account's password.
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
    /** Until a logon is proven, the index of the one host that may try next: hosts are tried in inventory order. */
    private int nextProbe;

    AccountGuard(int maxFailures, Transports transports) {
        this.maxFailures = maxFailures;
        this.transports = transports;
    }

    /**
     * Runs one host's job under the guard.
     *
     * @param index the host's place in the run, from 0: until a logon is proven, hosts are tried one at a time in
     *              this order, so the run is the same every time
     * @return its result, or SKIPPED when the account may not be tried
     */
    HostResult run(int index, Target target, Supplier<HostResult> job) throws InterruptedException {
        synchronized (this) {
            while (!proven && failures < maxFailures && index != nextProbe) {
                wait();
            }
            if (!proven && failures >= maxFailures) {
                nextProbe++;
                notifyAll();
                return skipped(target);
            }
        }
        HostResult result = job.get();
        synchronized (this) {
            if (result.getFailure() == FailureKind.AUTH_FAILED && !proven) {
                failures++;
                firstFailedHost = firstFailedHost == null ? target.label() : firstFailedHost;
            } else if (result.getBefore() != null || AFTER_LOGON.contains(result.getFailure())) {
                proven = true;
            }
            nextProbe = Math.max(nextProbe, index + 1);
            notifyAll();
        }
        return result;
    }

    private HostResult skipped(Target target) {
        return new HostResult.Builder(target, transports.nameFor(target)).status(HostStatus.SKIPPED, "not tried after "
                + failures + " failed logon" + (failures == 1 ? "" : "s") + " with this account (first on " + firstFailedHost
                + "), so that a wrong password cannot lock the account; fix the password, or allow more with "
                + Setting.MAX_AUTH_FAILURES).build();
    }
}
