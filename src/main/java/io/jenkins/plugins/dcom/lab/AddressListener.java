package io.jenkins.plugins.dcom.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * One WinRM port serving many lab hosts, each on its own loopback address (127.0.0.0/8 reaches the loopback interface
 * on Linux without any setup), so that a fleet of thousands is addressed as a real one is: by address, on WinRM's
 * port. One listener on the wildcard address takes every connection and hands each request to the host whose address
 * the client connected to; a request to any address that is not loopback, or to a host that is away (restarting), is
 * dropped without an answer. Thousands of listeners of their own would need a thread and several file descriptors
 * each.
 */
final class AddressListener implements HttpHandler {
    private final Map<InetAddress, HttpHandler> hosts = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor;

    private AddressListener(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on the wildcard address at {@code port}; over HTTPS when {@code tls} is given. */
    static AddressListener start(int port, LabTls tls, ThreadFactory threads) throws IOException {
        HttpSysTimeouts.apply();
        HttpServer server;
        if (tls == null) {
            server = HttpServer.create(new InetSocketAddress(port), 1024);
        } else {
            HttpsServer https = HttpsServer.create(new InetSocketAddress(port), 1024);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
            server = https;
        }
        ExecutorService executor = Executors.newCachedThreadPool(threads);
        AddressListener listener = new AddressListener(server, executor);
        server.createContext("/", listener);
        server.setExecutor(executor);
        server.start();
        return listener;
    }

    /** @return the port listened on */
    int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code handler} on {@code address} from now on: the host is up. */
    void serve(InetAddress address, HttpHandler handler) {
        hosts.put(address, handler);
    }

    /** Stops serving {@code address}: the host is away, its requests are dropped. */
    void withdraw(InetAddress address) {
        hosts.remove(address);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        InetAddress local = exchange.getLocalAddress().getAddress();
        HttpHandler host = local.isLoopbackAddress() ? hosts.get(local) : null;
        if (host == null) {
            exchange.close();
            return;
        }
        host.handle(exchange);
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }
}
