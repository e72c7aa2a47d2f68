package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.backup.BackupStore;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.policy.Presets;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.winrm.LabFixture;
import io.jenkins.plugins.dcom.transport.winrm.WinRmTransportFactory;
import java.nio.file.Path;
import java.util.Arrays;

/** A lab fleet over HTTP and the engine wired to it, for engine tests. */
final class LabRun implements AutoCloseable {
    final LabFleet fleet;
    final Inventory inventory;

    LabRun(LabHostSpec... specs) throws Exception {
        fleet = LabFixture.start(Arrays.asList(specs), false);
        inventory = new InventoryParser().parse(fleet.inventory(), "lab");
    }

    static ConnectionSettings settings(int socketTimeoutMillis) {
        return ConnectionSettings.builder(new Credentials("labadmin", LabFixture.PASSWORD)).allowHttp()
                .timeouts(2000, socketTimeoutMillis).build();
    }

    RunOptions.Builder options(Mode mode, Path backups) throws Exception {
        return RunOptions.builder(mode, new Transports("winrm", new WinRmTransportFactory()), settings(5000))
                .policy(Presets.get(Presets.KB272937)).backups(new BackupStore(backups)).concurrency(4);
    }

    RunResult run(RunOptions options) throws InterruptedException {
        return new ComplianceEngine(options, ProgressListener.NONE).run("test-run", inventory);
    }

    HostResult result(RunResult run, String name) {
        for (HostResult host : run.getHosts()) {
            if (name.equals(host.getTarget().getName())) {
                return host;
            }
        }
        throw new AssertionError("no result for " + name);
    }

    @Override
    public void close() {
        fleet.close();
    }
}
