package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.lab.LabHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WinRM host that answers as a lab host does (every message is passed to one, over Basic on plain HTTP) until the
 * first Receive, which it answers as a broken or hostile host would. Its loops are bounded in count and time, so a
 * client that never gives up still ends; {@link #bytesSent()} says how much of a hostile answer the client took.
 */
final class HostileWinRmHost implements AutoCloseable {
    /** How the host turns hostile at the first Receive. */
    enum Turn {
        /** Receive after Receive says Running and streams 256 KB more output, for ever. */
        STREAM_FOREVER,
        /** Receive after Receive says Running, at once, with no output and no fault. */
        RUNNING_EMPTY,
        /** The answer is a chunked body that never ends. */
        ENDLESS_CHUNKED,
        /** The answer announces 100,000 bytes and sends one a second. */
        SLOW_DRIP,
        /** A WS-Management fault whose Subcode is 1.2 MB of text. */
        HUGE_FAULT_SUBCODE,
        /** The answer's header never ends: header line after header line. */
        ENDLESS_HEADERS
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<a:MessageID>([^<]+)</a:MessageID>");
    private static final String RECEIVE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Receive<";
    private static final long MAX_SECONDS = 60;
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    private final LabHost behind;
    private final Turn turn;
    private final ServerSocket server;
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicInteger receives = new AtomicInteger();
    private final Thread acceptor;

    HostileWinRmHost(LabHost behind, Turn turn) throws IOException {
        this.behind = behind;
        this.turn = turn;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "hostile-winrm-" + turn);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** @return the inventory line of this host */
    String inventoryLine() {
        return "127.0.0.1:" + port() + " name=" + turn.name().replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /** @return how many bytes of hostile answers reached the client's socket */
    long bytesSent() {
        return bytesSent.get();
    }

    /** @return how many Receives the client sent */
    int receives() {
        return receives.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "hostile-winrm-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (Socket s = socket; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            for (Request request = Request.read(in); request != null; request = Request.read(in)) {
                String body = new String(request.body, StandardCharsets.UTF_8);
                if (body.contains(RECEIVE)) {
                    receives.incrementAndGet();
                    hostile(out, relatesTo(body));
                    if (turn == Turn.ENDLESS_CHUNKED || turn == Turn.SLOW_DRIP || turn == Turn.ENDLESS_HEADERS) {
                        return;
                    }
                } else {
                    forward(request, out);
                }
            }
        } catch (IOException | InterruptedException clientGone) {
            // the client closed or aborted the connection: what the tests look for
        }
    }

    private void hostile(OutputStream out, String relatesTo) throws IOException, InterruptedException {
        switch (turn) {
            case STREAM_FOREVER:
                byte[] chunk = new byte[256 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'x');
                answer(out, 200, running(relatesTo, Base64.getEncoder().encodeToString(chunk)));
                break;
            case RUNNING_EMPTY:
                answer(out, 200, running(relatesTo, null));
                break;
            case ENDLESS_CHUNKED:
                endlessChunks(out);
                break;
            case SLOW_DRIP:
                slowDrip(out);
                break;
            case ENDLESS_HEADERS:
                endlessHeaders(out);
                break;
            default:
                StringBuilder subcode = new StringBuilder("w:");
                for (int i = 0; i < 1_200_000; i++) {
                    subcode.append((char) ('a' + i % 26));
                }
                answer(out, 500, envelope(relatesTo, "<s:Fault><s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value>"
                        + subcode + "</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">broken</s:Text>"
                        + "</s:Reason></s:Fault>"));
        }
    }

    private void endlessChunks(OutputStream out) throws IOException {
        write(out, ("HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml;charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] data = new byte[64 * 1024];
        java.util.Arrays.fill(data, (byte) ' ');
        byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long end = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
        while (bytesSent.get() < MAX_BYTES && System.nanoTime() < end) {
            write(out, head);
            write(out, data);
            write(out, "\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void endlessHeaders(OutputStream out) throws IOException {
        write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml;charset=UTF-8\r\n".getBytes(StandardCharsets.US_ASCII));
        long end = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
        for (long line = 0; bytesSent.get() < MAX_BYTES && System.nanoTime() < end; line++) {
            write(out, ("X-Flood-" + line + ": " + line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void slowDrip(OutputStream out) throws IOException, InterruptedException {
        write(out, ("HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml;charset=UTF-8\r\nContent-Length: 100000\r\n\r\n<")
                .getBytes(StandardCharsets.US_ASCII));
        for (int second = 0; second < MAX_SECONDS; second++) {
            Thread.sleep(1000);
            write(out, new byte[] {' '});
        }
    }

    private void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        bytesSent.addAndGet(bytes.length);
    }

    /** Passes one message to the lab host and its answer back, as a WinRM service would have answered it. */
    private void forward(Request request, OutputStream out) throws IOException {
        HttpURLConnection lab = (HttpURLConnection) new URL("http://" + behind.address() + ":" + behind.port() + "/wsman")
                .openConnection();
        lab.setRequestMethod("POST");
        lab.setDoOutput(true);
        if (request.authorization != null) {
            lab.setRequestProperty("Authorization", request.authorization);
        }
        lab.setRequestProperty("Content-Type", request.contentType);
        lab.getOutputStream().write(request.body);
        int status = lab.getResponseCode();
        InputStream answer = status < 400 ? lab.getInputStream() : lab.getErrorStream();
        byte[] body = answer == null ? new byte[0] : readAll(answer);
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/soap+xml;charset=UTF-8\r\nContent-Length: "
                + body.length + "\r\n" + (status == 401 ? "WWW-Authenticate: Basic realm=\"WSMAN\"\r\n" : "") + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static void answer(OutputStream out, int status, String envelope) throws IOException {
        byte[] body = envelope.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/soap+xml;charset=UTF-8\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String running(String relatesTo, String base64) {
        String stream = base64 == null ? "" : "<rsp:Stream Name=\"stdout\" CommandId=\"C\">" + base64 + "</rsp:Stream>";
        return envelope(relatesTo, "<rsp:ReceiveResponse>" + stream + "<rsp:CommandState CommandId=\"C\" "
                + "State=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Running\"/></rsp:ReceiveResponse>");
    }

    private static String envelope(String relatesTo, String body) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/"
                + "addressing\" xmlns:rsp=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell\"><s:Header><a:RelatesTo>"
                + relatesTo + "</a:RelatesTo></s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    private static String relatesTo(String body) {
        Matcher id = MESSAGE_ID.matcher(body);
        return id.find() ? id.group(1) : "";
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            bytes.write(buffer, 0, n);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One HTTP request as the client sent it: the headers this host needs and the body. */
    private static final class Request {
        String authorization;
        String contentType = "application/soap+xml;charset=UTF-8";
        byte[] body;

        /** @return the next request on the connection, or {@code null} when the client closed it */
        static Request read(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            for (int c; !head.toString().endsWith("\r\n\r\n"); ) {
                if ((c = in.read()) < 0) {
                    return null;
                }
                head.append((char) c);
            }
            Request request = new Request();
            int length = 0;
            for (String line : head.toString().split("\r\n")) {
                int colon = line.indexOf(':');
                String name = colon < 0 ? "" : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : line.substring(colon + 1).trim();
                if (name.equals("authorization")) {
                    request.authorization = value;
                } else if (name.equals("content-type")) {
                    request.contentType = value;
                } else if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                }
            }
            request.body = new byte[length];
            for (int read = 0; read < length; ) {
                int n = in.read(request.body, read, length - read);
                if (n < 0) {
                    return null;
                }
                read += n;
            }
            return request;
        }
    }
}
