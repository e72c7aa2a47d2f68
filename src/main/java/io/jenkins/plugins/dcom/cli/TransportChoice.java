package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.contract.TransportNames;
import io.jenkins.plugins.dcom.run.Transports;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.rrp.RrpTransportFactory;
import io.jenkins.plugins.dcom.transport.winrm.WinRmTransportFactory;

/** The transports this build ships, with the run's default. */
final class TransportChoice {
    private TransportChoice() {
    }

    static Transports of(String defaultName, ConnectionSettings settings) throws UsageException {
        try {
            return new Transports(TransportNames.check(defaultName), new WinRmTransportFactory(), new RrpTransportFactory(settings));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--transport " + e.getMessage(), e);
        }
    }
}
