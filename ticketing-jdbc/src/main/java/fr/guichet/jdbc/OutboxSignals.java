package fr.guichet.jdbc;

import fr.guichet.core.port.NotificationOutbox;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells this node's listeners that notifications were queued and committed: after the commit of the enqueuing
 * transaction on this node, and on PostgreSQL also for other nodes' commits, through {@code NOTIFY guichet_outbox}
 * (which PostgreSQL delivers only once the transaction commits) and a thread of this node that listens on a
 * connection of its own, taken from the pool while anyone listens. H2 and MariaDB have no such messages: there other
 * nodes' notifications wait for the dispatcher's poll. Thread-safe.
 */
final class OutboxSignals {

    private static final System.Logger LOG = System.getLogger(OutboxSignals.class.getName());
    private static final String CHANNEL = "guichet_outbox";
    private static final int POLL_MILLIS = 1_000;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Thread listening;

    OutboxSignals(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** Signals, once {@code h}'s transaction commits, that it queued notifications. */
    void enqueued(Handle h) {
        if (dialect == Dialect.POSTGRESQL) {
            h.execute("NOTIFY " + CHANNEL);
        }
        h.afterCommit(this::signal);
    }

    synchronized NotificationOutbox.Subscription subscribe(Runnable listener) {
        listeners.add(listener);
        if (dialect == Dialect.POSTGRESQL && listening == null) {
            listening = new Thread(this::listen, "guichet-outbox-listener");
            listening.setDaemon(true);
            listening.start();
        }
        return () -> unsubscribe(listener);
    }

    /** The last listener gone, the listening thread stops and its connection is back in the pool on return. */
    private void unsubscribe(Runnable listener) {
        Thread stopping;
        synchronized (this) {
            listeners.remove(listener);
            if (!listeners.isEmpty() || listening == null) {
                return;
            }
            stopping = listening;
            listening = null;
        }
        try {
            stopping.join(2L * POLL_MILLIS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean listens(Thread thread) {
        return listening == thread;
    }

    private void signal() {
        listeners.forEach(Runnable::run);
    }

    /**
     * Listens while this thread is the listening one; a lost connection is replaced after a pause, and listeners are
     * woken to catch up. The connection stops listening before it goes back to the pool, where it would otherwise
     * gather messages.
     */
    private void listen() {
        Thread self = Thread.currentThread();
        while (listens(self)) {
            try (Connection c = dataSource.getConnection()) {
                execute(c, "LISTEN " + CHANNEL);
                try {
                    signal();
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (listens(self)) {
                        PGNotification[] received = pg.getNotifications(POLL_MILLIS);
                        if (received != null && received.length > 0) {
                            signal();
                        }
                    }
                } finally {
                    execute(c, "UNLISTEN *");
                }
            } catch (SQLException e) {
                if (!listens(self)) {
                    return;
                }
                LOG.log(Level.WARNING, "listening for other nodes' notifications failed; trying again in a second: "
                        + e.getMessage());
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
