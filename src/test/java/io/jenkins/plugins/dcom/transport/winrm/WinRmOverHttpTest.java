package io.jenkins.plugins.dcom.transport.winrm;

/** The transport contract over plain HTTP (allowed explicitly). */
class WinRmOverHttpTest extends WinRmLabContract {
    @Override
    boolean https() {
        return false;
    }
}
