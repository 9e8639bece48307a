package fr.guichet.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL's own account of the statements run on one database ({@code pg_stat_statements}), where the server
 * loads it ({@code shared_preload_libraries}): what the database did for a load, beside the server's Java profile.
 */
final class PostgresStatements {

    /** What the summary says when the server does not load the extension. */
    static final String NOT_LOADED = "PostgreSQL's statements: not recorded (add pg_stat_statements to the server's "
            + "shared_preload_libraries to see them).\n";

    private final String url;
    private final String user;

    private PostgresStatements(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** The statements of {@code db}, when it is a PostgreSQL database whose server loads pg_stat_statements. */
    static Optional<PostgresStatements> of(Database db) throws SQLException {
        if (!db.isPostgres()) {
            return Optional.empty();
        }
        PostgresStatements statements = new PostgresStatements(db.config(1).url(), db.config(1).user());
        try (Connection c = statements.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW shared_preload_libraries")) {
            rs.next();
            if (!rs.getString(1).contains("pg_stat_statements")) {
                return Optional.empty();
            }
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        return Optional.of(statements);
    }

    /** Forgets what was recorded so far, on every database of the server. */
    void reset() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /**
     * The {@code most} statements of this database that took the most time since {@link #reset}, as a Markdown table,
     * each per call of the load ({@code calls} calls in all): how often it ran, its mean time, the buffers it read.
     */
    String top(long calls, int most) throws SQLException {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "PostgreSQL's statements during the "
                + "recorded load (pg_stat_statements), per call of the load (%d calls):%n%n| share of the database's "
                + "time | runs per call | mean ms | ms per call | buffers per call | statement |%n|---|---|---|---|---|"
                + "---|%n", calls));
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT calls, total_exec_time, shared_blks_hit + shared_blks_read, "
                        + "total_exec_time / NULLIF(SUM(total_exec_time) OVER (), 0), "
                        + "regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements "
                        + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                        + "ORDER BY total_exec_time DESC")) {
            for (int row = 0; row < most && rs.next(); row++) {
                String query = rs.getString(5);
                table.append(String.format(Locale.ROOT, "| %.1f%% | %.2f | %.3f | %.3f | %.1f | `%s` |%n",
                        100 * rs.getDouble(4), rs.getLong(1) / (double) calls, rs.getDouble(2) / rs.getLong(1),
                        rs.getDouble(2) / calls, rs.getLong(3) / (double) calls,
                        (query.length() > 160 ? query.substring(0, 160) + "…" : query).replace("|", "\\|")));
            }
        }
        return table.toString();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }
}
