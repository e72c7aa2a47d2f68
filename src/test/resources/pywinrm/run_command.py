"""Runs one command on a WinRM endpoint with Debian's pywinrm (python3-winrm, python3-requests-ntlm): the
independent client that judges the lab's endpoints, as impacket judges the Samba hosts.

Usage: run_command.py ENDPOINT TRANSPORT ENCRYPTION CODEPAGE COMMAND [ARG...]
  TRANSPORT ntlm|basic|kerberos; ENCRYPTION always|never|auto; the user and password come from the environment
  (WINRM_USER, WINRM_PASSWORD), never from the command line. For kerberos the ticket comes from the credential cache
  (KRB5CCNAME, filled by kinit), with python3-requests-kerberos on MIT through mit_kerberos.py.
Prints one JSON object: {"exit": N, "stdout": hex, "stderr": hex} or {"error": class name, "status": HTTP status}.
"""
import json
import os
import sys

if sys.argv[2:3] == ["kerberos"]:
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import mit_kerberos

    sys.modules["kerberos"] = mit_kerberos

from winrm.exceptions import InvalidCredentialsError, WinRMTransportError
from winrm.protocol import Protocol


def main():
    endpoint, transport, encryption, codepage, command = sys.argv[1:6]
    arguments = sys.argv[6:]
    protocol = Protocol(endpoint, transport=transport, username=os.environ["WINRM_USER"],
                        password=os.environ["WINRM_PASSWORD"], message_encryption=encryption,
                        server_cert_validation="ignore")
    try:
        shell = protocol.open_shell(codepage=int(codepage))
        command_id = protocol.run_command(shell, command, arguments)
        stdout, stderr, code = protocol.get_command_output(shell, command_id)
        protocol.cleanup_command(shell, command_id)
        protocol.close_shell(shell)
        print(json.dumps({"exit": code, "stdout": stdout.hex(), "stderr": stderr.hex()}))
    except InvalidCredentialsError as e:
        print(json.dumps({"error": type(e).__name__, "status": 401}))
    except WinRMTransportError as e:
        print(json.dumps({"error": type(e).__name__, "status": e.code}))


if __name__ == "__main__":
    main()
