package io.jenkins.plugins.dcom.transport.winrm;

import io.cloudsoft.winrm4j.client.ntlm.NTCredentialsWithEncryption;
import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHost;
import org.apache.http.auth.AUTH;
import org.apache.http.auth.AuthProtocolState;
import org.apache.http.auth.AuthScheme;
import org.apache.http.auth.AuthSchemeProvider;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.AuthState;
import org.apache.http.auth.Credentials;
import org.apache.http.auth.MalformedChallengeException;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.AuthCache;
import org.apache.http.client.config.AuthSchemes;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.conn.util.PublicSuffixMatcher;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.auth.BasicScheme;
import org.apache.http.impl.auth.BasicSchemeFactory;
import org.apache.http.impl.client.BasicAuthCache;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.BasicHttpClientConnectionManager;
import org.apache.http.message.BasicHeader;

/**
 * The HTTP side of one WinRM session: one kept connection, the logon, and, over HTTP, every message encrypted
 * ({@link SealedMessages}). Negotiate is connection-based NTLMv2 (winrm4j-client's engine in Apache HttpClient);
 * Kerberos is a {@link KerberosLogon} with the run's ticket, also bound to the connection. Both log on with an empty
 * POST before the first message, as pywinrm does, so that every message can go encrypted. Basic is sent preemptively
 * (one request per message).
 *
 * <p>Not thread-safe: one session serves one host's operations in order.
 */
final class WsmanClient implements Closeable {
    static final String SOAP_TYPE = "application/soap+xml;charset=UTF-8";
    /** Far above any answer to the commands this tool sends; a host sending more is not believed. */
    private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final URI endpoint;
    private final ConnectionSettings settings;
    private final CloseableHttpClient http;
    /** For sealed messages: HttpClient must not answer a 401 by itself, resending a body sealed with the old keys. */
    private final RequestConfig sealedConfig;
    private HttpClientContext context;
    private NTCredentialsWithEncryption ntlm;
    /** Whether the connection-based logon (Negotiate or Kerberos) of this connection is done. */
    private boolean established;
    private SealedMessages sealing;
    /** Whether an answer other than 401 came since the last logon started: the logon worked. */
    private boolean loggedOn;

    /**
     * One HTTP answer: its status, its body (unsealed when it came sealed), its first {@code WWW-Authenticate} and the
     * schemes all of them offer.
     */
    static final class Answer {
        final int status;
        final byte[] body;
        final String challenge;
        /** The authentication schemes the answer's {@code WWW-Authenticate} headers name, lower case; empty when none. */
        final List<String> offered;

        Answer(int status, byte[] body, String challenge, List<String> offered) {
            this.status = status;
            this.body = body;
            this.challenge = challenge;
            this.offered = offered;
        }
    }

    /**
     * The public-suffix list HttpClient would otherwise parse at its first client (about 0.1 s of a cold start, and the
     * JIT's work on it) for the two things it serves: cookies, which this client never keeps, and the default hostname
     * verifier, which this client does not use (the TLS factory above has its own, without the list).
     */
    private static final PublicSuffixMatcher NO_PUBLIC_SUFFIXES =
            new PublicSuffixMatcher(Collections.<String>emptyList(), Collections.<String>emptyList());

