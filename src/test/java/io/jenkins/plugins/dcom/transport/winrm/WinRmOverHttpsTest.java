package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.contract.WinRmAuthentication;

/**
 * The transport contract over HTTPS with strict certificate checks against the lab's truststore, logging on with
 * Basic (turned on in the hosts' WinRM service): the other way a Windows server can be set up.
 */
class WinRmOverHttpsTest extends WinRmLabContract {
    @Override
    boolean https() {
        return true;
    }

    @Override
    WinRmAuthentication authentication() {
        return WinRmAuthentication.BASIC;
    }
}
