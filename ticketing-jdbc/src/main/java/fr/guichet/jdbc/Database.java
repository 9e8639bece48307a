package fr.guichet.jdbc;

import fr.guichet.core.domain.TicketingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The Jdbi of one database: every call joins the transaction open on the calling thread (Jdbi keeps one handle per
 * thread) or runs in a transaction of its own; Jdbi's exceptions become UNAVAILABLE domain errors. Instants are
 * stored in UTC without a zone, to the microsecond, the same way on every database.
 */
final class Database {

    private final Jdbi jdbi;
    private final Dialect dialect;

    Database(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new UtcInstantArgument());
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> instant(rs, column));
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in the thread's transaction, or in a new one committed when it returns. */
    <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw TicketingException.unavailable(e);
        }
    }

    /**
     * Runs {@code work}, a single read, in the thread's transaction if one is open, otherwise in auto-commit: no
     * transaction to begin and commit around it.
     */
    <T> T read(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw TicketingException.unavailable(e);
        }
    }

    /** Runs {@code work} in a transaction of its own on a connection of its own, even inside another transaction. */
    <T> T inSeparateTransaction(HandleCallback<T, RuntimeException> work) {
        try (Handle handle = jdbi.open()) {
            return handle.inTransaction(work);
        } catch (JdbiException e) {
            throw TicketingException.unavailable(e);
        }
    }

    /** The instant stored in a column by this class, or null. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs, rs.findColumn(column));
    }

    /** Whether {@code e} reports a broken unique or primary key constraint. */
    /**
     * Runs an upsert a second time when it fails on the key: on H2 a merge racing another transaction's first row for
     * the same key fails once that transaction commits; the row then exists and the second attempt updates it.
     */
    static void upsertRacingFirstRow(Runnable upsert) {
        try {
            upsert.run();
        } catch (UnableToExecuteStatementException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            upsert.run();
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return "23505".equals(state) || ("23000".equals(state) && sql.getErrorCode() == 1062);
            }
        }
        return false;
    }

    /** Binds an instant as its UTC date and time. */
    private static final class UtcInstantArgument extends AbstractArgumentFactory<Instant> {

        UtcInstantArgument() {
            super(Types.TIMESTAMP);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) ->
                    statement.setObject(position,
                            LocalDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }
}
