package io.jenkins.plugins.dcom.transport.winrm;

/** Kerberos over an HTTPS listener: the TLS channel protects the messages, the logon is the same. */
class WinRmKerberosOverHttpsTest extends KerberosLabContract {
    @Override
    boolean https() {
        return true;
    }
}
