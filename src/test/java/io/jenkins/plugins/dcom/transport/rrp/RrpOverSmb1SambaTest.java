package io.jenkins.plugins.dcom.transport.rrp;

/** The transport contract against Windows 2000 and 2003: SMB1 only, so the automatic choice falls back to j-Interop. */
class RrpOverSmb1SambaTest extends RrpSambaContract {
    @Override
    SmbShape shape() {
        return SmbShape.SMB1_ONLY;
    }

    @Override
    String expectedDialect() {
        return "SMB1 (NT LM 0.12)";
    }
}
