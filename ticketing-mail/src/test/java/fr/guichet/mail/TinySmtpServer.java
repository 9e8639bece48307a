package fr.guichet.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of an SMTP server to cause what GreenMail cannot: a chosen reply (550, 451…) to RCPT for chosen
 * recipients, silence after connecting, or a 421 that drops every open connection. Records the recipients of each
 * message it accepts, and counts connections and QUITs.
 */
final class TinySmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
    private final List<List<String>> accepted = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger quits = new AtomicInteger();
    private volatile boolean silent;

    TinySmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tiny-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** From now on, answers {@code reply} (e.g. {@code 550 5.1.1 unknown}) to RCPT TO this address. */
    void replyToRcpt(String address, String reply) {
        rcptReplies.put(address.toLowerCase(Locale.ROOT), reply);
    }

    void acceptAll() {
        rcptReplies.clear();
    }

    /** Accepts connections but never says a word. */
    void beSilent() {
        silent = true;
    }

    /** How many accepted messages had {@code address} among their recipients. */
    long acceptedFor(String address) {
        return accepted.stream().filter(r -> r.contains(address.toLowerCase(Locale.ROOT))).count();
    }

    int acceptedCount() {
        return accepted.size();
    }

    /** How many connections clients have opened so far. */
    int connections() {
        return clients.size();
    }

    /** How many times a client said QUIT. */
    int quits() {
        return quits.get();
    }

    /** Answers {@code 421} on every open connection and closes it, as a server timing out idle clients does. */
    void dropOpenConnections() throws IOException {
        for (Socket client : clients) {
            if (!client.isClosed()) {
                say(client.getOutputStream(), "421 4.4.2 tiny.test Error: timeout exceeded");
                client.close();
            }
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                Thread t = new Thread(() -> converse(client), "tiny-smtp-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = client.getOutputStream()) {
            if (silent) {
                in.read();
                return;
            }
            say(out, "220 tiny.test ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    say(out, "250 tiny.test");
                } else if (command.startsWith("MAIL FROM:")) {
                    recipients.clear();
                    say(out, "250 2.1.0 OK");
                } else if (command.startsWith("RCPT TO:")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
                    String reply = rcptReplies.get(address);
                    if (reply == null) {
                        recipients.add(address);
                        say(out, "250 2.1.5 OK");
                    } else {
                        say(out, reply);
                    }
                } else if (command.equals("DATA")) {
                    say(out, "354 End data with <CR><LF>.<CR><LF>");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        continue;
                    }
                    accepted.add(List.copyOf(recipients));
                    say(out, "250 2.0.0 queued");
                } else if (command.equals("QUIT")) {
                    quits.incrementAndGet();
                    say(out, "221 2.0.0 bye");
                    return;
                } else if (command.equals("RSET")) {
                    recipients.clear();
                    say(out, "250 2.0.0 OK");
                } else if (command.equals("NOOP")) {
                    say(out, "250 2.0.0 OK");
                } else {
                    say(out, "502 5.5.1 unrecognised command");
                }
            }
        } catch (SocketException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
