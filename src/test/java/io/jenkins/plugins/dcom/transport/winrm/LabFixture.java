package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.lab.LabFault;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.lab.LabHostSpec;
import io.jenkins.plugins.dcom.lab.LabTls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Lab fleets for tests, and the one TLS directory they share (keytool runs once per test JVM). */
public final class LabFixture {
    public static final String PASSWORD = "Lab-Passw0rd!";
    private static LabTls tls;

    private LabFixture() {
    }

    /** @return TLS material generated once per JVM, and installed as the JVM's truststore */
    public static synchronized LabTls tls() throws IOException {
        if (tls == null) {
            Path directory = Files.createTempDirectory("dcom-lab-tls");
            tls = LabTls.in(directory);
            System.setProperty("javax.net.ssl.trustStore", tls.truststore().toString());
            System.setProperty("javax.net.ssl.trustStorePassword", LabTls.TRUSTSTORE_PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        }
        return tls;
    }

    /** The hosts of the transport contract, named after {@code RegistryTransportContract.Hosts}. */
    public static List<LabHostSpec> contractHosts() {
        return Arrays.asList(
                LabHostSpec.host("NT4", "ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx").windows("4.0")
                        .value("SOFTWARE\\Microsoft\\Ole", "EnableDCOM", "REG_SZ", "N"),
                LabHostSpec.host("WIN2000", "ncacn_ip_tcp", "ncacn_spx", "ncacn_nb_nb").windows("5.0"),
                LabHostSpec.host("VALUE_MISSING").fault(LabFault.VALUE_MISSING),
                LabHostSpec.host("REG_SZ", "ncacn_ip_tcp").fault(LabFault.REG_SZ),
                LabHostSpec.host("READ_ONLY", "ncadg_ip_udp", "ncacn_ip_tcp").fault(LabFault.DENY_WRITE),
                LabHostSpec.host("UNREACHABLE", "ncacn_ip_tcp").fault(LabFault.UNREACHABLE));
    }

    public static LabFleet start(List<LabHostSpec> specs, boolean https) throws IOException {
        return LabFleet.start(specs, PASSWORD, https ? tls() : null, 0);
    }
}
