package fr.guichet.examples;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A new, empty database ({@code guichet_it_<random>}) on the PostgreSQL or MariaDB server of the test machine, for
 * one test, dropped on {@link #close()}. Which servers a run may use comes from the system property
 * {@code guichet.databases}, as for the other database suites ({@code -Pdatabases} selects both).
 */
final class ScratchDatabase implements AutoCloseable {

    /** The database servers of the test machine. */
    enum Kind {
        POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/", "postgres"),
        MARIADB("jdbc:mariadb://127.0.0.1:3306/", "root");

        private final String server;
        private final String user;

        Kind(String server, String user) {
            this.server = server;
            this.user = user;
        }

        /** True when this run's {@code guichet.databases} names this kind. */
        boolean selected() {
            return Arrays.stream(System.getProperty("guichet.databases", "h2").split(","))
                    .map(s -> s.strip().toUpperCase(Locale.ROOT)).anyMatch(name()::equals);
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    final Kind kind;
    final String name;

    /** The servers this run's {@code guichet.databases} selects ({@code -Pdatabases}: both; otherwise none). */
    static List<Kind> selected() {
        return Arrays.stream(Kind.values()).filter(Kind::selected).toList();
    }

    private ScratchDatabase(Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    /** Creates the database; fails when the server does not answer. */
    static ScratchDatabase create(Kind kind) throws SQLException {
        String name = "guichet_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(kind, kind == Kind.POSTGRESQL ? "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0"
                : "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new ScratchDatabase(kind, name);
    }

    String url() {
        return kind.server + name;
    }

    String user() {
        return kind.user;
    }

    /** A plain connection to this database. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    /** Drops the database, ending any connection still open on it. */
    @Override
    public void close() throws SQLException {
        execute(kind, kind == Kind.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                : "DROP DATABASE IF EXISTS " + name);
    }

    private static void execute(Kind kind, String sql) throws SQLException {
        String maintenance = kind.server + "test";
        try (Connection c = DriverManager.getConnection(maintenance, kind.user, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(kind + " is selected for this run (guichet.databases) but " + maintenance
                    + " refused: " + e.getMessage(), e);
        }
    }
}
