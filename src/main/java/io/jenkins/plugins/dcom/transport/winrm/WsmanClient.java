package io.jenkins.plugins.dcom.transport.winrm;

import io.cloudsoft.winrm4j.client.ntlm.NTCredentialsWithEncryption;
import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import io.jenkins.plugins.dcom.transport.ConnectionSettings;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.auth.AUTH;
import org.apache.http.auth.AuthenticationException;
import org.apache.http.auth.MalformedChallengeException;
import org.apache.http.message.BasicHttpRequest;
import org.apache.http.message.BasicHeader;

/**
 * The HTTP side of one WinRM session: one kept connection ({@link WsmanConnection}), the logon, and, over HTTP, every
 * message encrypted ({@link SealedMessages}). Negotiate is connection-based NTLMv2 (winrm4j-client's engine, driven
 * here leg by leg); Kerberos is a {@link KerberosLogon} with the run's ticket, also bound to the connection. Both log
 * on with empty POSTs before the first message, over HTTP as pywinrm does, so that every message can go encrypted, and
 * over HTTPS alike; and again on every new connection. Basic is sent with every message (local accounts, HTTPS).
 *
 * <p>Not thread-safe: one session serves one host's operations in order.
 */
final class WsmanClient implements Closeable {
    static final String SOAP_TYPE = "application/soap+xml;charset=UTF-8";

    private final URI endpoint;
    private final ConnectionSettings settings;
    private final boolean https;
    private final WsmanConnection connection;
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
        /** The values of the answer's {@code WWW-Authenticate} headers, in order. */
        final List<String> challenges;
        /** The first of {@link #challenges}, or {@code null} when there is none. */
        final String challenge;
        /** The authentication schemes the answer's {@code WWW-Authenticate} headers name, lower case; empty when none. */
        final List<String> offered;

