package fr.guichet.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import fr.guichet.core.application.Ports;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.CannedAnswers;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PasswordResets;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.SettingsStore;
import fr.guichet.core.port.SignInFailures;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * A fresh, empty database of one kind for this test run ({@code guichet_<random>}), created on first use and dropped
 * when the JVM ends, with the ports of a {@link JdbcModule} ("a node") on it. Which kinds run comes from the system
 * property {@code guichet.databases} ({@code h2} by default; {@code -Pdatabases} adds postgresql and mariadb); a
 * server that does not answer fails the tests that need it.
 */
final class TestDatabase {

    /** Few iterations, so that tests hash fast; the production floor is tested on its own. */
    static final int TEST_PASSWORD_ITERATIONS = 1_000;

    private static final Map<Kind, TestDatabase> CREATED = new ConcurrentHashMap<>();

    /** The database servers tests can run on. */
    enum Kind {
        H2, POSTGRESQL, MARIADB;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    final Kind kind;
    final String name;
    final JdbcConfig config;
    private final Node node;

    private TestDatabase(Kind kind) {
        this.kind = kind;
        this.name = "guichet_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.config = new JdbcConfig(create(kind, name), user(kind), "").withMaximumPoolSize(6)
                .withConnectionTimeout(Duration.ofSeconds(5));
        this.node = new Node(config);
        Runtime.getRuntime().addShutdownHook(new Thread(this::drop));
    }

    /** The kinds selected for this run. */
    static List<Kind> selected() {
        return Arrays.stream(System.getProperty("guichet.databases", "h2").split(","))
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> Kind.valueOf(s.toUpperCase(Locale.ROOT))).toList();
    }

    static TestDatabase of(Kind kind) {
        return CREATED.computeIfAbsent(kind, TestDatabase::new);
    }

    /** A new database of {@code kind}, migrated, that no other test uses; dropped when the tests end. */
    static TestDatabase fresh(Kind kind) {
        return new TestDatabase(kind);
    }

    Node node() {
        return node;
    }

    /** Another node on the same database: its own injector and its own pool. */
    Node newNode() {
        return new Node(config);
    }

    private static String user(Kind kind) {
        return switch (kind) {
            case H2 -> "sa";
            case POSTGRESQL -> "postgres";
            case MARIADB -> "root";
        };
    }

    private static String serverUrl(Kind kind) {
        return switch (kind) {
            case H2 -> throw new IllegalArgumentException("H2 is embedded");
            case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:5432/test";
            case MARIADB -> "jdbc:mariadb://127.0.0.1:3306/test";
        };
    }

    private static String create(Kind kind, String name) {
        if (kind == Kind.H2) {
            return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        }
        try (Connection c = DriverManager.getConnection(serverUrl(kind), user(kind), "");
                Statement s = c.createStatement()) {
            if (kind == Kind.POSTGRESQL) {
                s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
                return "jdbc:postgresql://127.0.0.1:5432/" + name;
            }
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            return "jdbc:mariadb://127.0.0.1:3306/" + name;
        } catch (SQLException e) {
            throw new IllegalStateException(kind + " is selected for this run (guichet.databases) but cannot be "
                    + "reached at " + serverUrl(kind) + ": " + e.getMessage(), e);
        }
    }

    private void drop() {
        if (kind == Kind.H2) {
            return;
        }
        try (Connection c = DriverManager.getConnection(serverUrl(kind), user(kind), "");
                Statement s = c.createStatement()) {
            s.execute(kind == Kind.POSTGRESQL ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                    : "DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /** A plain connection to this database, outside every pool. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(config.url(), config.user(), config.password());
    }

    /** Ends every other connection to this database, as a server restart or a network cut would. */
    void killOtherConnections() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            switch (kind) {
                case H2 -> s.execute("SELECT ABORT_SESSION(SESSION_ID) FROM INFORMATION_SCHEMA.SESSIONS "
                        + "WHERE SESSION_ID <> SESSION_ID()");
                case POSTGRESQL -> s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
                case MARIADB -> {
                    List<Long> ids = new java.util.ArrayList<>();
                    try (var rs = s.executeQuery("SELECT id FROM information_schema.processlist "
                            + "WHERE db = DATABASE() AND id <> CONNECTION_ID()")) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                    for (long id : ids) {
                        s.execute("KILL CONNECTION " + id);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return kind.toString();
    }

    /** One node's ports, built by a {@link JdbcModule} in an injector as an application would. */
    static final class Node implements AutoCloseable {
        final Injector injector;

        Node(JdbcConfig config) {
            injector = Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
                @Override
                protected void configure() {
                    binder().requireExplicitBindings();
                    binder().requireAtInjectOnConstructors();
                    binder().disableCircularProxies();
                    install(new JdbcModule(config, TEST_PASSWORD_ITERATIONS));
                }
            });
        }

        /** This node, its directory and catalog holding the fixtures' catalog, groups and agent. */
        Node withFixtures() {
            catalog().replace(Fixtures.catalog());
            for (SupportGroup g : Fixtures.groups()) {
                people().saveGroup(g);
            }
            people().save(Fixtures.agent());
            return this;
        }

        UnitOfWork unitOfWork() {
            return injector.getInstance(UnitOfWork.class);
        }

        RequestRepository requests() {
            return injector.getInstance(RequestRepository.class);
        }

        PersonRegistry people() {
            return injector.getInstance(PersonRegistry.class);
        }

        LocalAccounts accounts() {
            return injector.getInstance(LocalAccounts.class);
        }

        CatalogStore catalog() {
            return injector.getInstance(CatalogStore.class);
        }

        AttachmentStore attachments() {
            return injector.getInstance(AttachmentStore.class);
        }

        NotificationOutbox outbox() {
            return injector.getInstance(NotificationOutbox.class);
        }

        SessionStore sessions() {
            return injector.getInstance(SessionStore.class);
        }

        Ports ports() {
            return Ports.lookUpLocal(injector::getInstance);
        }

        SignInFailures signInFailures() {
            return injector.getInstance(SignInFailures.class);
        }

        PasswordResets passwordResets() {
            return injector.getInstance(PasswordResets.class);
        }

        CannedAnswers cannedAnswers() {
            return injector.getInstance(CannedAnswers.class);
        }

        EstablishmentDirectory establishments() {
            return injector.getInstance(EstablishmentDirectory.class);
        }

        AuditTrail audit() {
            return injector.getInstance(AuditTrail.class);
        }

        SettingsStore storedSettings() {
            return injector.getInstance(SettingsStore.class);
        }

        DataSource dataSource() {
            return injector.getInstance(DataSource.class);
        }

        @Override
        public void close() throws IOException {
            ((Closeable) dataSource()).close();
        }
    }
}
