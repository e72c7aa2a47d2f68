package io.jenkins.plugins.dcom.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InventoryParserTest {
    private final InventoryParser parser = new InventoryParser();

    private Inventory parse(String text) throws InventoryException {
        return parser.parse(text, "servers.txt");
    }

    private void assertRejected(String text, String... fragments) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InventoryException.class).hasMessageContainingAll(fragments);
    }

    @Test
    void shouldReadHostsPortsFieldsCommentsAndBlankLines() throws Exception {
        Inventory inventory = parse("# KB272937 fleet\r\n\r\nsms-site-01.corp.example:5986  role=site-server transport=winrm\r\n"
                + "10.1.2.3 role=console name=ADMIN-PC-7   # Windows 2000\r\n[fe80::1]:5985 transport=rrp\r\n");

        assertThat(inventory.getTargets()).extracting(Target::address)
                .containsExactly("sms-site-01.corp.example:5986", "10.1.2.3", "[fe80::1]:5985");
        Target console = inventory.getTargets().get(1);
        assertThat(console.getRole()).isEqualTo(Role.CONSOLE);
        assertThat(console.getName()).isEqualTo("ADMIN-PC-7");
        assertThat(console.getPort()).isNull();
        assertThat(console.getLine()).isEqualTo(4);
        assertThat(inventory.getTargets().get(2).getHost()).isEqualTo("fe80::1");
        assertThat(inventory.getTargets().get(2).getTransport()).isEqualTo("rrp");
    }

    @Test
    void aLineMaySetItsHostsWinrmListenerAndOnlyForWinrm() throws Exception {
        Inventory inventory = parse("legacy-2008r2 winrm=https\nserver02 winrm=http transport=winrm\nserver03\n");

        assertThat(inventory.getTargets()).extracting(Target::getHttps).containsExactly(true, false, null);
        assertRejected("server01 winrm=tls\n", "line 1", "winrm 'tls' is unknown", "winrm=https");
        assertRejected("server01 transport=rrp winrm=https\n", "line 1", "applies to transport=winrm, not rrp");
    }

    @Test
    void shouldRejectAHostNameThatCouldCarryACommand() {
        assertRejected("good-host\nbad&calc.exe\n", "servers.txt line 2", "not a valid host name");
        assertRejected("-oops\n", "line 1", "not a valid host name");
        assertRejected("300.1.1.1\n", "line 1", "not a valid host name");
    }

    @Test
    void shouldRejectAPortOutOfRange() {
        assertRejected("server01:70000\n", "line 1", "port 70000", "1-65535");
    }

    @Test
    void shouldRejectUnknownFieldsRolesAndTransports() {
        assertRejected("server01 rol=console\n", "line 1", "unknown field 'rol'");
        assertRejected("server01 role=dc\n", "line 1", "role=site-server or role=console");
        assertRejected("server01 transport=ssh\n", "line 1", "transport=winrm or transport=rrp");
        assertRejected("server01 console\n", "line 1", "not key=value");
    }

    @Test
    void shouldRejectADuplicateNamingBothLines() {
        assertRejected("server01:5986\n# again\nSERVER01:5986\n", "line 3", "already listed on line 1");
    }

    @Test
    void shouldRejectAnInventoryWithoutHosts() {
        assertRejected("# nothing here\n\n", "lists no host");
    }

    @Test
    void shouldSplitAFleetIntoShardsThatTogetherCoverEveryHost() throws Exception {
        Inventory inventory = parse("a1\na2\na3\na4\na5\n");

        assertThat(inventory.shard(1, 2).getTargets()).extracting(Target::getHost).containsExactly("a1", "a3", "a5");
        assertThat(inventory.shard(2, 2).getTargets()).extracting(Target::getHost).containsExactly("a2", "a4");
    }
}
