package io.jenkins.plugins.dcom.transport.winrm;

import io.cloudsoft.winrm4j.client.ntlm.forks.httpclient.NTLMEngineImpl;
import io.cloudsoft.winrm4j.client.ntlm.forks.httpclient.NTLMScheme;
import org.apache.http.Header;
import org.apache.http.HttpRequest;
import org.apache.http.auth.AuthScheme;
import org.apache.http.auth.AuthSchemeProvider;
import org.apache.http.auth.AuthenticationException;
import org.apache.http.auth.Credentials;
import org.apache.http.client.config.AuthSchemes;
import org.apache.http.message.BasicHeader;
import org.apache.http.protocol.HttpContext;

/**
 * NTLM under the name {@code Negotiate}, which Windows' WinRM service answers to (winrm4j-client's NTLM engine
 * writes {@code NTLM <token>}), asking for signing, sealing and key exchange when the session encrypts its messages.
 *
 * <p>In place of winrm4j-client 0.12.3's {@code NtlmMasqAsSpnegoScheme}, which renames the scheme by replacing every
 * {@code NTLM} in the header's value, the Base64 token included. An AUTHENTICATE message's random parts (the client
 * challenge, the encrypted session key, the proof) spell those four letters about once in 50,000 logons; the host then
 * reads a broken token and refuses the logon with HTTP 401, so one host of a large fleet failed as if the password were
 * wrong (seen at 10,000 lab hosts; the lab's log showed {@code ...NNegotiateH0=} inside the token). Here only the
 * scheme's name is replaced.
 */
final class NegotiateNtlmScheme extends NTLMScheme {
    /** [MS-NLMP] 2.2.2.5: NTLMSSP_NEGOTIATE_SIGN, NTLMSSP_NEGOTIATE_SEAL, NTLMSSP_NEGOTIATE_KEY_EXCH. */
    private static final int SIGN_SEAL_AND_KEY_EXCHANGE = 0x10 | 0x20 | 0x40000000;
    private static final String NTLM = "NTLM ";
    static final String NAME = AuthSchemes.SPNEGO;

    NegotiateNtlmScheme(boolean seals) {
        super(new Engine(seals));
    }

    @Override
    public String getSchemeName() {
        return NAME;
    }

    @Override
    public Header authenticate(Credentials credentials, HttpRequest request) throws AuthenticationException {
        Header header = super.authenticate(credentials, request);
        return new BasicHeader(header.getName(), renamed(header.getValue()));
    }

    /** @return {@code Negotiate <token>} for {@code NTLM <token>}, the token as it was; any other value unchanged */
    static String renamed(String value) {
        return value.startsWith(NTLM) ? NAME + " " + value.substring(NTLM.length()) : value;
    }

    /** Makes a scheme per connection, as HttpClient asks. */
    static final class Provider implements AuthSchemeProvider {
        private final boolean seals;

        /** @param seals whether the session encrypts its messages (Negotiate over plain HTTP) */
        Provider(boolean seals) {
            this.seals = seals;
        }

        @Override
        public AuthScheme create(HttpContext context) {
            return new NegotiateNtlmScheme(seals);
        }
    }

    /** winrm4j-client's NTLM engine (NTLMv2, and the session keys its credentials keep for sealing). */
    private static final class Engine extends NTLMEngineImpl {
        private final boolean seals;

        Engine(boolean seals) {
            this.seals = seals;
        }

        @Override
        protected Integer getDefaultFlags() {
            int flags = super.getDefaultFlags();
            return seals ? flags | SIGN_SEAL_AND_KEY_EXCHANGE : flags;
        }
    }
}
