package io.jenkins.plugins.dcom.lab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;

/**
 * The server side of NTLMv2 for one connection, as a Windows host checks a local account ([MS-NLMP] 3.2.5, 3.3.2):
 * answers the client's NEGOTIATE_MESSAGE with a CHALLENGE_MESSAGE, then verifies the AUTHENTICATE_MESSAGE's
 * NTProofStr against the account's password and derives the session key. Only NTLMv2 with extended session security
 * is accepted (NTLMv1 responses are refused, as Windows does with LmCompatibilityLevel 5); the MIC is not checked.
 *
 * <p>This is the lab's model of a Windows host, judged by an independent client (pywinrm with requests-ntlm); the
 * product's own client uses a library's NTLM engine, never this class.
 */
final class NtlmAcceptor {
    static final int NEGOTIATE_UNICODE = 0x00000001;
    static final int NEGOTIATE_OEM = 0x00000002;
    static final int REQUEST_TARGET = 0x00000004;
    static final int NEGOTIATE_SIGN = 0x00000010;
    static final int NEGOTIATE_SEAL = 0x00000020;
    static final int NEGOTIATE_NTLM = 0x00000200;
    static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
    static final int TARGET_TYPE_SERVER = 0x00020000;
    static final int EXTENDED_SESSIONSECURITY = 0x00080000;
    static final int NEGOTIATE_TARGET_INFO = 0x00800000;
    static final int NEGOTIATE_VERSION = 0x02000000;
    static final int NEGOTIATE_128 = 0x20000000;
    static final int NEGOTIATE_KEY_EXCH = 0x40000000;
    static final int NEGOTIATE_56 = 0x80000000;
    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    /** What the server offers back when the client asked for it. */
    private static final int ECHOED = NEGOTIATE_SIGN | NEGOTIATE_SEAL | EXTENDED_SESSIONSECURITY
            | NEGOTIATE_128 | NEGOTIATE_KEY_EXCH | NEGOTIATE_56;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String computerName;
    private byte[] serverChallenge;
    private int flags;

    /** @param computerName the NetBIOS name the host announces, upper case */
    NtlmAcceptor(String computerName) {
        this.computerName = computerName;
    }

    /** @return whether the token is an NTLMSSP message of this type (1, 2 or 3) */
    static boolean isMessage(byte[] token, int type) {
        return token.length >= 12 && Arrays.equals(Arrays.copyOf(token, 8), SIGNATURE) && le(token).getInt(8) == type;
    }

    /** @return the CHALLENGE_MESSAGE for this NEGOTIATE_MESSAGE; a new challenge each time */
    byte[] challenge(byte[] negotiate) {
        int asked = le(negotiate).getInt(12);
        int encoding = (asked & NEGOTIATE_UNICODE) != 0 ? NEGOTIATE_UNICODE : NEGOTIATE_OEM;
        flags = (asked & ECHOED) | encoding | REQUEST_TARGET | NEGOTIATE_NTLM | NEGOTIATE_ALWAYS_SIGN | TARGET_TYPE_SERVER
                | NEGOTIATE_TARGET_INFO | NEGOTIATE_VERSION;
        serverChallenge = new byte[8];
        RANDOM.nextBytes(serverChallenge);
        byte[] target = text(computerName, flags);
        byte[] info = targetInfo();
        ByteBuffer out = le(ByteBuffer.allocate(56 + target.length + info.length));
        out.put(SIGNATURE).putInt(2);
        out.putShort((short) target.length).putShort((short) target.length).putInt(56);
        out.putInt(flags).put(serverChallenge).putLong(0);
        out.putShort((short) info.length).putShort((short) info.length).putInt(56 + target.length);
        out.put(new byte[] {10, 0, 0x63, 0x45, 0, 0, 0, 15}); // Windows 10.0 build 17763, NTLM revision 15
        out.put(target).put(info);
        return out.array();
    }

