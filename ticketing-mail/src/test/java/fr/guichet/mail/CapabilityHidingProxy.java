package fr.guichet.mail;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A loopback TCP proxy in front of an IMAP server that removes some capabilities from what the server announces
 * ({@code * CAPABILITY …} and {@code OK [CAPABILITY …]}), as an older server without them would: the commands
 * themselves pass unchanged, each line of them noted without its tag ({@link #commands}).
 */
final class CapabilityHidingProxy implements AutoCloseable {

    private static final Pattern ANNOUNCE = Pattern.compile("^(\\* |[A-Za-z0-9.]+ )(OK \\[)?CAPABILITY .*",
            Pattern.DOTALL);

    private final ServerSocket listener;
    private final int target;
    private final List<String> hidden;
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());

    CapabilityHidingProxy(int target, List<String> hidden) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.hidden = List.copyOf(hidden);
        Thread accept = new Thread(this::accept, "proxy-imap");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The lines clients sent so far, in order, without their tag and line break ({@code UID COPY 1:3 …}). */
    List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                pump(client.getInputStream(), server.getOutputStream(), false, client, server);
                pump(server.getInputStream(), client.getOutputStream(), true, client, server);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(InputStream from, OutputStream to, boolean fromServer, Socket client, Socket server) {
        Thread pump = new Thread(() -> {
            try (client; server) {
                InputStream in = new BufferedInputStream(from);
                OutputStream out = new BufferedOutputStream(to);
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) != -1) {
                    line.write(b);
                    if (!fromServer) {
                        out.write(b);
                    }
                    if (b == '\n') {
                        if (fromServer) {
                            out.write(rewritten(line.toByteArray()));
                        } else {
                            noted(line.toByteArray());
                        }
                        line.reset();
                    }
                    if ((b == '\n' || !fromServer) && in.available() == 0) {
                        out.flush();
                    }
                }
            } catch (IOException ended) {
                return;
            }
        }, "proxy-imap-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void noted(byte[] line) {
        String text = new String(line, StandardCharsets.ISO_8859_1).strip();
        commands.add(text.substring(text.indexOf(' ') + 1));
    }

    private byte[] rewritten(byte[] line) {
        String text = new String(line, StandardCharsets.ISO_8859_1);
        if (!ANNOUNCE.matcher(text).matches()) {
            return line;
        }
        for (String capability : hidden) {
            text = text.replace(" " + capability, "");
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
