package io.jenkins.plugins.dcom.transport.rrp;

import java.util.Locale;

/**
 * The password as j-Interop must hand it to jcifs. j-Interop puts it in an {@code smb://} URL percent-encoded as
 * UTF-8, and jcifs 1.3.17 decodes each {@code %XX} as one ASCII byte, so every non-ASCII character arrives as
 * U+FFFD and the logon fails although the password is right. jcifs passes any character that is not escaped
 * through unchanged, so only the ASCII characters that mean something in a URL are escaped here, and the rest is
 * left as it is; jcifs then computes the NTLM hashes from the real characters (UTF-16LE).
 */
final class PipePassword {
    /** The stub property j-Interop's named-pipe transport builds the URL from. */
    static final String PROPERTY = "rpc.ncacn_np.password";

    private PipePassword() {
    }

    static String forUrl(String password) {
        StringBuilder out = new StringBuilder(password.length() + 16);
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