    /**
     * @param authenticate the client's AUTHENTICATE_MESSAGE
     * @param user         the local account's name
     * @param password     its password
     * @return the session's sealing, or {@code null} when the response does not prove the password (or is not
     *         NTLMv2, or names another account)
     */
    NtlmServerCipher authenticate(byte[] authenticate, String user, String password) {
        if (serverChallenge == null || !isMessage(authenticate, 3) || authenticate.length < 64) {
            return null;
        }
        byte[] ntResponse = field(authenticate, 20);
        String domain = text(field(authenticate, 28), flags);
        String sentUser = text(field(authenticate, 36), flags);
        if (ntResponse.length <= 24 || !sentUser.equalsIgnoreCase(user) || !isLocal(domain)) {
            return null;
        }
        byte[] responseKey = NtlmCrypto.hmacMd5(NtlmCrypto.md4(utf16(password)),
                utf16(sentUser.toUpperCase(Locale.ROOT) + domain));
        byte[] blob = Arrays.copyOfRange(ntResponse, 16, ntResponse.length);
        byte[] proof = NtlmCrypto.hmacMd5(responseKey, NtlmCrypto.concat(serverChallenge, blob));
        if (!MessageDigest.isEqual(proof, Arrays.copyOf(ntResponse, 16))) {
            return null;
        }
        serverChallenge = null; // a challenge proves one logon only
        byte[] keyExchangeKey = NtlmCrypto.hmacMd5(responseKey, proof);
        int negotiated = le(authenticate).getInt(60) & flags;
        byte[] sessionKey = (negotiated & NEGOTIATE_KEY_EXCH) != 0
                ? NtlmCrypto.rc4(keyExchangeKey, field(authenticate, 52)) : keyExchangeKey;
        return new NtlmServerCipher(sessionKey, negotiated);
    }

    /** A local account: the client names no domain, ".", or this computer. */
    private boolean isLocal(String domain) {
        return domain.isEmpty() || ".".equals(domain) || domain.equalsIgnoreCase(computerName);
    }

    private byte[] targetInfo() {
        ByteBuffer out = le(ByteBuffer.allocate(512));
        avPair(out, 2, utf16(computerName)); // MsvAvNbDomainName: a workgroup host is its own domain
        avPair(out, 1, utf16(computerName)); // MsvAvNbComputerName
        avPair(out, 4, utf16(computerName.toLowerCase(Locale.ROOT))); // MsvAvDnsDomainName
        avPair(out, 3, utf16(computerName.toLowerCase(Locale.ROOT))); // MsvAvDnsComputerName
        byte[] filetime = new byte[8];
        le(ByteBuffer.wrap(filetime)).putLong((System.currentTimeMillis() + 11_644_473_600_000L) * 10_000L);
        avPair(out, 7, filetime); // MsvAvTimestamp
        out.putShort((short) 0).putShort((short) 0); // MsvAvEOL
        return Arrays.copyOf(out.array(), out.position());
    }

    private static void avPair(ByteBuffer out, int id, byte[] value) {
        out.putShort((short) id).putShort((short) value.length).put(value);
    }

    /** @return the payload a security buffer at {@code offset} (length, max length, offset) points to */
    private static byte[] field(byte[] message, int offset) {
        ByteBuffer buffer = le(message);
        int length = buffer.getShort(offset) & 0xFFFF;
        int start = buffer.getInt(offset + 4);
        if (start < 0 || start + length > message.length) {
            throw new IllegalArgumentException("an NTLM field points outside the message");
        }
        return Arrays.copyOfRange(message, start, start + length);
    }

    private static ByteBuffer le(byte[] bytes) {
        return le(ByteBuffer.wrap(bytes));
    }

    private static ByteBuffer le(ByteBuffer buffer) {
        return buffer.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Names travel in UTF-16LE when NTLMSSP_NEGOTIATE_UNICODE was negotiated, else in the OEM character set. */
    private static byte[] text(String name, int flags) {
        return name.getBytes((flags & NEGOTIATE_UNICODE) != 0 ? StandardCharsets.UTF_16LE : StandardCharsets.US_ASCII);
    }

    private static String text(byte[] name, int flags) {
        return new String(name, (flags & NEGOTIATE_UNICODE) != 0 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }
}
