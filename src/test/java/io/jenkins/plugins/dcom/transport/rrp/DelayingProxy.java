package io.jenkins.plugins.dcom.transport.rrp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy that holds every chunk the client sends for a fixed time before passing it on, so that each
 * request/answer exchange costs that time as on a wide-area link, and counts connections and exchanges (client
 * writes; SMB is request/answer, so a write is an exchange). For the registry benchmark only.
 */
final class DelayingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final int delayMillis;
    final AtomicLong connections = new AtomicLong();
    final AtomicLong exchanges = new AtomicLong();

    DelayingProxy(String address, int port, InetSocketAddress target, int delayMillis) throws IOException {
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(address, port));
        this.target = target;
        this.delayMillis = delayMillis;
        Thread acceptor = new Thread(this::accept, "proxy " + address);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 5000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                connections.incrementAndGet();
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean delayed) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (delayed) {
                        exchanges.incrementAndGet();
                        Thread.sleep(delayMillis);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException ended) {
                // either side closed
            } finally {
                close(from);
                close(to);
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
