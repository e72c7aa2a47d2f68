package io.jenkins.plugins.dcom.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code /wsman} endpoint of one lab host: Basic authentication (401 with {@code WWW-Authenticate: Basic
 * realm="WSMAN"} otherwise), then Create / Command / Receive / Signal / Send / Delete of the cmd shell, each reply
 * carrying {@code RelatesTo}. Commands run in the host's {@link WindowsShell} when the Command message arrives.
 */
final class WsmanHandler implements HttpHandler {
    private static final String SOAP_TYPE = "application/soap+xml;charset=UTF-8";

    private final LabHost host;
    private final WindowsShell shell;
    private final Map<String, Map<String, CommandOutput>> shells = new ConcurrentHashMap<>();

    WsmanHandler(LabHost host, WindowsShell shell) {
        this.host = host;
        this.shell = shell;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            host.counters().request(exchange.getRemoteAddress(), exchange instanceof HttpsExchange);
            host.simulateLatency();
            if (!"POST".equals(exchange.getRequestMethod()) || !"/wsman".equals(exchange.getRequestURI().getPath())) {
                send(exchange, 405, "text/plain", "");
            } else if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                drain(exchange.getRequestBody());
                host.counters().challenged(exchange.getRequestHeaders().getFirst("Authorization") != null);
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"WSMAN\"");
                send(exchange, 401, "text/plain", "");
            } else {
                dispatch(exchange, WsmanRequest.parse(exchange.getRequestBody()));
            }
        } catch (IOException | RuntimeException e) {
            sendQuietly(exchange, 400);
        } finally {
            exchange.close();
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return decoded.equals(host.spec().getUser() + ":" + host.expectedPassword());
    }

    private void dispatch(HttpExchange exchange, WsmanRequest request) throws IOException {
        String action = request.action();
        String id = request.messageId();
        if (WsmanResponses.CREATE.equals(action)) {
            String shellId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
            shells.put(shellId, new ConcurrentHashMap<String, CommandOutput>());
            String address = "http://" + exchange.getLocalAddress().getHostString() + ":" + host.port() + "/wsman";
            soap(exchange, 200, WsmanResponses.created(id, address, shellId));
            return;
        }
        Map<String, CommandOutput> commands = request.shellId() == null ? null : shells.get(request.shellId());
        if (commands == null) {
            soap(exchange, 500, WsmanResponses.fault(id, "InvalidSelectors", 2150858843L,
                    "The request for the Windows Remote Shell with ShellId " + request.shellId()
                            + " failed because the shell was not found on the server."));
        } else if (WsmanResponses.COMMAND.equals(action)) {
            host.counters().command();
            String commandId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
            commands.put(commandId, shell.execute(request.commandLine()));
            soap(exchange, 200, WsmanResponses.commandStarted(id, commandId));
        } else if (WsmanResponses.RECEIVE.equals(action) && commands.containsKey(request.commandId())) {
            soap(exchange, 200, WsmanResponses.received(id, request.commandId(), commands.get(request.commandId())));
        } else if (WsmanResponses.SIGNAL.equals(action)) {
            commands.remove(request.commandId());
            soap(exchange, 200, WsmanResponses.signalled(id));
        } else if (WsmanResponses.SEND.equals(action)) {
            soap(exchange, 200, WsmanResponses.empty(WsmanResponses.SEND, id));
        } else if (WsmanResponses.DELETE.equals(action)) {
            shells.remove(request.shellId());
            soap(exchange, 200, WsmanResponses.empty(WsmanResponses.DELETE, id));
        } else {
            soap(exchange, 500, WsmanResponses.fault(id, "ActionNotSupported", 2150858771L,
                    "The action is not supported by the service: " + action));
        }
    }

    private static void soap(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, SOAP_TYPE, body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
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

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        while (in.read(buffer) >= 0) {
            // discard
        }
    }
}
