package io.jenkins.plugins.dcom.transport.winrm;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpException;
import org.apache.http.HttpHost;
import org.apache.http.HttpResponse;
import org.apache.http.MessageConstraintException;
import org.apache.http.client.utils.URIUtils;
import org.apache.http.config.MessageConstraints;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.DefaultBHttpClientConnection;
import org.apache.http.impl.DefaultConnectionReuseStrategy;
import org.apache.http.message.BasicHttpEntityEnclosingRequest;
import org.apache.http.protocol.HttpCoreContext;
import org.apache.http.protocol.HttpProcessor;
import org.apache.http.protocol.HttpRequestExecutor;
import org.apache.http.protocol.ImmutableHttpProcessor;
import org.apache.http.protocol.RequestConnControl;
import org.apache.http.protocol.RequestContent;
import org.apache.http.protocol.RequestTargetHost;
import org.apache.http.protocol.RequestUserAgent;

/**
 * The one HTTP/1.1 connection a WinRM session keeps to its endpoint, on HttpCore's blocking connection and request
 * executor: opened at the first exchange, checked before it is used again (a host that closed it gets a new one), and
 * closed when an answer says it will not be kept. Windows binds a Negotiate or Kerberos logon to its TCP connection, so
 * the session asks {@link #connect()} whether a new one was opened, and logs on again when it was.
 *
 * <p>Everything the host sends is bounded: the time to connect, each read's wait, a status or header line (16 KiB),
 * the headers (100) and the body ({@value #MAX_ANSWER_BYTES} bytes); past the body's cap the connection is shut down,
 * never drained. Not thread-safe, but for {@link #abort()}, which another thread may call at any time.
 */
final class WsmanConnection implements Closeable {
    /** Far above any answer to the commands this tool sends; a host sending more is not believed. */
    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;
    private static final String USER_AGENT = "dcom-protocol-compliance";
    /** The headers every request carries: Content-Length and Content-Type, Host, Connection: Keep-Alive, User-Agent. */
    private static final HttpProcessor REQUEST_HEADERS = new ImmutableHttpProcessor(new RequestContent(),
            new RequestTargetHost(), new RequestConnControl(), new RequestUserAgent(USER_AGENT));
    private static final HttpRequestExecutor EXECUTOR = new HttpRequestExecutor();
    private static final int MAX_HEADERS = 100;
    private static final int MAX_LINE = 16 * 1024;
    private static final MessageConstraints LIMITS = MessageConstraints.custom().setMaxLineLength(MAX_LINE)
            .setMaxHeaderCount(MAX_HEADERS).build();
    private static final int BUFFER = 8 * 1024;

    private final HttpHost target;
    private final String path;
    private final ConnectionSocketFactory sockets;
    private final boolean tls;
    private final int connectMillis;
    private final int readMillis;
    private volatile DefaultBHttpClientConnection open;
    /** The channel under {@link #open} over plain HTTP, for {@link #dropped(DefaultBHttpClientConnection)}; {@code null} over HTTPS. */
    private SocketChannel channel;
    /** The socket being connected, until it is bound to {@link #open}; what {@link #abort()} closes meanwhile. */
    private volatile Socket connecting;
    private volatile boolean aborted;
    /**
     * Whether {@link #open} has carried an exchange; a connection just opened is not checked (HttpCore binds its
     * buffers at the first exchange, and nothing was waited for since the connect).
     */
    private boolean used;

    /** One answer, its body read whole. */
    static final class Response {
        final int status;
        /** The body's Content-Type, or {@code null} when it has none. */
        final String contentType;
        final byte[] body;
        /** The values of every {@code WWW-Authenticate} header, in order. */
        final List<String> challenges;

