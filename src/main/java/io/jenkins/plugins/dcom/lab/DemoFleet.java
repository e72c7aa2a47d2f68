package io.jenkins.plugins.dcom.lab;

import java.util.Arrays;
import java.util.List;

/**
 * The fleet of KB Q272937, for the demo and for {@code lab} by default: Windows NT 4.0 SMS site servers that put
 * datagram UDP first, Windows 2000 consoles that put TCP first, one host that is down and one that refuses writes.
 */
public final class DemoFleet {
    private DemoFleet() {
    }

    /** NT 4.0 listens on tcp, spx, nb_nb, nb_ipx, udp, ipx, with UDP first ([MS-DCOM] note 51, KB272937). */
    static final String[] NT4 = {"ncadg_ip_udp", "ncacn_ip_tcp", "ncacn_spx", "ncacn_nb_nb", "ncacn_nb_ipx", "ncadg_ipx"};
    /** Windows 2000 lists tcp first (KB242022). */
    static final String[] W2K = {"ncacn_ip_tcp", "ncacn_spx", "ncacn_nb_nb", "ncacn_nb_ipx"};

    /**
     * @param downtimeMillis how long a restarted host stays away
     * @return the demo hosts
     */
    public static List<LabHostSpec> specs(long downtimeMillis) {
        return Arrays.asList(
                LabHostSpec.host("SMS-SITE-01", NT4).windows("4.0").role("site-server").downtime(downtimeMillis),
                LabHostSpec.host("SMS-SITE-02", NT4).windows("4.0").role("site-server").downtime(downtimeMillis),
                LabHostSpec.host("SMS-SITE-03", NT4).windows("4.0").role("site-server").downtime(downtimeMillis).fault(LabFault.DENY_WRITE),
                LabHostSpec.host("SMS-ADMIN-01", W2K).windows("5.0").role("console").downtime(downtimeMillis),
                LabHostSpec.host("SMS-ADMIN-02", W2K).windows("5.0").role("console").downtime(downtimeMillis),
                LabHostSpec.host("SMS-ADMIN-03", W2K).windows("5.0").role("console").downtime(downtimeMillis).fault(LabFault.UNREACHABLE));
    }
}
