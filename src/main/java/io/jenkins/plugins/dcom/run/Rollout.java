package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.inventory.Role;
import io.jenkins.plugins.dcom.inventory.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How a remediation rolls out: a canary wave, then waves of a fixed size (or a percentage of the fleet), one after
 * the other, each gated ({@link WaveGate}) before the next starts; the run stops at the first gate that fails or when
 * failures reach a limit, and may put the failed wave back from its backups. {@link #ALL_AT_ONCE} is the default.
 */
public final class Rollout {
    /** Where the site servers go in the wave order. */
    public enum SiteServers {
        /** Inventory order. */
        IN_ORDER,
        /** Before every other host. */
        FIRST,
        /** After every other host: consoles first, the servers everyone depends on last. */
        LAST
    }

    /** Every host at once, no gate: the behaviour without rollout options. */
    public static final Rollout ALL_AT_ONCE = new Rollout(0, 0, 0, 0, false, SiteServers.IN_ORDER);

    private final int canary;
    private final int waveSize;
    private final int wavePercent;
    private final int maxFailures;
    private final boolean autoRevert;
    private final SiteServers siteServers;

    /**
     * @param canary      hosts in the first wave, 0 for none
     * @param waveSize    hosts per wave after the canary, 0 when {@code wavePercent} or all at once
     * @param wavePercent percent of the fleet per wave (1-100), 0 when {@code waveSize} or all at once
     * @param maxFailures failed hosts after which the run stops, 0 for no limit
     * @param autoRevert  whether the hosts of a wave that failed its gate are written back from their backups
     */
    public Rollout(int canary, int waveSize, int wavePercent, int maxFailures, boolean autoRevert, SiteServers siteServers) {
        if (canary < 0 || waveSize < 0 || wavePercent < 0 || wavePercent > 100 || maxFailures < 0) {
            throw new IllegalArgumentException("rollout sizes must not be negative; a percentage is at most 100");
        }
        if (waveSize > 0 && wavePercent > 0) {
            throw new IllegalArgumentException("give the wave size as a count or as a percentage, not both");
        }
        this.canary = canary;
        this.waveSize = waveSize;
        this.wavePercent = wavePercent;
        this.maxFailures = maxFailures;
        this.autoRevert = autoRevert;
        this.siteServers = siteServers;
    }

    /** @return whether hosts go in gated waves rather than all at once */
    public boolean isStaged() {
        return canary > 0 || waveSize > 0 || wavePercent > 0 || maxFailures > 0 || siteServers != SiteServers.IN_ORDER;
    }

    public int getMaxFailures() {
        return maxFailures;
    }

    public boolean isAutoRevert() {
        return autoRevert;
    }

    /** @return the targets in waves, in the order they run; every target in exactly one wave */
    public List<List<Target>> waves(List<Target> targets) {
        List<Target> ordered = ordered(targets);
        int size = waveSize > 0 ? waveSize : wavePercent > 0 ? Math.max(1, (int) Math.ceil(ordered.size() * wavePercent / 100.0))
                : ordered.size();
        List<List<Target>> waves = new ArrayList<>();
        int next = 0;
        if (canary > 0) {
            next = Math.min(canary, ordered.size());
            waves.add(new ArrayList<>(ordered.subList(0, next)));
        }
        while (next < ordered.size()) {
            int end = Math.min(ordered.size(), next + Math.max(1, size));
            waves.add(new ArrayList<>(ordered.subList(next, end)));
            next = end;
        }
        return waves;
    }

    private List<Target> ordered(List<Target> targets) {
        if (siteServers == SiteServers.IN_ORDER) {
            return targets;
        }
        List<Target> servers = new ArrayList<>();
        List<Target> others = new ArrayList<>();
        for (Target target : targets) {
            (target.getRole() == Role.SITE_SERVER ? servers : others).add(target);
        }
        List<Target> ordered = new ArrayList<>(siteServers == SiteServers.FIRST ? servers : others);
        ordered.addAll(siteServers == SiteServers.FIRST ? others : servers);
        return Collections.unmodifiableList(ordered);
    }

    @Override
    public String toString() {
        if (!isStaged()) {
            return "all at once";
        }
        return (canary > 0 ? "canary " + canary + ", " : "") + (waveSize > 0 ? "waves of " + waveSize
                : wavePercent > 0 ? "waves of " + wavePercent + "%" : "the rest in one wave")
                + (maxFailures > 0 ? ", stop at " + maxFailures + " failed host(s)" : "")
                + (autoRevert ? ", auto-revert" : "") + (siteServers == SiteServers.IN_ORDER ? "" : ", site servers "
                + siteServers.name().toLowerCase(Locale.ROOT));
    }
}
