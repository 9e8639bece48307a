package fr.guichet.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The open SMTP connections of one channel: a caller takes a connection for itself alone and gives it back for the
 * next caller to reuse, so there are never more connections than callers at once. A connection is closed (QUIT) once
 * it has carried {@link MailConfig#mailsPerConnection()} mails, after {@link MailConfig#idleTimeout()} unused (on a
 * daemon thread that exists only while a connection waits), and when the pool is closed. Thread-safe.
 */
final class SmtpConnections implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SmtpConnections.class.getName());

    private final MailConfig config;
    private final Session session;
    private final long idleNanos;
    private final ScheduledThreadPoolExecutor closer;
    private final Object lock = new Object();
    private final Deque<Connection> idle = new ArrayDeque<>();
    private ScheduledFuture<?> sweep;
    private boolean closed;

    SmtpConnections(MailConfig config, Session session) {
        this.config = config;
        this.session = session;
        this.idleNanos = config.idleTimeout().toNanos();
        this.closer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "guichet-smtp-idle-close");
            t.setDaemon(true);
            return t;
        });
        closer.setKeepAliveTime(config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        closer.allowCoreThreadTimeOut(true);
        closer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** The most recently given back connection that has not been idle too long, or else a new one. */
    Connection take() throws MessagingException {
        List<Connection> expired;
        Connection reused;
        synchronized (lock) {
            if (closed) {
                throw new MessagingException("the SMTP channel is closed");
            }
            expired = removeExpired(System.nanoTime());
            reused = idle.pollFirst();
        }
        expired.forEach(Connection::close);
        return reused != null ? reused : open();
    }

    /** A new connection, never one given back. */
    Connection open() throws MessagingException {
        Connection connection = new Connection(session.getTransport());
        try {
            connection.transport.connect(config.host(), config.port(), config.username(), config.password());
        } catch (MessagingException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Keeps {@code connection} for the next caller, unless it has carried its share of mails or the pool is closed. */
    void giveBack(Connection connection) {
        boolean kept;
        synchronized (lock) {
            kept = !closed && connection.carried < config.mailsPerConnection();
            if (kept) {
                connection.idleSince = System.nanoTime();
                idle.addFirst(connection);
                if (sweep == null) {
                    sweep = closer.schedule(this::sweep, idleNanos, TimeUnit.NANOSECONDS);
                }
            }
        }
        if (!kept) {
            connection.close();
        }
    }

    private void sweep() {
        List<Connection> expired;
        synchronized (lock) {
            long now = System.nanoTime();
            expired = removeExpired(now);
            sweep = closed || idle.isEmpty() ? null
                    : closer.schedule(this::sweep, idleNanos - (now - idle.peekLast().idleSince), TimeUnit.NANOSECONDS);
        }
        expired.forEach(Connection::close);
    }

    private List<Connection> removeExpired(long now) {
        List<Connection> expired = new ArrayList<>();
        while (!idle.isEmpty() && now - idle.peekLast().idleSince >= idleNanos) {
            expired.add(idle.pollLast());
        }
        return expired;
    }

    /** Closes the idle connections now and each busy one when it is given back; no connection is taken after. */
    @Override
    public void close() {
        List<Connection> open;
        synchronized (lock) {
            closed = true;
            open = List.copyOf(idle);
            idle.clear();
        }
        closer.shutdown();
        open.forEach(Connection::close);
    }

    /** One connected transport and the mails it has carried; used by one caller at a time. */
    static final class Connection {
        private final Transport transport;
        private int carried;
        private long idleSince;

        private Connection(Transport transport) {
            this.transport = transport;
        }

        /** Whether it carried a mail before: the server may have dropped it since. */
        boolean reused() {
            return carried > 0;
        }

        void send(MimeMessage message) throws MessagingException {
            carried++;
            transport.sendMessage(message, message.getAllRecipients());
        }

        /** Whether the server still answers on it after a failure (NOOP); a connection found dead is closed. */
        boolean alive() {
            return transport.isConnected();
        }

        void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.log(Level.DEBUG, "closing an SMTP connection failed", e);
            }
        }
    }
}
