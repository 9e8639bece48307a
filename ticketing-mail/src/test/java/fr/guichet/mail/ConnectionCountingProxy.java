package fr.guichet.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback TCP proxy in front of a server that passes bytes unchanged and counts the connections clients open. */
final class ConnectionCountingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final AtomicInteger connections = new AtomicInteger();

    ConnectionCountingProxy(int target) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        Thread accept = new Thread(this::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections clients have opened through the proxy so far. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                relay(client.getInputStream(), server.getOutputStream(), client, server);
                relay(server.getInputStream(), client.getOutputStream(), client, server);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void relay(InputStream from, OutputStream to, Socket client, Socket server) {
        Thread relay = new Thread(() -> {
            try (client; server) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = from.read(buffer)) != -1) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException ended) {
                return;
            }
        }, "proxy-relay");
        relay.setDaemon(true);
        relay.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
