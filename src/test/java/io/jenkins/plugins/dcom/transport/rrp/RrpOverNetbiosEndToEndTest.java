package io.jenkins.plugins.dcom.transport.rrp;

/** The command line's audit, dry run, remediation with restart, and rollback against Windows NT 4.0 (SMB1 over NetBIOS on 139). */
class RrpOverNetbiosEndToEndTest extends RrpEndToEndContract {
    @Override
    SmbShape shape() {
        return SmbShape.NETBIOS_ONLY;
    }
}
