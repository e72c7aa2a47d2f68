package io.jenkins.plugins.dcom.lab;

/**
 * The server's half of one logged-on WinRM session's message encryption ([MS-WSMV] 2.2.9.1): a message arrives as a
 * header and encrypted data, an answer leaves as the same two parts, framed by {@link EncryptedBody}. NTLM
 * ({@link NtlmServerCipher}) and Kerberos ({@link KerberosServerCipher}) are the two Windows offers on a default listener.
 */
interface ServerCipher {
    /** @return whether the logon agreed to encryption, so messages can be sealed */
    boolean canSeal();

    /**
     * @return the client's message
     * @throws IllegalArgumentException when the header does not verify the data: altered, replayed, other keys
     */
    byte[] unseal(byte[] header, byte[] data);

    /** @return {@code {header, data}}: the answer encrypted for the client */
    byte[][] seal(byte[] message);
}
