package fr.guichet.benchmarks;

import fr.guichet.jdbc.JdbcConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, empty database for one workload: an H2 file database in a temporary folder, embedded in the first process
 * that opens it and reached by others through it (AUTO_SERVER), or a new PostgreSQL database on 127.0.0.1:5432 (user
 * postgres, trust); {@link #close()} drops it.
 */
final class Database implements AutoCloseable {

    static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String kind;
    private final String url;
    private final String user;
    private final String name;
    private final Path folder;

    private Database(String kind, String url, String user, String name, Path folder) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.name = name;
        this.folder = folder;
    }

    /** {@code kind} is {@code h2} or {@code postgresql}. */
    static Database create(String kind) {
        String name = "guichet_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "h2" -> {
                try {
                    Path folder = Files.createTempDirectory("guichet-bench-h2");
                    return new Database("h2", "jdbc:h2:file:" + folder.resolve(name) + ";AUTO_SERVER=TRUE", "sa",
                            name, folder);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case "postgresql" -> {
                try (Connection c = DriverManager.getConnection(POSTGRES_SERVER, "postgres", "");
                        Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
                } catch (SQLException e) {
                    throw new IllegalStateException("PostgreSQL is not reachable at " + POSTGRES_SERVER, e);
                }
                return new Database("postgresql", "jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", name,
                        null);
            }
            default -> throw new IllegalArgumentException("unknown database " + kind);
        }
    }

    String kind() {
        return kind;
    }

    boolean isPostgres() {
        return kind.equals("postgresql");
    }

    /** A pool of {@code poolSize} connections on this database. */
    JdbcConfig config(int poolSize) {
        return new JdbcConfig(url, user, "").withMaximumPoolSize(poolSize);
    }

    @Override
    public void close() {
        if (folder != null) {
            deleteFolder(folder);
            return;
        }
        try (Connection c = DriverManager.getConnection(POSTGRES_SERVER, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping " + name + " failed", e);
        }
    }

    /** Deletes {@code folder} and everything in it. */
    static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
