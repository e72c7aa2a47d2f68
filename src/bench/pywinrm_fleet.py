"""The peer for the cold-start benchmark: audits every host of an inventory with Debian's pywinrm (python3-winrm,
python3-requests-ntlm), NTLM with message encryption, one `reg query` of DCOM Protocols each, as many hosts at once as
asked. Not a test: it prints how many hosts answered, for bench/cold-start.sh.

Usage: pywinrm_fleet.py INVENTORY CONCURRENCY; the user and password come from WINRM_USER and WINRM_PASSWORD.
"""
import os
import sys
from concurrent.futures import ThreadPoolExecutor

from winrm.protocol import Protocol

QUERY = ["query", "\"HKLM\\SOFTWARE\\Microsoft\\Rpc\"", "/v", "\"DCOM Protocols\""]  # quoted, as cmd.exe needs


def audit(address):
    endpoint = address if ":" in address else address + ":5985"  # WinRM's HTTP port, as the inventory leaves it out
    protocol = Protocol("http://%s/wsman" % endpoint, transport="ntlm", username=os.environ["WINRM_USER"],
                        password=os.environ["WINRM_PASSWORD"], message_encryption="always")
    shell = protocol.open_shell()
    command = protocol.run_command(shell, "reg", QUERY)
    stdout, _, code = protocol.get_command_output(shell, command)
    protocol.cleanup_command(shell, command)
    protocol.close_shell(shell)
    return code == 0 and b"ncacn_ip_tcp" in stdout


def main():
    inventory, concurrency = sys.argv[1], int(sys.argv[2])
    with open(inventory, encoding="utf-8") as lines:
        hosts = [line.split()[0] for line in lines if line.strip() and not line.startswith("#")]
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        answered = sum(1 for ok in pool.map(audit, hosts) if ok)
    print("%d of %d hosts answered" % (answered, len(hosts)))


if __name__ == "__main__":
    main()
