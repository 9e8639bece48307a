package fr.guichet.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how to use it: a JDBC URL of H2, PostgreSQL or MariaDB, its user and password, the pool
 * size, how long a caller waits for a connection, and the PBKDF2 iterations for new local passwords (600,000 at least).
 */
public record JdbcConfig(String url, String user, String password, int maximumPoolSize, Duration connectionTimeout,
        int passwordIterations) {

    /** The least PBKDF2-HMAC-SHA256 iterations accepted for local passwords. */
    public static final int MIN_PASSWORD_ITERATIONS = 600_000;

    public JdbcConfig {
        Objects.requireNonNull(url, "url");
        Dialect.of(url);
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize < 1");
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout < 250 ms");
        }
        if (passwordIterations < MIN_PASSWORD_ITERATIONS) {
            throw new IllegalArgumentException("passwordIterations < " + MIN_PASSWORD_ITERATIONS);
        }
    }

    /** A pool of 10 connections, waiting at most 5 seconds for one, hashing passwords with 600,000 iterations. */
    public JdbcConfig(String url, String user, String password) {
        this(url, user, password, 10, Duration.ofSeconds(5), MIN_PASSWORD_ITERATIONS);
    }

    /** The embedded default: an H2 database in files under {@code directory}, created on first start. */
    public static JdbcConfig h2File(Path directory) {
        return new JdbcConfig("jdbc:h2:file:" + directory.toAbsolutePath().resolve("guichet"), "sa", "");
    }

    public JdbcConfig withMaximumPoolSize(int value) {
        return new JdbcConfig(url, user, password, value, connectionTimeout, passwordIterations);
    }

    public JdbcConfig withConnectionTimeout(Duration value) {
        return new JdbcConfig(url, user, password, maximumPoolSize, value, passwordIterations);
    }

    public JdbcConfig withPasswordIterations(int value) {
        return new JdbcConfig(url, user, password, maximumPoolSize, connectionTimeout, value);
    }

    @Override
    public String toString() {
        return "JdbcConfig[url=" + url + ", user=" + user + ", password=***, maximumPoolSize=" + maximumPoolSize
                + ", connectionTimeout=" + connectionTimeout + ", passwordIterations=" + passwordIterations + "]";
    }
}
