"""Reads or writes HKLM\\SOFTWARE\\Microsoft\\Rpc\\DCOM Protocols byte for byte over [MS-RRP] with impacket, an
independent client, so that tests can seed any shape (a single-NUL terminator, UTF-16 look-alikes, control
characters, other types) and check what the tool wrote without trusting the tool's own codec.

usage: registry_value.py HOST DOMAIN USER get             -> prints "TYPE HEX" (type code in decimal, data in hex)
       registry_value.py HOST DOMAIN USER set TYPE         -> writes the bytes given in hex on standard input
The password comes from the DCOM_TEST_PASSWORD variable; DCOM_TEST_PORT=139 reaches a host over the NetBIOS session
service (as NT 4.0), calling it *SMBSERVER.
"""
import os
import sys

from impacket.dcerpc.v5 import rrp, transport

host, domain, user, verb = sys.argv[1:5]
password = os.environ['DCOM_TEST_PASSWORD']

binding = transport.DCERPCTransportFactory(r'ncacn_np:%s[\pipe\winreg]' % host)
binding.set_credentials(user, password, domain)
if os.environ.get('DCOM_TEST_PORT') == '139':
    binding.set_dport(139)
    binding.setRemoteName('*SMBSERVER')
dce = binding.get_dce_rpc()
dce.connect()
dce.bind(rrp.MSRPC_UUID_RRP)
hklm = rrp.hOpenLocalMachine(dce)['phKey']
key = rrp.hBaseRegOpenKey(dce, hklm, 'SOFTWARE\\Microsoft\\Rpc',
                          samDesired=rrp.KEY_SET_VALUE | rrp.KEY_QUERY_VALUE)['phkResult']
if verb == 'set':
    request = rrp.BaseRegSetValue()
    request['hKey'] = key
    request['lpValueName'] = 'DCOM Protocols\x00'
    request['dwType'] = int(sys.argv[5])
    request['lpData'] = bytes.fromhex(sys.stdin.read().strip())
    request['cbData'] = len(request['lpData'])
    dce.request(request)
    print('set %d bytes' % len(request['lpData']))
else:
    size = 65536
    request = rrp.BaseRegQueryValue()
    request['hKey'] = key
    request['lpValueName'] = 'DCOM Protocols\x00'
    request['lpData'] = b' ' * size
    request['lpcbData'] = size
    request['lpcbLen'] = size
    answer = dce.request(request)
    print('%d %s' % (answer['lpType'], b''.join(answer['lpData']).hex()))
rrp.hBaseRegCloseKey(dce, key)
rrp.hBaseRegCloseKey(dce, hklm)
dce.disconnect()
