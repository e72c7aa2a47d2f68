package io.jenkins.plugins.dcom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.lab.Kdc;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHost;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A domain fleet whose service account keeps a keytab on the agents, not a password: the command line logs on with the
 * keytab's keys (the tests' MIT KDC exports them), and a keytab that no longer holds the account's keys is one failed
 * logon at the KDC, before any host is tried.
 */
class KeytabLogonTest {
    private static final String USER = "labadmin"; // the account the lab hosts accept tickets of
    private static final String PASSWORD = "Keytab-Only-Passw0rd";

    @TempDir
    Path dir;

    private final CliRunner cli = new CliRunner();

    @BeforeAll
    static void needsAKdc() {
        Kdc.require();
    }

    private static List<LabHostSpec> fleet() {
        return Arrays.asList(LabHostSpec.host("SMS-SITE-01", "ncadg_ip_udp", "ncacn_ip_tcp").downtime(200),
                LabHostSpec.host("SMS-SITE-02", "ncadg_ip_udp", "ncacn_ip_tcp").downtime(200));
    }

    private int run(Path inventory, Path keytab, String... command) {
        List<String> args = new ArrayList<>(Arrays.asList(command));
        args.addAll(Arrays.asList("--inventory", inventory.toString(), "--auth", "kerberos", "--user", USER + "@" + Kdc.REALM,
                "--keytab", keytab.toString(), "--report-dir", dir.resolve(command[0] + "-" + System.nanoTime()).toString()));
        return cli.run(args.toArray(new String[0]));
    }

    @Test
    void aKeytabAuditsAndRemediatesAKerberosFleetWithNoPasswordAnywhere() throws Exception {
        try (Kdc kdc = Kdc.start(USER, PASSWORD).configureJvm();
                LabFleet fleet = LabFleet.start(fleet(), "not-used-by-kerberos", null, 0, kdc.keytab())) {
            Path keytab = kdc.userKeytab(USER);
            Path inventory = fleet.writeInventory(dir.resolve("inventory.txt"));

            assertThat(run(inventory, keytab, "audit")).as(cli.output()).isEqualTo(2);
            assertThat(run(inventory, keytab, "remediate", "--restart", "--restart-delay", "0", "--restart-poll", "200",
                    "--restart-wait-down", "20", "--restart-wait-up", "30")).as(cli.output()).isZero();
            assertThat(run(inventory, keytab, "audit")).as(cli.output()).isZero();

            for (LabHost host : fleet.hosts()) {
                assertThat(host.registry().data()).startsWith("ncacn_ip_tcp");
                assertThat(host.counters().plainMessages()).isZero();
            }
            assertThat(kdc.logLines("PREAUTH_FAILED")).isZero();
        }
    }

    @Test
    void aKeytabWithTheKeysOfAnOldPasswordIsOneFailedLogonAndNoHostIsTried() throws Exception {
        try (Kdc kdc = Kdc.start(USER, PASSWORD).configureJvm();
                LabFleet fleet = LabFleet.start(fleet(), "not-used-by-kerberos", null, 0, kdc.keytab())) {
            Path keytab = kdc.userKeytab(USER);
            kdc.changePassword(USER, "Rotated-Passw0rd-2");
            Path inventory = fleet.writeInventory(dir.resolve("inventory.txt"));

            assertThat(run(inventory, keytab, "audit")).as(cli.output()).isEqualTo(3);

            assertThat(cli.output()).contains("AUTH_FAILED").contains("with the keytab " + keytab)
                    .contains("export it again after a password change").contains("SKIPPED");
            assertThat(kdc.logLines("PREAUTH_FAILED")).as("one failed logon at the KDC").isEqualTo(1);
            for (LabHost host : fleet.hosts()) {
                assertThat(host.counters().sealedMessages() + host.counters().plainMessages()).as("no host was sent a message")
                        .isZero();
            }
        }
    }

    @Test
    void aKeytabGoesWithKerberosAndNeverBesideAPassword() throws Exception {
        Path keytab = java.nio.file.Files.write(dir.resolve("some.keytab"), new byte[] {5, 2});
        Path inventory = java.nio.file.Files.write(dir.resolve("inventory.txt"), "host01\n".getBytes());

        assertThat(cli.run("audit", "--inventory", inventory.toString(), "--user", USER, "--keytab", keytab.toString()))
                .isEqualTo(1);
        assertThat(cli.run("audit", "--inventory", inventory.toString(), "--user", USER + "@" + Kdc.REALM, "--auth", "kerberos",
                "--keytab", keytab.toString(), "--password-env", "LAB_PASSWORD")).isEqualTo(1);

        assertThat(cli.output()).contains("--keytab logs on with Kerberos: add --auth kerberos")
                .contains("give --keytab or a password (--password-env, --password-file), not both");
    }
}