        Answer(int status, byte[] body, List<String> challenges) {
            this.status = status;
            this.body = body;
            this.challenges = challenges;
            this.challenge = challenges.isEmpty() ? null : challenges.get(0);
            this.offered = new ArrayList<>(challenges.size());
            for (String value : challenges) {
                String trimmed = value.trim();
                int space = trimmed.indexOf(' ');
                offered.add((space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT));
            }
        }
    }

    /** @param tls the TLS setup for an {@code https} endpoint; {@code null} for {@code http} */
    WsmanClient(URI endpoint, ConnectionSettings settings, SSLContext tls) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.https = "https".equals(endpoint.getScheme());
        this.connection = new WsmanConnection(endpoint, tls, settings.getConnectTimeoutMillis(), settings.getSocketTimeoutMillis());
        startOver();
    }

    /** A new logon context: fresh NTLM credentials (and session keys), nothing established. */
    private void startOver() {
        ntlm = settings.getAuthentication() == WinRmAuthentication.NEGOTIATE ? ntlmCredentials(settings) : null;
        established = false;
        sealing = null;
        loggedOn = false;
    }

    /** @return whether this session encrypts its messages: Negotiate or Kerberos over plain HTTP */
    boolean seals() {
        return settings.getAuthentication() != WinRmAuthentication.BASIC && !https;
    }

    private boolean kerberos() {
        return settings.getAuthentication() == WinRmAuthentication.KERBEROS;
    }

    /** @return whether the logon belongs to the connection: Negotiate and Kerberos, over HTTP and HTTPS alike */
    private boolean connectionBased() {
        return settings.getAuthentication() != WinRmAuthentication.BASIC;
    }

    /**
     * Sends one SOAP message and returns the answer, whatever its status. Negotiate and Kerberos log on per TCP
     * connection: on a new connection (the host closed the kept one: HTTP.sys's idle timeout, a restarted service) the
     * session logs on again first; when the service answers 401 after this session's logon had worked, it dropped that
     * logon, so the session logs on once more on a new connection and sends the message again; a second 401 is the
     * answer.
     *
     * @throws IOException when the connection fails, or an answer that should be sealed is not, or fails its check
     */
    Answer post(byte[] soap) throws IOException {
        Answer answer = attempt(soap);
        if (answer.status == 401 && loggedOn && settings.getAuthentication() != WinRmAuthentication.BASIC) {
            connection.close();
            startOver();
            answer = attempt(soap);
        }
        loggedOn |= answer.status != 401;
        return answer;
    }

    private Answer attempt(byte[] soap) throws IOException {
        if (withinDeadline(connection::connect) && established) {
            startOver();
        }
        if (!established && connectionBased()) {
            Answer logon = logOn();
            if (logon.status != 200) {
                return logon;
            }
            loggedOn = true;
        }
        return sealing == null ? send(soap, SOAP_TYPE, basic()) : send(sealing.seal(soap), SealedMessages.CONTENT_TYPE, null);
    }

    /**
     * The connection's logon, with empty messages (over HTTPS too, where TLS protects the messages that follow); on
     * success the session's cipher is set when it seals.
     */
    private Answer logOn() throws IOException {
        MessageCipher cipher;
        Answer answer;
        if (kerberos()) {
            KerberosLogon logon = KerberosLogon.start(KerberosTickets.subject(settings.getCredentials()), hostName());
            answer = send(new byte[0], SOAP_TYPE, logon.authorization());
            cipher = answer.status == 200 ? logon.complete(answer.challenge) : null;
        } else {
            answer = ntlmLogOn();
            cipher = answer.status == 200 && seals() ? new NtlmCipher(ntlm) : null;
        }
        if (answer.status == 200) {
            established = true;
            sealing = seals() ? new SealedMessages(cipher) : null;
        }
        return answer;
    }

    /**
     * NTLM's three legs on the connection: NEGOTIATE with the first empty POST, as if the host had already answered
     * {@code 401 Negotiate} (which a Windows WinRM service always does), saving a request; the host's CHALLENGE in its
     * 401; AUTHENTICATE with the second. An answer without a Negotiate challenge (a host offering Basic only) is the
     * logon's answer, and no AUTHENTICATE is sent, so no failed logon is counted against the account.
     */
    private Answer ntlmLogOn() throws IOException {
        NegotiateNtlmScheme scheme = new NegotiateNtlmScheme(seals());
        try {
            scheme.processChallenge(new BasicHeader(AUTH.WWW_AUTH, NegotiateNtlmScheme.NAME));
            Answer first = send(new byte[0], SOAP_TYPE, token(scheme));
            String challenge = negotiateChallenge(first);
            if (first.status != 401 || challenge == null) {
                return first;
            }
            scheme.processChallenge(new BasicHeader(AUTH.WWW_AUTH, challenge));
            return send(new byte[0], SOAP_TYPE, token(scheme));
        } catch (MalformedChallengeException e) {
            throw new WinRmFailures.Refused("the WinRM service's NTLM challenge is malformed");
        }
    }

    private String token(NegotiateNtlmScheme scheme) throws IOException {
        try {
            Header header = scheme.authenticate(ntlm, new BasicHttpRequest("POST", "/wsman"));
            return header.getValue();
        } catch (AuthenticationException e) {
            throw new WinRmFailures.Refused("the WinRM service's NTLM challenge cannot be answered");
        }
    }

    /** @return the answer's first {@code Negotiate <token>} challenge, or {@code null} when it has none */
    private static String negotiateChallenge(Answer answer) {
        for (String value : answer.challenges) {
            String trimmed = value.trim();
            if (trimmed.regionMatches(true, 0, NegotiateNtlmScheme.NAME + " ", 0, NegotiateNtlmScheme.NAME.length() + 1)) {
                return trimmed;
            }
        }
        return null;
    }

    /** @return the {@code Authorization} header of Basic, sent with every message; {@code null} for the other modes */
    private String basic() {
        if (settings.getAuthentication() != WinRmAuthentication.BASIC) {
            return null;
        }
        String pair = settings.getCredentials().getUser() + ":" + settings.getCredentials().getPassword();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one request on the connection {@link #attempt} opened and reads its whole answer within the exchange's
     * deadline: a host that answers slowly, without end, or with more than {@value WsmanConnection#MAX_ANSWER_BYTES}
     * bytes has its connection aborted, never drained.
     *
     * @param authorization an {@code Authorization} header to send, or {@code null}
     */
    private Answer send(byte[] body, String contentType, String authorization) throws IOException {
        return answer(withinDeadline(() -> connection.post(body, contentType, authorization)));
    }

    /** One step of an exchange with the host: connecting, or a request and its answer. */
    private interface Step<T> {
        T run() throws IOException;
    }

    /**
     * @return what the step returned, within the exchange's deadline ({@link #exchangeMillis()}): past it the
     *         connection is aborted and the step fails with {@link Deadline.Passed}, whatever the aborted socket threw
     */
    private <T> T withinDeadline(Step<T> step) throws IOException {
        try (Deadline deadline = new Deadline(exchangeMillis(), connection::abort)) {
            try {
                return step.run();
            } catch (IOException | RuntimeException e) {
                if (deadline.expired()) {
                    throw new Deadline.Passed(exchangeMillis());
                }
                throw e;
            }
        }
    }

    /** @return the answer, unsealed when this session seals; refused when it should be sealed and is not */
    private Answer answer(WsmanConnection.Response response) throws IOException {
        byte[] bytes = response.body;
        if (sealing != null && SealedMessages.isSealed(response.contentType)) {
            bytes = sealing.unseal(bytes);
        } else if (sealing != null && bytes.length > 0) {
            throw new IOException("the WinRM service answered a sealed message in clear text");
        }
        return new Answer(response.status, bytes, response.challenges);
    }

    /**
     * @return how long one exchange may take from start to its answer's last byte: the connect timeout to connect, and
     *         the answer timeout ({@code --timeout}) for the whole answer
     */
    private long exchangeMillis() {
        return (long) settings.getConnectTimeoutMillis() + settings.getSocketTimeoutMillis();
    }

    /** @return the host's name as the endpoint gives it: the Kerberos service principal's */
    private String hostName() {
        return endpoint.getHost();
    }

    /** {@code DOMAIN\\user} gives the domain; {@code user} and {@code user@domain} (a UPN) go whole, with no domain. */
    private static NTCredentialsWithEncryption ntlmCredentials(ConnectionSettings settings) {
        String user = settings.getCredentials().getUser();
        int slash = user.indexOf('\\');
        String domain = slash < 0 ? null : user.substring(0, slash);
        return new NTCredentialsWithEncryption(user.substring(slash + 1), settings.getCredentials().getPassword(), null, domain);
    }

    @Override
    public void close() {
        connection.close();
    }
}
