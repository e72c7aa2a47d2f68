package io.jenkins.plugins.dcom.transport.rrp;

/** The command line's audit, dry run, remediation with restart, and rollback against Windows 2000 and 2003 (SMB1 only). */
class RrpOverSmb1EndToEndTest extends RrpEndToEndContract {
    @Override
    SmbShape shape() {
        return SmbShape.SMB1_ONLY;
    }
}