        Response(int status, String contentType, byte[] body, List<String> challenges) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
            this.challenges = challenges;
        }
    }

    /**
     * @param endpoint      the WinRM URL, {@code http} or {@code https}
     * @param tls           the TLS setup for {@code https} (the host's name is verified against its certificate);
     *                      {@code null} for {@code http}
     * @param connectMillis the limit on connecting (and, over HTTPS, on the handshake's reads)
     * @param readMillis    the limit on each wait for the host's bytes
     */
    WsmanConnection(URI endpoint, SSLContext tls, int connectMillis, int readMillis) {
        this.target = URIUtils.extractHost(endpoint);
        this.path = endpoint.getRawPath();
        this.tls = tls != null;
        this.sockets = tls == null ? PlainConnectionSocketFactory.getSocketFactory()
                : new SSLConnectionSocketFactory(tls, new DefaultHostnameVerifier());
        this.connectMillis = connectMillis;
        this.readMillis = readMillis;
    }

    /**
     * Makes sure a usable connection is open: the kept one if the host has not closed it ({@link #dropped}), else a
     * new one.
     *
     * @return whether a new connection was opened, so that a logon bound to the old one is gone
     * @throws IOException when the host cannot be reached (the last of its addresses' failures)
     */
    boolean connect() throws IOException {
        DefaultBHttpClientConnection kept = open;
        if (kept != null && !aborted && kept.isOpen() && !(used && dropped(kept))) {
            return false;
        }
        close();
        aborted = false;
        used = false;
        IOException last = null;
        for (InetAddress address : InetAddress.getAllByName(target.getHostName())) {
            try {
                open = bind(address);
                return true;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Whether the host closed the kept connection (or sent something unasked) since its last answer. Over plain HTTP
     * this is a read that does not wait, as urllib3 checks pywinrm's connections; over HTTPS, where TLS may have
     * records of its own waiting, a read that waits 1 ms (HttpCore's stale check).
     */
    private boolean dropped(DefaultBHttpClientConnection kept) throws IOException {
        if (channel == null) {
            return kept.isStale();
        }
        try {
            synchronized (channel.blockingLock()) {
                channel.configureBlocking(false);
                int read = channel.read(ByteBuffer.allocate(1));
                channel.configureBlocking(true);
                return read != 0;
            }
        } catch (IOException e) {
            return true; // closed or reset: a new connection it is
        }
    }

    private DefaultBHttpClientConnection bind(InetAddress address) throws IOException {
        SocketChannel plain = tls ? null : SocketChannel.open();
        Socket socket = plain == null ? sockets.createSocket(null) : plain.socket();
        connecting = socket;
        try {
            socket.setTcpNoDelay(true);
            Socket connected = sockets.connectSocket(connectMillis, socket, target,
                    new InetSocketAddress(address, target.getPort()), null, HttpCoreContext.create());
            if (aborted) {
                throw new SocketException("the exchange was aborted while connecting");
            }
            connected.setSoTimeout(readMillis);
            DefaultBHttpClientConnection connection = new DefaultBHttpClientConnection(BUFFER, BUFFER, null, null, LIMITS,
                    null, null, null, null);
            connection.bind(connected);
            channel = plain;
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        } finally {
            connecting = null;
        }
    }

    /**
     * Sends one POST on the open connection ({@link #connect()} first) and reads its whole answer.
     *
     * @param authorization an {@code Authorization} header to send, or {@code null}
     * @throws WinRmFailures.Refused when the body passes {@value #MAX_ANSWER_BYTES} bytes (the connection is shut down)
     * @throws IOException           when the exchange fails; the connection is then shut down
     */
    Response post(byte[] body, String contentType, String authorization) throws IOException {
        DefaultBHttpClientConnection connection = open;
        if (connection == null) {
            throw new SocketException("no connection is open");
        }
        BasicHttpEntityEnclosingRequest request = new BasicHttpEntityEnclosingRequest("POST", path);
        ByteArrayEntity entity = new ByteArrayEntity(body);
        entity.setContentType(contentType);
        request.setEntity(entity);
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        HttpCoreContext context = HttpCoreContext.create();
        context.setTargetHost(target);
        try {
            EXECUTOR.preProcess(request, REQUEST_HEADERS, context);
            used = true;
            HttpResponse response = EXECUTOR.execute(request, connection, context);
            HttpEntity answer = response.getEntity();
            byte[] bytes = answer == null ? new byte[0] : read(answer);
            if (!DefaultConnectionReuseStrategy.INSTANCE.keepAlive(response, context)) {
                close();
            }
            return new Response(response.getStatusLine().getStatusCode(),
                    answer == null || answer.getContentType() == null ? null : answer.getContentType().getValue(), bytes,
                    values(response.getHeaders("WWW-Authenticate")));
        } catch (MessageConstraintException e) {
            abort();
            throw new WinRmFailures.Refused("the WinRM service's answer has more than " + MAX_HEADERS + " header lines or one "
                    + "longer than " + MAX_LINE + " characters; the connection was aborted");
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        } catch (HttpException e) {
            abort();
            throw new WinRmFailures.Refused("the WinRM service's answer is not HTTP (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Reads the body; past the cap the connection is shut down first, so nothing reads the rest of the body. */
    private byte[] read(HttpEntity entity) throws IOException {
        InputStream in = entity.getContent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_ANSWER_BYTES) {
                abort();
                throw new WinRmFailures.Refused("the WinRM service's answer is larger than " + MAX_ANSWER_BYTES
                        + " bytes; the connection was aborted");
            }
        }
        return out.toByteArray();
    }

    private static List<String> values(Header[] headers) {
        List<String> values = new ArrayList<>(headers.length);
        for (Header header : headers) {
            values.add(header.getValue());
        }
        return values;
    }

    /**
     * Shuts the connection down at once (its socket reset, nothing drained), or the one being connected: the exchange
     * under way fails. Safe from any thread; the next {@link #connect()} opens a new connection.
     */
    void abort() {
        aborted = true;
        DefaultBHttpClientConnection connection = open;
        if (connection != null) {
            shutdown(connection);
        }
        Socket socket = connecting;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
    }

    private static void shutdown(DefaultBHttpClientConnection connection) {
        try {
            connection.shutdown();
        } catch (IOException e) {
            // the socket is closed anyway: a reset connection has nothing left to lose
        }
    }

    /** Closes the kept connection, if any. */
    @Override
    public void close() {
        DefaultBHttpClientConnection connection = open;
        open = null;
        channel = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                shutdown(connection);
            }
        }
    }
}
