package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.contract.Defaults;

/**
 * The range of every numeric option, checked where the option is read, so that no value reaches the engine that
 * would overflow, wait forever or spin: a value out of range is a usage error (exit 1) naming the option and the
 * range. A value that is no whole number, or too large for a long, is refused by {@link Arguments}, also as a usage
 * error.
 */
final class Bounds {
    /** A day, in seconds: longer than any network wait worth waiting. */
    static final long DAY = 86_400;
    /** A week, in seconds: the longest wait for a restart. */
    static final long WEEK = 7 * DAY;

    private Bounds() {
    }

    /** @return the value, when {@code min <= value <= max} */
    static int check(String option, long value, long min, long max) throws UsageException {
        if (value < min || value > max) {
            throw new UsageException(option + " " + value + " is out of range; use " + min + "-" + max);
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    static int concurrency(long value) throws UsageException {
        return check("--concurrency", value, 1, Defaults.MAX_CONCURRENCY);
    }
}
