package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.contract.WinRmAuthentication;

/** The transport contract against hosts as Windows ships them: HTTP, Negotiate, every message sealed, Basic off. */
class WinRmOverHttpTest extends WinRmLabContract {
    @Override
    boolean https() {
        return false;
    }

    @Override
    WinRmAuthentication authentication() {
        return WinRmAuthentication.NEGOTIATE;
    }
}
