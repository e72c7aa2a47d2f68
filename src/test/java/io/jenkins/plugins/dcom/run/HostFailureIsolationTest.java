package io.jenkins.plugins.dcom.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.policy.Presets;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import org.junit.jupiter.api.Test;

/** Whatever one host's job throws, the run ends with every host's result, that host's classified. */
class HostFailureIsolationTest {
    /** A transport whose sessions fail: host "stack" with a StackOverflowError, "oom" with an OutOfMemoryError. */
    private static final class Throwing implements TransportFactory {
        @Override
        public String name() {
            return "winrm";
        }

        @Override
        public int port(Target target, ConnectionSettings settings) {
            return 5985;
        }

        @Override
        public RegistryTransport open(Target target, ConnectionSettings settings) throws TransportException {
            if (target.getHost().equals("stack")) {
                throw new StackOverflowError();
            }
            if (target.getHost().equals("oom")) {
                throw new OutOfMemoryError("Java heap space");
            }
            throw new TransportException(FailureKind.UNREACHABLE, target.address(), "connection refused");
        }
    }

    @Test
    void aHostWhoseJobThrowsAnErrorEndsAsThatHostsErrorAndTheOthersKeepTheirResults() throws Exception {
        RunOptions options = RunOptions.builder(Mode.AUDIT, new Transports("winrm", new Throwing()),
                ConnectionSettings.builder(new Credentials("u", "p")).build()).policy(Presets.get(Presets.KB272937))
                .concurrency(4).build();

        RunResult result = new ComplianceEngine(options, ProgressListener.NONE)
                .run("r1", new InventoryParser().parse("before\nstack\noom\nafter\n", "inv"));

        assertThat(result.getHosts()).extracting(HostResult::getStatus)
                .containsExactly(HostStatus.UNREACHABLE, HostStatus.ERROR, HostStatus.ERROR, HostStatus.UNREACHABLE);
        assertThat(result.getHosts().get(1).getMessage()).contains("unexpected StackOverflowError while handling this host");
        assertThat(result.getHosts().get(2).getMessage()).contains("unexpected OutOfMemoryError");
    }
}
