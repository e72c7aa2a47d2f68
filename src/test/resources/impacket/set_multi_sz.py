"""Sets HKLM\\SOFTWARE\\Microsoft\\Rpc\\DCOM Protocols as REG_MULTI_SZ over [MS-RRP] with impacket, an independent client.

usage: set_multi_sz.py HOST DOMAIN USER PASSWORD ENTRY...   (the password comes from the DCOM_TEST_PASSWORD variable if PASSWORD is '-')
"""
import os
import sys

from impacket.dcerpc.v5 import rrp, transport

host, domain, user, password = sys.argv[1:5]
if password == '-':
    password = os.environ['DCOM_TEST_PASSWORD']
entries = sys.argv[5:]

binding = transport.DCERPCTransportFactory(r'ncacn_np:%s[\pipe\winreg]' % host)
binding.set_credentials(user, password, domain)
dce = binding.get_dce_rpc()
dce.connect()
dce.bind(rrp.MSRPC_UUID_RRP)
hklm = rrp.hOpenLocalMachine(dce)['phKey']
key = rrp.hBaseRegOpenKey(dce, hklm, 'SOFTWARE\\Microsoft\\Rpc', samDesired=rrp.KEY_SET_VALUE | rrp.KEY_QUERY_VALUE)['phkResult']
rrp.hBaseRegSetValue(dce, key, 'DCOM Protocols', rrp.REG_MULTI_SZ, '\x00'.join(entries) + '\x00\x00')
rrp.hBaseRegCloseKey(dce, key)
rrp.hBaseRegCloseKey(dce, hklm)
dce.disconnect()
print('set %d entries' % len(entries))
