package io.jenkins.plugins.dcom.transport.winrm;

import java.io.IOException;

/**
 * The security context of one logged-on WinRM session over HTTP, as [MS-WSMV] 2.2.9.1 uses it: each message becomes a
 * header (the signature, or the Kerberos token header) and data as long as the message, both carried in the
 * {@code multipart/encrypted} framing of {@link SealedMessages}. Stateful (sequence numbers, RC4 streams): messages go
 * out and come back in order, one at a time.
 */
interface MessageCipher {
    /** @return {@code {header, data}}: {@code message} encrypted, {@code data} exactly as long as {@code message} */
    byte[][] wrap(byte[] message) throws IOException;

    /**
     * @return the host's message
     * @throws IOException when the header does not verify the data: another key, another sequence number, an altered
     *                     or unencrypted message
     */
    byte[] unwrap(byte[] header, byte[] data) throws IOException;
}
