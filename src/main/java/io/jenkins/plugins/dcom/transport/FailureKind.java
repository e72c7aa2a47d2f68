package io.jenkins.plugins.dcom.transport;

import io.jenkins.plugins.dcom.contract.Setting;

/**
 * Why a remote operation failed, classified once, in the transport that saw it. Each kind carries the advice a
 * Windows admin needs first; the exception message adds the host and the detail.
 */
public enum FailureKind {
    UNREACHABLE("check the host name, the port, the firewall, and that the service (WinRM or Remote Registry) is running"),
    AUTH_FAILED("check the user name and password; for a local account use 'user', for a domain account 'user@REALM' (WinRM) or 'DOMAIN\\user' (rrp)"),
    ACCESS_DENIED("the account needs local Administrator rights to change HKLM and to restart the server"),
    VALUE_MISSING("HKLM\\SOFTWARE\\Microsoft\\Rpc\\DCOM Protocols does not exist; set the protocols once with dcomcnfg, then run again"),
    WRONG_TYPE("DCOM Protocols must be REG_MULTI_SZ; Windows ignores it otherwise. Delete the value and set the protocols with dcomcnfg"),
    MALFORMED_VALUE("DCOM Protocols holds data that is no list of protocol names; look at it with regedit, delete it and set the protocols with dcomcnfg"),
    TIMEOUT("the host did not answer in time; raise " + Setting.TIMEOUT.option() + " or check the network and the host's load"),
    TLS_FAILED("the HTTPS handshake failed: as the detail says, trust the host's certificate (" + Setting.TRUSTSTORE + " with its CA) and "
            + "list the host under the name it carries, or let the host offer TLS 1.2"),
    RESTART_ALREADY_SCHEDULED("a shutdown is already scheduled on the host (someone or something ran shutdown): the new value "
            + "takes effect when it happens; to restart now, cancel it there with shutdown /a and run again with "
            + Setting.RESTART),
    NOT_REBOOTED("the host accepted the restart but its boot time did not change: the restart was aborted (shutdown /a) "
            + "or is still to come; the value is written and takes effect at the next restart"),
    RESTART_REFUSED("the host refused the restart request; see the Windows error, restart the server by hand when it allows"),
    INVALID_VALUE("a value failed validation before it was sent; nothing was sent to the host"),
    PROTOCOL_ERROR("the remote service answered in an unexpected way; see the detail");

    private final String advice;

    FailureKind(String advice) {
        this.advice = advice;
    }

    /** @return what to do about it, in one sentence */
    public String advice() {
        return advice;
    }
}
