"""The part of pykerberos' API that requests-kerberos 0.12 calls, on MIT Kerberos through Debian's python3-gssapi.

Why: Debian 12's pykerberos 1.1.14 lacks authGSSWinRMEncryptMessage/authGSSWinRMDecryptMessage (added upstream in
pykerberos 1.2), so pywinrm cannot encrypt Kerberos messages with it. These functions do what pykerberos 1.2's C
code does: gss_init_sec_context for the krb5 mechanism, and for WinRM gss_wrap_iov with a HEADER, DATA and PADDING
buffer and gss_unwrap_iov with a HEADER and DATA buffer. MIT does the cryptography and reads only the layout Windows
uses, so the lab is judged by MIT; pywinrm frames the messages and requests-kerberos runs the HTTP exchange.
run_command.py installs this module as `kerberos` before pywinrm imports requests-kerberos.
"""
import base64

import gssapi
from gssapi.raw import IOV, IOVBufferType, unwrap_iov, wrap_iov

AUTH_GSS_COMPLETE = 1
AUTH_GSS_CONTINUE = 0
GSS_C_DELEG_FLAG = gssapi.RequirementFlag.delegate_to_peer
GSS_C_MUTUAL_FLAG = gssapi.RequirementFlag.mutual_authentication
GSS_C_SEQUENCE_FLAG = gssapi.RequirementFlag.out_of_sequence_detection


class GSSError(Exception):
    pass


class _Context:
    def __init__(self, service, flags, principal):
        name = gssapi.Name(service, gssapi.NameType.hostbased_service)
        credentials = None
        if principal is not None:  # that principal's ticket from the credential cache, as pykerberos takes it
            user = gssapi.Name(principal, gssapi.NameType.kerberos_principal)
            credentials = gssapi.Credentials(name=user, usage="initiate")
        self.context = gssapi.SecurityContext(name=name, mech=gssapi.MechType.kerberos, flags=flags, usage="initiate",
                                              creds=credentials)
        self.response = None


def authGSSClientInit(service, gssflags=GSS_C_MUTUAL_FLAG | GSS_C_SEQUENCE_FLAG, principal=None, **_):
    try:
        return AUTH_GSS_COMPLETE, _Context(service, gssflags, principal)
    except gssapi.exceptions.GSSError as error:
        raise GSSError(str(error)) from error


def authGSSClientStep(context, challenge, **_):
    try:
        token = context.context.step(base64.b64decode(challenge) if challenge else None)
    except gssapi.exceptions.GSSError as error:
        raise GSSError(str(error)) from error
    context.response = base64.b64encode(token).decode() if token else None
    return AUTH_GSS_COMPLETE if context.context.complete else AUTH_GSS_CONTINUE


def authGSSClientResponse(context):
    return context.response


def authGSSWinRMEncryptMessage(context, message):
    iov = IOV(IOVBufferType.header, message, IOVBufferType.padding, std_layout=False)
    wrap_iov(context.context, iov, confidential=True)
    return iov[1].value + (iov[2].value or b""), iov[0].value


def authGSSWinRMDecryptMessage(context, message, header):
    iov = IOV((IOVBufferType.header, False, header), message, std_layout=False)
    unwrap_iov(context.context, iov)
    return iov[1].value
