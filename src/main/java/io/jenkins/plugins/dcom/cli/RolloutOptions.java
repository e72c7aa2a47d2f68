package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.run.Rollout;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The remediation's rollout: gated waves instead of every host at once. */
final class RolloutOptions {
    @Option(names = "--canary", paramLabel = "N", defaultValue = "0", description = "Hosts in a first wave of their own (default: none).")
    int canary;

    @Option(names = "--wave-size", paramLabel = "N|P%", description = "Hosts per wave after the canary, as a count or a "
            + "percentage of the fleet; each wave must pass its gate before the next starts (default: all at once).")
    String waveSize;

    @Option(names = "--max-failures", paramLabel = "K", defaultValue = "0", description = "Stop the rollout once K hosts "
            + "have failed (default: no limit; a wave's gate stops it anyway).")
    int maxFailures;

    @Option(names = "--auto-revert", description = "When a wave fails its gate, write its changed hosts back from their backups.")
    boolean autoRevert;

    @Option(names = "--site-servers", paramLabel = "first|last", description = "Put the site servers in the first or the "
            + "last waves (default: inventory order).")
    String siteServers;

    /** @return the rollout, every option checked */
    Rollout rollout(boolean dryRun) throws UsageException {
        int size = 0;
        int percent = 0;
        if (waveSize != null) {
            String text = waveSize.trim();
            if (text.matches("\\d{1,3}%")) {
                percent = Bounds.check("--wave-size", Integer.parseInt(text.substring(0, text.length() - 1)), 1, 100);
            } else if (text.matches("\\d{1,6}")) {
                size = Bounds.check("--wave-size", Integer.parseInt(text), 1, 100_000);
            } else {
                throw new UsageException("--wave-size " + text + " is not a count or a percentage; write for example 10 or 25%");
            }
        }
        Rollout.SiteServers order = Rollout.SiteServers.IN_ORDER;
        if (siteServers != null) {
            String text = siteServers.trim().toLowerCase(Locale.ROOT);
            if (!text.equals("first") && !text.equals("last")) {
                throw new UsageException("--site-servers " + siteServers + " is unknown; use first or last");
            }
            order = text.equals("first") ? Rollout.SiteServers.FIRST : Rollout.SiteServers.LAST;
        }
        Rollout rollout = new Rollout(Bounds.check("--canary", canary, 0, 100_000), size, percent,
                Bounds.check("--max-failures", maxFailures, 0, 100_000), autoRevert, order);
        if (autoRevert && !rollout.isStaged()) {
            throw new UsageException("--auto-revert needs waves: give --wave-size, --canary or --max-failures");
        }
        if (dryRun && rollout.isStaged()) {
            throw new UsageException("a dry run writes nothing, so it has no waves; drop the rollout options or --dry-run");
        }
        return rollout;
    }
}
