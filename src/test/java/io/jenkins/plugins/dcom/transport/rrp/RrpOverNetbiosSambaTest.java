package io.jenkins.plugins.dcom.transport.rrp;

/** The transport contract against Windows NT 4.0: nothing on 445, SMB1 over the NetBIOS session service on 139. */
class RrpOverNetbiosSambaTest extends RrpSambaContract {
    @Override
    SmbShape shape() {
        return SmbShape.NETBIOS_ONLY;
    }

    @Override
    String expectedDialect() {
        return "SMB1 (NT LM 0.12)";
    }
}