    /** @param tls the TLS setup for an {@code https} endpoint; {@code null} for {@code http} */
    WsmanClient(URI endpoint, ConnectionSettings settings, SSLContext tls) {
        this.endpoint = endpoint;
        this.settings = settings;
        WinRmAuthentication mode = settings.getAuthentication();
        startOver();
        RegistryBuilder<ConnectionSocketFactory> sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory());
        if (tls != null) {
            sockets.register("https", new SSLConnectionSocketFactory(tls, new DefaultHostnameVerifier()));
        }
        // The stale check (a 1 ms read before reusing the kept connection) sees a connection the host closed, so the
        // message goes on a new one instead of failing unsent; a POST is never resent after it may have been read.
        // The path is the tool's own (/wsman): HttpClient need not decode and normalise it again for every message.
        @SuppressWarnings("deprecation")
        RequestConfig config = RequestConfig.custom().setStaleConnectionCheckEnabled(true).setNormalizeUri(false)
                .setConnectTimeout(settings.getConnectTimeoutMillis())
                .setSocketTimeout(settings.getSocketTimeoutMillis()).setConnectionRequestTimeout(settings.getConnectTimeoutMillis())
                .setRedirectsEnabled(false).setTargetPreferredAuthSchemes(Collections.singletonList(schemeName(mode))).build();
        this.sealedConfig = RequestConfig.copy(config).setAuthenticationEnabled(false).build();
        this.http = HttpClients.custom().setConnectionManager(new BasicHttpClientConnectionManager(sockets.build()))
                .setPublicSuffixMatcher(NO_PUBLIC_SUFFIXES).setDefaultAuthSchemeRegistry(schemes(mode)).setDefaultRequestConfig(config).disableAutomaticRetries()
                .disableCookieManagement().disableRedirectHandling().setUserAgent("dcom-protocol-compliance").build();
    }

    /** A new logon context: fresh NTLM credentials (and session keys), the auth state of a new connection. */
    private void startOver() {
        WinRmAuthentication mode = settings.getAuthentication();
        ntlm = mode == WinRmAuthentication.NEGOTIATE ? ntlmCredentials(settings) : null;
        established = false;
        sealing = null;
        loggedOn = false;
        context = HttpClientContext.create();
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        if (mode != WinRmAuthentication.KERBEROS) { // Kerberos logs on by itself (KerberosLogon): HttpClient sends nothing
            credentials.setCredentials(AuthScope.ANY, credentials(mode, settings));
        }
        context.setCredentialsProvider(credentials);
        if (mode == WinRmAuthentication.BASIC) {
            AuthCache preemptive = new BasicAuthCache();
            preemptive.put(new HttpHost(endpoint.getHost(), endpoint.getPort(), endpoint.getScheme()), new BasicScheme());
            context.setAuthCache(preemptive);
        }
    }

    /** @return whether this session encrypts its messages: Negotiate or Kerberos over plain HTTP */
    boolean seals() {
        return settings.getAuthentication() != WinRmAuthentication.BASIC && !"https".equals(endpoint.getScheme());
    }

    private boolean kerberos() {
        return settings.getAuthentication() == WinRmAuthentication.KERBEROS;
    }

    /**
     * Sends one SOAP message and returns the answer, whatever its status. Negotiate and Kerberos log on per TCP
     * connection: when the service answers 401 after this session's logon had worked, it has closed that connection
     * (HTTP.sys's idle timeout, a restarted service) and refused the message unread, so the session logs on once more
     * and sends it again; a second 401 is the answer.
     *
     * @throws IOException when the connection fails, or an answer that should be sealed is not, or fails its check
     */
    Answer post(byte[] soap) throws IOException {
        Answer answer = attempt(soap);
        if (answer.status == 401 && loggedOn && settings.getAuthentication() != WinRmAuthentication.BASIC) {
            startOver();
            answer = attempt(soap);
        }
        loggedOn |= answer.status != 401;
        return answer;
    }

    private Answer attempt(byte[] soap) throws IOException {
        if (!established && (seals() || kerberos())) {
            Answer logon = logOn();
            if (logon.status != 200) {
                return logon;
            }
            loggedOn = true;
        }
        return sealing == null ? send(soap, SOAP_TYPE, null) : send(sealing.seal(soap), SealedMessages.CONTENT_TYPE, null);
    }

    /** The connection's logon, with an empty message; on success the session's cipher is set when it seals. */
    private Answer logOn() throws IOException {
        MessageCipher cipher;
        Answer answer;
        if (kerberos()) {
            KerberosLogon logon = KerberosLogon.start(
                    KerberosTickets.subject(settings.getCredentials()),
                    endpoint.getHost());
            answer = send(new byte[0], SOAP_TYPE, logon.authorization());
            cipher = answer.status == 200 ? logon.complete(answer.challenge) : null;
        } else {
            startNtlm();
            answer = send(new byte[0], SOAP_TYPE, null);
            cipher = answer.status == 200 ? new NtlmCipher(ntlm) : null;
        }
        if (cipher != null) {
            established = true;
            sealing = seals() ? new SealedMessages(cipher) : null;
        }
        return answer;
    }

    /**
     * Lets HttpClient send the NTLM NEGOTIATE on the logon's first POST, as if the host had already answered
     * {@code 401 Negotiate} (which a Windows WinRM service always does): one request less per session. The rest of the
     * handshake is HttpClient's own (CHALLENGE in the next 401, then AUTHENTICATE).
     */
    private void startNtlm() throws IOException {
        AuthScheme scheme = new NegotiateNtlmScheme(seals());
        try {
            scheme.processChallenge(new BasicHeader(AUTH.WWW_AUTH, AuthSchemes.SPNEGO));
        } catch (MalformedChallengeException e) {
            throw new IOException("the NTLM scheme refused to start", e);
        }
        AuthState state = new AuthState();
        state.update(scheme, ntlm);
        state.setState(AuthProtocolState.CHALLENGED);
        context.setAttribute(HttpClientContext.TARGET_AUTH_STATE, state);
    }

    /**
     * Sends one request and reads its whole answer within the exchange's deadline ({@link #exchangeMillis()}): a host
     * that answers slowly, without end, or with more than {@value #MAX_ANSWER_BYTES} bytes has its connection aborted,
     * never drained.
     *
     * @param authorization an {@code Authorization} header to send, or {@code null}
     */
    private Answer send(byte[] body, String contentType, String authorization) throws IOException {
        HttpPost post = new HttpPost(endpoint);
        if (sealing != null || kerberos()) {
            post.setConfig(sealedConfig);
        }
        if (authorization != null) {
            post.setHeader("Authorization", authorization);
        }
        ByteArrayEntity entity = new ByteArrayEntity(body);
        entity.setContentType(contentType);
        post.setEntity(entity);
        try (Deadline deadline = new Deadline(exchangeMillis(), post::abort)) {
            try {
                return exchange(post);
            } catch (IOException | RuntimeException e) {
                if (deadline.expired()) {
                    throw new Deadline.Passed(exchangeMillis());
                }
                throw e;
            }
        }
    }

    private Answer exchange(HttpPost post) throws IOException {
        try (CloseableHttpResponse response = http.execute(post, context)) {
            HttpEntity answer = response.getEntity();
            byte[] bytes = answer == null ? new byte[0] : read(answer, post);
            String type = answer == null || answer.getContentType() == null ? null : answer.getContentType().getValue();
            if (sealing != null && SealedMessages.isSealed(type)) {
                bytes = sealing.unseal(bytes);
            } else if (sealing != null && bytes.length > 0) {
                throw new IOException("the WinRM service answered a sealed message in clear text");
            }
            Header challenge = response.getFirstHeader("WWW-Authenticate");
            List<String> offered = new ArrayList<>();
            for (Header header : response.getHeaders("WWW-Authenticate")) {
                String value = header.getValue().trim();
                int space = value.indexOf(' ');
                offered.add((space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT));
            }
            return new Answer(response.getStatusLine().getStatusCode(), bytes, challenge == null ? null : challenge.getValue(),
                    offered);
        }
    }

    /**
     * @return how long one exchange may take from start to its answer's last byte: the connect timeout to connect, and
     *         the answer timeout ({@code --timeout}) for the whole answer
     */
    private long exchangeMillis() {
        return (long) settings.getConnectTimeoutMillis() + settings.getSocketTimeoutMillis();
    }

    /** Reads the body; past the cap the request is aborted first, so closing does not read the rest of the body. */
    private static byte[] read(HttpEntity entity, HttpPost post) throws IOException {
        try (InputStream in = entity.getContent()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_ANSWER_BYTES) {
                    post.abort();
                    throw new WinRmFailures.Refused("the WinRM service's answer is larger than " + MAX_ANSWER_BYTES
                            + " bytes; the connection was aborted");
                }
            }
            return out.toByteArray();
        }
    }

    /** {@code DOMAIN\\user} gives the domain; {@code user} and {@code user@domain} (a UPN) go whole, with no domain. */
    private static NTCredentialsWithEncryption ntlmCredentials(ConnectionSettings settings) {
        String user = settings.getCredentials().getUser();
        int slash = user.indexOf('\\');
        String domain = slash < 0 ? null : user.substring(0, slash);
        return new NTCredentialsWithEncryption(user.substring(slash + 1), settings.getCredentials().getPassword(), null, domain);
    }

    private Credentials credentials(WinRmAuthentication mode, ConnectionSettings settings) {
        if (mode == WinRmAuthentication.NEGOTIATE) {
            return ntlm;
        }
        return new UsernamePasswordCredentials(settings.getCredentials().getUser(), settings.getCredentials().getPassword());
    }

    private static String schemeName(WinRmAuthentication mode) {
        return mode == WinRmAuthentication.BASIC ? AuthSchemes.BASIC : AuthSchemes.SPNEGO;
    }

    /** @return HttpClient's schemes: NTLM for Negotiate, Basic for Basic, none for Kerberos (see {@link KerberosLogon}) */
    private Registry<AuthSchemeProvider> schemes(WinRmAuthentication mode) {
        RegistryBuilder<AuthSchemeProvider> schemes = RegistryBuilder.create();
        if (mode == WinRmAuthentication.NEGOTIATE) {
            schemes.register(AuthSchemes.SPNEGO, new NegotiateNtlmScheme.Provider(seals()));
        } else if (mode == WinRmAuthentication.BASIC) {
            schemes.register(AuthSchemes.BASIC, new BasicSchemeFactory(StandardCharsets.UTF_8));
        }
        return schemes.build();
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
