package fr.guichet.jdbc;

import fr.guichet.core.domain.TicketingException;
import java.lang.System.Logger.Level;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The Jdbi of one database: every call joins the transaction open on the calling thread (Jdbi keeps one handle per
 * thread) or runs in a transaction of its own; Jdbi's exceptions become UNAVAILABLE domain errors. Instants are
 * stored in UTC without a zone, to the microsecond, the same way on every database.
 */
final class Database {

    /** How many times in all {@link #inRetriedTransaction} runs a unit of work the database keeps giving up. */
    static final int ATTEMPTS = 5;

    /**
     * The SQLStates of a transaction the database rolled back so that running it again may succeed: serialization
     * failure (MariaDB's and H2's deadlock among them) and PostgreSQL's deadlock. Not a MariaDB lock wait timeout
     * (1205, HY000): it undoes the statement alone, after a wait (50 s by default) no caller should make twice.
     */
    private static final Set<String> GIVEN_UP = Set.of("40001", "40P01");

    /** A string literal, a quoted name or a comment: what {@link #reads} looks past. */
    private static final Pattern QUOTED_OR_COMMENT = Pattern.compile(
            "'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`(?:[^`]|``)*`|--[^\\n]*|/\\*(?s:.*?)\\*/");
    /** The first word of a statement, after blanks and opening parentheses. */
    private static final Pattern FIRST_WORD = Pattern.compile("[\\s(]*([A-Za-z]+)");
    private static final Set<String> READING_WORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW", "EXPLAIN");
    /**
     * What makes a statement that begins like a read write or lock: a data change in a common table expression or in
     * H2's data change delta tables, EXPLAIN ANALYZE (which runs the statement), row locks (released at once in
     * auto-commit) and sequences moved on.
     */
    private static final Pattern WRITING = Pattern.compile("(?i)\\b(?:INSERT|UPDATE|DELETE|MERGE|TRUNCATE"
            + "|ANALY[SZ]E|(?:FINAL|NEW|OLD)\\s+TABLE|NEXTVAL|SETVAL|NEXT\\s+VALUE\\s+FOR"
            + "|FOR\\s+(?:NO\\s+KEY\\s+)?(?:UPDATE|SHARE|KEY\\s+SHARE)|LOCK\\s+IN\\s+SHARE\\s+MODE|INTO)\\b");

    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    /** How many statement texts' answers of {@link #reads} a database keeps ({@link Checked}). */
    private static final int CHECKED = 1_000;

    private final Jdbi jdbi;
    private final Dialect dialect;
    /**
     * Whether the thread runs {@link #readOnly} work, whose statements need no transaction: one that would write is
     * refused before it runs, since in auto-commit it would be committed at once.
     */
    private final ThreadLocal<Boolean> reading = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final Checked checked = new Checked(CHECKED);

    Database(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new UtcInstantArgument());
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> instant(rs, column));
        jdbi.addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement statement, StatementContext ctx) {
                if (reading.get() && !checked.reads(ctx.getRenderedSql())) {
                    throw new IllegalStateException("a read (UnitOfWork.read) attempted to write, which would be "
                            + "committed at once; write in UnitOfWork.inTransaction instead: "
                            + abbreviated(ctx.getRenderedSql()));
                }
            }
        });
    }

    /**
     * Whether {@code sql} only reads: after its comments it begins with SELECT, WITH, VALUES, TABLE, SHOW or EXPLAIN,
     * and outside string literals, quoted names and comments it names no data change, row lock, sequence or SELECT
     * INTO. Stricter than it need be: a read it refuses is written in a transaction instead.
     */
    static boolean reads(String sql) {
        String bare = QUOTED_OR_COMMENT.matcher(sql).replaceAll(m -> m.group().startsWith("'") ? "''" : " ");
        Matcher first = FIRST_WORD.matcher(bare);
        return first.lookingAt() && READING_WORDS.contains(first.group(1).toUpperCase(Locale.ROOT))
                && !WRITING.matcher(bare).find();
    }

    /**
     * {@link Database#reads}, remembered for the statement texts run, so that a text is checked at its first run, not
     * at each (the check runs regular expressions over the whole text: 86 to 163 µs for a list page's statement), and
     * a text known is answered without a lock. Bounded: at {@code most} texts, the next new text empties it first, so
     * that it holds at most {@code most} texts, plus one per other thread adding one at the same instant; one-off
     * texts (IN lists of each length) thus never keep it full, and the few texts run all the time are checked again
     * once after each emptying. Two threads may both check a new text.
     */
    static final class Checked {

        private final int most;
        private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

        Checked(int most) {
            this.most = most;
        }

        boolean reads(String sql) {
            Boolean known = answers.get(sql);
            if (known == null) {
                known = Database.reads(sql);
                if (answers.size() >= most) {
                    answers.clear();
                }
                answers.put(sql, known);
            }
            return known;
        }

        /** How many texts it holds now. */
        int size() {
            return answers.size();
        }
    }

    private static String abbreviated(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in the thread's transaction, or in a new one committed when it returns; within
     * {@link #readOnly} work, in auto-commit.
     */
    <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        if (reading.get()) {
            return read(work);
        }
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw TicketingException.unavailable(e);
        }
    }

    /**
     * Runs {@code work} in a transaction begun and committed here, and runs it again from the start, up to
     * {@link #ATTEMPTS} times in all after a short random pause, while the database gives the transaction up for a
     * deadlock or a serialization failure (and has rolled it back). Inside a transaction already open on the thread
     * it joins that one and is not retried: only the whole unit of work can be run again.
     */
    <T> T inRetriedTransaction(HandleCallback<T, RuntimeException> work) {
        if (jdbi.getHandleScope().get() != null) {
            return inTransaction(work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work);
            } catch (RuntimeException e) {
                Optional<String> state = sqlState(e).filter(GIVEN_UP::contains);
                if (attempt == ATTEMPTS || state.isEmpty()) {
                    throw e;
                }
                LOG.log(Level.INFO, "the database gave up a transaction (SQLState {0}); running it again, attempt {1} "
                        + "of {2}", state.get(), attempt + 1, ATTEMPTS);
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 10_000_000L * attempt));
            }
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

    /**
     * Runs {@code work}, which writes nothing, in the thread's transaction if one is open; otherwise on one connection
     * in auto-commit, the repositories it calls running each statement without a transaction of its own, and a
     * statement that would write failing with an {@link IllegalStateException} before it runs.
     */
    <T> T readOnly(HandleCallback<T, RuntimeException> work) {
        if (reading.get() || jdbi.getHandleScope().get() != null) {
            return inTransaction(work);
        }
        reading.set(Boolean.TRUE);
        try {
            return read(work);
        } finally {
            reading.set(Boolean.FALSE);
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

    /** Whether {@code e} reports a broken unique or primary key constraint. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return "23505".equals(state) || ("23000".equals(state) && sql.getErrorCode() == 1062);
            }
        }
        return false;
    }

    /** The SQLState of the first {@link SQLException} among {@code e} and its causes, if any. */
    private static Optional<String> sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.ofNullable(sql.getSQLState());
            }
        }
        return Optional.empty();
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
