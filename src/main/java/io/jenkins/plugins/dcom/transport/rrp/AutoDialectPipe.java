package io.jenkins.plugins.dcom.transport.rrp;

import io.jenkins.plugins.dcom.transport.TransportException;
import java.util.function.Supplier;

/**
 * The automatic dialect choice: SMB2/3 first; SMB1 only when the host refused the SMB port or answered the SMB2
 * negotiation with nothing newer ({@link Smb2Pipe#offeredNoSmb2()}). Never after a logon, access or pipe failure
 * over SMB2: that would send the password again over a weaker dialect and say nothing new.
 */
final class AutoDialectPipe implements WinregPipe {
    private final Smb2Pipe smb2;
    private final Supplier<WinregPipe> smb1;
    private WinregPipe chosen;

    AutoDialectPipe(Smb2Pipe smb2, Supplier<WinregPipe> smb1) {
        this.smb2 = smb2;
        this.smb1 = smb1;
    }

    @Override
    public RpcAnswer call(int opnum, byte[] stub, String operation) throws TransportException, PipeMissing {
        if (chosen != null) {
            return chosen.call(opnum, stub, operation);
        }
        try {
            RpcAnswer answer = smb2.call(opnum, stub, operation);
            chosen = smb2;
            return answer;
        } catch (TransportException e) {
            if (!smb2.offeredNoSmb2()) {
                throw e;
            }
            smb2.close();
            chosen = smb1.get();
            return chosen.call(opnum, stub, operation);
        }
    }

    @Override
    public String dialect() {
        return chosen == null ? smb2.dialect() : chosen.dialect();
    }

    @Override
    public void close() {
        if (chosen != null) {
            chosen.close();
        } else {
            smb2.close();
        }
    }
}
