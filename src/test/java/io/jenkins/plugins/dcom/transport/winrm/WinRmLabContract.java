package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHost;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.lab.WinRmServiceSetting;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import io.jenkins.plugins.dcom.transport.RegistryTransportContract;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.TransportFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The transport contract over WinRM against lab hosts; subclasses choose HTTP or HTTPS and how to log on. */
abstract class WinRmLabContract extends RegistryTransportContract {
    private LabFleet fleet;

    abstract boolean https();

    abstract WinRmAuthentication authentication();

    @BeforeEach
    void startFleet() throws Exception {
        List<LabHostSpec> hosts = new ArrayList<>();
        for (LabHostSpec host : LabFixture.contractHosts()) {
            hosts.add(authentication() == WinRmAuthentication.BASIC ? host.service(WinRmServiceSetting.BASIC) : host);
        }
        fleet = startLab(hosts);
    }

    /** @return the fleet under test, started */
    LabFleet startLab(List<LabHostSpec> hosts) throws Exception {
        return LabFixture.start(hosts, https());
    }

    /** @return the running fleet */
    LabFleet fleet() {
        return fleet;
    }

    /** @return the user as this logon names it */
    String user() {
        return "labadmin";
    }

    @AfterEach
    void stopFleet() {
        fleet.close();
    }

    @Override
    protected TransportFactory factory() {
        return new WinRmTransportFactory();
    }

    @Override
    protected Target target(Hosts host) {
        LabHost lab = fleet.host(host.name());
        return Target.of(lab.address(), lab.port(), "winrm");
    }

    @Override
    protected ConnectionSettings settings() {
        return build(LabFixture.PASSWORD);
    }

    @Override
    protected ConnectionSettings wrongPassword() {
        return build("not-the-password");
    }

    /** @return this contract's settings with another password */
    ConnectionSettings build(String password) {
        ConnectionSettings.Builder builder = ConnectionSettings.builder(new Credentials(user(), password))
                .timeouts(5000, 10000).authentication(authentication());
        return https() ? builder.https().build() : builder.build();
    }

    @Override
    protected List<String> storedValue(Hosts host) {
        return fleet.host(host.name()).registry().data();
    }

    @Override
    protected String storedWindowsVersion(Hosts host) {
        return fleet.host(host.name()).spec().getWindowsVersion();
    }

    /** The lab stores entries, as {@code reg.exe} shows them; its own split keeps any count, for the bound tests. */
    @Override
    protected void seed(Hosts host, RegistryValue value) {
        byte[] data = value.getData();
        if (value.getType() != RegistryValue.REG_MULTI_SZ) {
            fleet.host(host.name()).registry().set(value.getTypeName(), Collections.singletonList("0x1"));
            return;
        }
        String text = new String(data, StandardCharsets.UTF_16LE);
        text = text.endsWith("\0\0") ? text.substring(0, text.length() - 2) : text.endsWith("\0") ? text.substring(0, text.length() - 1) : text;
        fleet.host(host.name()).registry().set("REG_MULTI_SZ", Arrays.asList(text.split("\0", -1)));
    }

    @Override
    protected int restartRequests(Hosts host) {
        return fleet.host(host.name()).restarts().size();
    }
}
