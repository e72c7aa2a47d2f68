package io.jenkins.plugins.dcom.transport.rrp;

/** The transport contract against Windows Server 2019 and later: no SMB1, so smbj and dcerpc, SMB 3.1.1. */
class RrpOverSmb3SambaTest extends RrpSambaContract {
    @Override
    SmbShape shape() {
        return SmbShape.SMB2_ONLY;
    }

    @Override
    String expectedDialect() {
        return "SMB 3.1.1";
    }
}
