package io.jenkins.plugins.dcom.transport.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import io.jenkins.plugins.dcom.transport.Credentials;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which listener a host is reached on: its winrm= field, else its WinRM port's convention, else --https. */
class ListenerChoiceTest {
    private static final ConnectionSettings HTTP = ConnectionSettings.builder(new Credentials("u", "p")).build();
    private static final ConnectionSettings HTTPS = ConnectionSettings.builder(new Credentials("u", "p")).https().build();

    private static List<Target> hosts(String inventory) throws Exception {
        return new InventoryParser().parse(inventory, "servers.txt").getTargets();
    }

    @Test
    void aHostWrittenWithPort5986IsReachedOverHttpsAsPywinrmReadsThatPort() throws Exception {
        List<Target> hosts = hosts("old-style:5986\nplain:5985\nnamed\ncustom:15985\npinned:5986 winrm=http\n");

        assertThat(WinRmTransportFactory.https(hosts.get(0), HTTP)).isTrue();
        assertThat(WinRmTransportFactory.https(hosts.get(1), HTTPS)).isFalse();
        assertThat(WinRmTransportFactory.https(hosts.get(2), HTTP)).isFalse();
        assertThat(WinRmTransportFactory.https(hosts.get(2), HTTPS)).isTrue();
        assertThat(WinRmTransportFactory.https(hosts.get(3), HTTPS)).isTrue();
        assertThat(WinRmTransportFactory.https(hosts.get(4), HTTPS)).as("the field wins").isFalse();
    }
}
