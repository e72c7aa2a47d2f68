package io.jenkins.plugins.dcom.transport.winrm;

/** The transport contract over HTTPS with strict certificate checks against the lab's truststore. */
class WinRmOverHttpsTest extends WinRmLabContract {
    @Override
    boolean https() {
        return true;
    }
}
