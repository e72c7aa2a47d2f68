package io.jenkins.plugins.dcom.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code /wsman} endpoint of one lab host, with the WinRM service's defaults unless the host's
 * {@link WinRmServiceSetting}s say otherwise: an unauthenticated request gets 401 offering Negotiate and Kerberos (and
 * Basic when allowed); Negotiate is NTLMv2, or Kerberos where the fleet has service keys ({@link KerberosAcceptor}),
 * bound to the TCP connection; over HTTP, once logged on, each SOAP message
 * must come sealed ({@code multipart/encrypted}) and is answered sealed, a plain one gets HTTP 500 as Windows answers
 * it with {@code AllowUnencrypted=false}. Then Create / Command / Receive / Signal / Send / Delete of the cmd shell,
 * each reply carrying {@code RelatesTo}; output is encoded in the shell's code page ({@code WINRS_CODEPAGE}, else the
 * host's OEM code page).
 */
final class WsmanHandler implements HttpHandler {
    private static final String SOAP_TYPE = "application/soap+xml;charset=UTF-8";
    private static final int MAX_BODY = 512 * 1024;
    private static final int MAX_CONNECTIONS = 1024;

    private final LabHost host;
    private final WindowsShell shell;
    private final Map<String, OpenShell> shells = new ConcurrentHashMap<>();
    /** NTLM is connection-based: the logon of each client connection, by its address and port. */
    private final Map<InetSocketAddress, Logon> logons = Collections.synchronizedMap(
            new LinkedHashMap<InetSocketAddress, Logon>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Logon> eldest) {
                    return size() > MAX_CONNECTIONS;
                }
            });

    WsmanHandler(LabHost host, WindowsShell shell) {
        this.host = host;
        this.shell = shell;
    }

    /** Forgets every connection's logon, as closing the connections does. */
    void forgetLogons() {
        logons.clear();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            host.counters().request(exchange.getRemoteAddress(), exchange instanceof HttpsExchange);
            host.simulateLatency();
            if (!"POST".equals(exchange.getRequestMethod()) || !"/wsman".equals(exchange.getRequestURI().getPath())) {
                send(exchange, 405, "text/plain", new byte[0]);
                return;
            }
            byte[] body = read(exchange.getRequestBody());
            Logon logon = logOn(exchange);
            if (logon != null) {
                answer(exchange, logon, body);
            }
        } catch (IOException | RuntimeException e) {
            sendQuietly(exchange, 400);
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange, Logon logon, byte[] body) throws IOException {
        boolean sealed = EncryptedBody.isEncrypted(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (sealed && (logon.sealing == null || !logon.sealing.canSeal())) {
            send(exchange, 400, "text/plain", new byte[0]);
        } else if (sealed) {
            host.counters().soap(true);
            Reply reply = dispatch(exchange, EncryptedBody.open(body, logon.sealing));
            send(exchange, reply.status, EncryptedBody.CONTENT_TYPE,
                    EncryptedBody.close(reply.xml.getBytes(StandardCharsets.UTF_8), logon.sealing));
        } else if (body.length == 0) {
            send(exchange, 200, SOAP_TYPE, new byte[0]); // what a client sends to finish the logon before sealing
        } else if (!(exchange instanceof HttpsExchange) && !host.spec().has(WinRmServiceSetting.ALLOW_UNENCRYPTED)) {
            send(exchange, 500, SOAP_TYPE, new byte[0]); // AllowUnencrypted=false: pywinrm#129, #208, winrm4j#151
        } else {
            host.counters().soap(false);
            Reply reply = dispatch(exchange, body);
            send(exchange, reply.status, SOAP_TYPE, reply.xml.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** @return the logon this request proves, or {@code null} after answering 401 */
    private Logon logOn(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        InetSocketAddress peer = exchange.getRemoteAddress();
        if (header == null) {
            Logon known = logons.get(peer);
            return known != null && known.isComplete() ? known : unauthorized(exchange, false, null);
        }
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        byte[] token = decode(space < 0 ? "" : header.substring(space + 1).trim());
        if ("basic".equalsIgnoreCase(scheme)) {
            return basic(exchange, token);
        }
        if (host.spec().has(WinRmServiceSetting.BASIC_ONLY)) {
            return unauthorized(exchange, false, null); // Negotiate and Kerberos are off: nothing is checked
        }
        if (!"negotiate".equalsIgnoreCase(scheme) && !"ntlm".equalsIgnoreCase(scheme) && !"kerberos".equalsIgnoreCase(scheme)) {
            return unauthorized(exchange, false, null);
        }
        if (!NtlmAcceptor.isMessage(token, 1) && !NtlmAcceptor.isMessage(token, 3) && !"ntlm".equalsIgnoreCase(scheme)) {
            return kerberos(exchange, scheme, token);
        }
        if (NtlmAcceptor.isMessage(token, 1)) {
            NtlmAcceptor acceptor = new NtlmAcceptor(host.spec().getName().toUpperCase(Locale.ROOT));
            byte[] challenge = acceptor.challenge(token);
            logons.put(peer, new Logon(acceptor, null));
            return unauthorized(exchange, false, scheme + " " + Base64.getEncoder().encodeToString(challenge));
        }
        Logon pending = logons.remove(peer);
        NtlmServerCipher sealing = pending == null || !NtlmAcceptor.isMessage(token, 3) ? null
                : pending.acceptor.authenticate(token, host.spec().getUser(), host.expectedPassword());
        if (sealing == null) {
            return unauthorized(exchange, true, null); // a wrong NTLM response: a failed logon
        }
        Logon logon = new Logon(null, sealing);
        logons.put(peer, logon);
        return logon;
    }

    /**
     * Kerberos, in a Negotiate (or Kerberos) header: when the host has the service's keys and the ticket is valid and
     * names the host's user, the logon holds for the connection and the answer carries the AP-REP (mutual
     * authentication); else 401.
     */
    private Logon kerberos(HttpExchange exchange, String scheme, byte[] token) throws IOException {
        logons.remove(exchange.getRemoteAddress());
        KerberosAcceptor acceptor = host.kerberos();
        KerberosAcceptor.Accepted accepted = acceptor == null || token.length == 0 ? null : acceptor.accept(token);
        if (accepted == null || !accepted.isUser(host.spec().getUser())) {
            return unauthorized(exchange, true, null);
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", scheme + " " + Base64.getEncoder().encodeToString(accepted.reply));
        Logon logon = new Logon(null, new KerberosServerCipher(accepted.context));
        logons.put(exchange.getRemoteAddress(), logon);
        return logon;
    }

    /** Basic: only when the service allows it, and over HTTP only with AllowUnencrypted (else 401, as Windows). */
    private Logon basic(HttpExchange exchange, byte[] token) throws IOException {
        boolean allowed = (host.spec().has(WinRmServiceSetting.BASIC) || host.spec().has(WinRmServiceSetting.BASIC_ONLY))
                && (exchange instanceof HttpsExchange
                || host.spec().has(WinRmServiceSetting.ALLOW_UNENCRYPTED));
        if (!allowed) {
            return unauthorized(exchange, false, null);
        }
        String expected = host.spec().getUser() + ":" + host.expectedPassword();
        return expected.equals(new String(token, StandardCharsets.UTF_8)) ? new Logon(null, null)
                : unauthorized(exchange, true, null);
    }

    /**
     * Answers 401: with the NTLM challenge when there is one, else offering the schemes the service has on.
     *
     * @param failedLogon whether credentials were checked and were wrong (what counts towards an account's lockout)
     */
    private Logon unauthorized(HttpExchange exchange, boolean failedLogon, String challenge) throws IOException {
        host.counters().challenged(failedLogon);
        if (challenge != null) {
            exchange.getResponseHeaders().set("WWW-Authenticate", challenge);
        } else {
            if (!host.spec().has(WinRmServiceSetting.BASIC_ONLY)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Negotiate");
                exchange.getResponseHeaders().add("WWW-Authenticate", "Kerberos");
            }
            if (host.spec().has(WinRmServiceSetting.BASIC) || host.spec().has(WinRmServiceSetting.BASIC_ONLY)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"WSMAN\"");
            }
        }
        send(exchange, 401, "text/plain", new byte[0]);
        return null;
    }

    private Reply dispatch(HttpExchange exchange, byte[] body) throws IOException {
        WsmanRequest request = WsmanRequest.parse(new ByteArrayInputStream(body));
        String action = request.action();
        String id = request.messageId();
        if (WsmanResponses.CREATE.equals(action) && host.spec().has(WinRmServiceSetting.REMOTE_SHELLS_DISABLED)) {
            return new Reply(500, WsmanResponses.fault(id, "AccessDenied", 2150859180L, "The WS-Management service cannot "
                    + "process the request. The service is configured to not accept any remote shell requests."));
        }
        if (WsmanResponses.CREATE.equals(action)) {
            String shellId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
            shells.put(shellId, new OpenShell(codePage(request.codePage())));
            String scheme = exchange instanceof HttpsExchange ? "https://" : "http://";
            String address = scheme + exchange.getLocalAddress().getHostString() + ":" + host.port() + "/wsman";
            return new Reply(200, WsmanResponses.created(id, address, shellId));
        }
        OpenShell open = request.shellId() == null ? null : shells.get(request.shellId());
        if (open == null) {
            return new Reply(500, WsmanResponses.fault(id, "InvalidSelectors", 2150858843L,
                    "The request for the Windows Remote Shell with ShellId " + request.shellId()
                            + " failed because the shell was not found on the server."));
        } else if (WsmanResponses.COMMAND.equals(action)) {
            host.counters().command();
            String commandId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
            open.commands.put(commandId, shell.execute(request.commandLine()));
            return new Reply(200, WsmanResponses.commandStarted(id, commandId));
        } else if (WsmanResponses.RECEIVE.equals(action) && open.commands.containsKey(request.commandId())) {
            return new Reply(200, WsmanResponses.received(id, request.commandId(),
                    open.commands.get(request.commandId()), open.codePage));
        } else if (WsmanResponses.SIGNAL.equals(action)) {
            open.commands.remove(request.commandId());
            return new Reply(200, WsmanResponses.signalled(id));
        } else if (WsmanResponses.SEND.equals(action)) {
            return new Reply(200, WsmanResponses.empty(WsmanResponses.SEND, id));
        } else if (WsmanResponses.DELETE.equals(action)) {
            shells.remove(request.shellId());
            return new Reply(200, WsmanResponses.empty(WsmanResponses.DELETE, id));
        }
        return new Reply(500, WsmanResponses.fault(id, "ActionNotSupported", 2150858771L,
                "The action is not supported by the service: " + action));
    }

    /** The code page asked for, else the host's OEM code page: 850 on a German host, 437 on an English one. */
    private Charset codePage(String asked) {
        if ("65001".equals(asked)) {
            return StandardCharsets.UTF_8;
        }
        String oem = asked != null && asked.matches("[0-9]{3,5}") ? asked
                : host.spec().has(LabFault.GERMAN_WINDOWS) ? "850" : "437";
        return Charset.isSupported("IBM" + oem) ? Charset.forName("IBM" + oem) : StandardCharsets.US_ASCII;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Server", "Microsoft-HTTPAPI/2.0");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** A malformed request gets 400, unless the answer had already started (then the connection just closes). */
    private static void sendQuietly(HttpExchange exchange, int status) {
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException | RuntimeException alreadyAnswered) {
            // the exchange is closed by the caller either way
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BODY) {
                throw new IOException("request body over " + MAX_BODY + " bytes");
            }
        }
        return out.toByteArray();
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** One connection's logon: an NTLM handshake under way, or done (with its sealing; none for Basic). */
    private static final class Logon {
        final NtlmAcceptor acceptor;
        final ServerCipher sealing;

        Logon(NtlmAcceptor acceptor, ServerCipher sealing) {
            this.acceptor = acceptor;
            this.sealing = sealing;
        }

        boolean isComplete() {
            return acceptor == null;
        }
    }

    private static final class OpenShell {
        final Charset codePage;
        final Map<String, CommandOutput> commands = new ConcurrentHashMap<>();

        OpenShell(Charset codePage) {
            this.codePage = codePage;
        }
    }

    private static final class Reply {
        final int status;
        final String xml;

        Reply(int status, String xml) {
            this.status = status;
            this.xml = xml;
        }
    }
}
