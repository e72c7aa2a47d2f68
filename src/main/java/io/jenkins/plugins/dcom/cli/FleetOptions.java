package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.contract.Defaults;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.InventoryException;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.inventory.Shard;
import io.jenkins.plugins.dcom.policy.Policy;
import io.jenkins.plugins.dcom.policy.PolicyException;
import io.jenkins.plugins.dcom.policy.PolicyParser;
import io.jenkins.plugins.dcom.policy.Presets;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Which hosts, which policy, how many at once and where the reports go; shared by audit and remediate. */
final class FleetOptions {
    final Path inventory;
    final String policy;
    final long concurrency;
    final Path reportDir;
    final Path backupDir;
    final String shard;

    static void declare(OptionTable table) {
        table.required("inventory", "FILE", "Hosts, one per line: host[:port] [role=site-server|console] "
                        + "[transport=winrm|rrp] [name=NAME].")
                .value("policy", "FILE|PRESET", Presets.KB272937, "A YAML policy file or a preset: " + Presets.KB272937 + ", "
                        + Presets.KB272937_FLEET + ", " + Presets.TCP_ONLY)
                .value("concurrency", "N", "" + Defaults.CONCURRENCY, "Hosts processed at once, 1-" + Defaults.MAX_CONCURRENCY)
                .value("report-dir", "DIR", "dcom-report", "Where report.json, junit.xml and index.html go")
                .value("backup-dir", "DIR", "Where remediate keeps each run's backup records, in a folder per run; audits "
                        + "read them to report values written but not yet in effect (default: REPORT-DIR/backups).")
                .value("shard", "N/M", "Process only shard N of M (every M-th host from the N-th), to split a fleet across "
                        + "agents.");
    }

    FleetOptions(Arguments arguments) throws UsageException {
        inventory = arguments.path("inventory");
        policy = arguments.text("policy");
        concurrency = arguments.number("concurrency");
        reportDir = arguments.path("report-dir");
        backupDir = arguments.path("backup-dir");
        shard = arguments.text("shard");
    }

    /** @return the folder that holds a folder per remediation run */
    Path backupRoot() {
        return backupDir == null ? reportDir.resolve("backups") : backupDir;
    }

    Inventory loadInventory() throws UsageException {
        try {
            Inventory all = new InventoryParser().parse(inventory);
            return shard == null ? all : shard(all);
        } catch (InventoryException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    private Inventory shard(Inventory all) throws UsageException {
        try {
            return Shard.parse(shard).of(all);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--shard: " + e.getMessage(), e);
        }
    }

    Policy loadPolicy() throws UsageException {
        try {
            return new PolicyParser().load(policy, Paths.get("."));
        } catch (PolicyException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    int checkedConcurrency() throws UsageException {
        return Bounds.concurrency(concurrency);
    }
}
