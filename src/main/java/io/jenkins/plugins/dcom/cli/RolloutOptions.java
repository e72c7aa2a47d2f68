package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.contract.RolloutSpec;
import io.jenkins.plugins.dcom.run.Rollout;
import java.util.function.Supplier;

/** The remediation's rollout: gated waves instead of every host at once. */
final class RolloutOptions {
    final long canary;
    final String waveSize;
    final long maxFailures;
    final boolean autoRevert;
    final String siteServers;

    static void declare(OptionTable table) {
        table.value("canary", "N", "Hosts in a first wave of their own (default: none).")
                .value("wave-size", "N|P%", "Hosts per wave after the canary, as a count or a percentage of the fleet; each "
                        + "wave must pass its gate before the next starts (default: all at once).")
                .value("max-failures", "K", "Stop the rollout once K hosts have failed (default: no limit; a wave's gate "
                        + "stops it anyway).")
                .flag("auto-revert", "When a wave fails its gate, write its changed hosts back from their backups.")
                .value("site-servers", "first|last", "Put the site servers in the first or the last waves (default: "
                        + "inventory order).");
    }

    RolloutOptions(Arguments arguments) throws UsageException {
        canary = arguments.number("canary", 0);
        waveSize = arguments.text("wave-size");
        maxFailures = arguments.number("max-failures", 0);
        autoRevert = arguments.flag("auto-revert");
        siteServers = arguments.text("site-servers");
    }

    /** @return the rollout, every option checked (the values by {@link RolloutSpec}'s rules, shared with the build step) */
    Rollout rollout(boolean dryRun) throws UsageException {
        int[] size = waveSize == null ? new int[] {0, 0} : checked("--wave-size", () -> RolloutSpec.waveSize(waveSize));
        Rollout.SiteServers order = siteServers == null ? Rollout.SiteServers.IN_ORDER
                : "first".equals(checked("--site-servers", () -> RolloutSpec.siteServers(siteServers)))
                ? Rollout.SiteServers.FIRST : Rollout.SiteServers.LAST;
        Rollout rollout = new Rollout(Bounds.check("--canary", canary, 0, 100_000), size[0], size[1],
                Bounds.check("--max-failures", maxFailures, 0, 100_000), autoRevert, order);
        if (autoRevert && !rollout.isStaged()) {
            throw new UsageException("--auto-revert needs waves: give --wave-size, --canary or --max-failures");
        }
        if (dryRun && rollout.isStaged()) {
            throw new UsageException("a dry run writes nothing, so it has no waves; drop the rollout options or --dry-run");
        }
        return rollout;
    }

    private static <T> T checked(String option, Supplier<T> rule) throws UsageException {
        try {
            return rule.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage(), e);
        }
    }
}
