package fr.guichet.jdbc;

import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.CannedAnswers;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.InboundMailLog;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PasswordResets;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.RequestStatistics;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.SettingsStore;
import fr.guichet.core.port.SignInFailures;
import fr.guichet.core.port.UnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * Offers the core's persistence ports on one database (H2, PostgreSQL or MariaDB, told by the URL): a HikariCP pool
 * whose schema Flyway migrates when the pool is first provided, never at module construction. Exposes
 * {@link UnitOfWork}, {@link RequestRepository}, {@link PersonRegistry}, {@link LocalAccounts}, {@link CatalogStore},
 * {@link AttachmentStore}, {@link NotificationOutbox}, {@link SessionStore}, {@link SignInFailures},
 * {@link PasswordResets}, {@link CannedAnswers}, {@link AuditTrail}, {@link SettingsStore}, {@link InboundMailLog},
 * {@link EstablishmentDirectory}, {@link RequestStatistics}, and the pool as a {@link DataSource} for health checks and for closing it
 * ({@link AutoCloseable}) at shutdown.
 */
public final class JdbcModule extends PrivateModule {

    private static final System.Logger LOG = System.getLogger(JdbcModule.class.getName());

    private final JdbcConfig config;
    private final int passwordIterations;

    public JdbcModule(JdbcConfig config) {
        this(config, config.passwordIterations());
    }

    /** For this package's tests only: hashes with fewer iterations than any configuration may ask for. */
    JdbcModule(JdbcConfig config, int passwordIterations) {
        this.config = Objects.requireNonNull(config, "config");
        this.passwordIterations = passwordIterations;
    }

    @Override
    protected void configure() {
        expose(DataSource.class);
        expose(UnitOfWork.class);
        expose(RequestRepository.class);
        expose(PersonRegistry.class);
        expose(LocalAccounts.class);
        expose(CatalogStore.class);
        expose(AttachmentStore.class);
        expose(NotificationOutbox.class);
        expose(SessionStore.class);
        expose(SignInFailures.class);
        expose(PasswordResets.class);
        expose(CannedAnswers.class);
        expose(AuditTrail.class);
        expose(SettingsStore.class);
        expose(InboundMailLog.class);
        expose(EstablishmentDirectory.class);
        expose(RequestStatistics.class);
    }

    @Provides
    @Singleton
    DataSource dataSource() {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("guichet");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maximumPoolSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setAutoCommit(true);
        hikari.setExceptionOverride(new EvictClosedH2Connections());
        Dialect dialect = Dialect.of(config.url());
        dialect.driverProperties(config.url()).forEach(hikari::addDataSourceProperty);
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            Flyway.configure().dataSource(pool).locations(dialect.migrations().toArray(String[]::new))
                    .javaMigrations(new V13__people_search(), new V29__request_words(),
                            new V30__queue_postings())
                    .placeholders(dialect.schemaPlaceholders()).failOnMissingLocations(true).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        dialect.pageCacheSql(config.url(), Runtime.getRuntime().maxMemory()).ifPresent(sql -> sizeCache(pool, sql));
        return pool;
    }

    /**
     * Runs {@code sql}, which sizes the database's page cache; a user without the rights to do so keeps the database's
     * own.
     */
    private static void sizeCache(DataSource pool, String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.INFO, "the database keeps its page cache ({0}): {1}", sql, e.getMessage());
        }
    }

    /** H2 reports a lost server or a closed database with its own codes, not the 08 class HikariCP watches for. */
    private static final class EvictClosedH2Connections implements SQLExceptionOverride {

        private static final Set<String> CLOSED = Set.of("90067", "90098", "90121");

        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            return CLOSED.contains(e.getSQLState()) ? SQLExceptionOverride.Override.MUST_EVICT
                    : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }

    @Provides
    @Singleton
    Database database(DataSource dataSource) {
        return new Database(Jdbi.create(dataSource), Dialect.of(config.url()));
    }

    @Provides
    @Singleton
    UnitOfWork unitOfWork(Database db) {
        return new JdbiUnitOfWork(db);
    }

    @Provides
    @Singleton
    RequestRepository requests(Database db) {
        return new JdbiRequestRepository(db);
    }

    @Provides
    @Singleton
    PersonRegistry people(Database db) {
        return new JdbiPersonRegistry(db);
    }

    @Provides
    @Singleton
    LocalAccounts accounts(Database db) {
        return new Pbkdf2LocalAccounts(db, passwordIterations);
    }

    @Provides
    @Singleton
    CatalogStore catalog(Database db) {
        return new JdbiCatalogStore(db);
    }

    @Provides
    @Singleton
    AttachmentStore attachments(Database db) {
        return new JdbiAttachmentStore(db);
    }

    @Provides
    @Singleton
    NotificationOutbox outbox(Database db, DataSource dataSource) {
        return new JdbiNotificationOutbox(db, new OutboxSignals(dataSource, db.dialect()));
    }

    @Provides
    @Singleton
    SessionStore sessions(Database db) {
        return new JdbiSessionStore(db);
    }

    @Provides
    @Singleton
    SignInFailures signInFailures(Database db) {
        return new JdbiSignInFailures(db);
    }

    @Provides
    @Singleton
    PasswordResets passwordResets(Database db) {
        return new JdbiPasswordResets(db);
    }

    @Provides
    @Singleton
    CannedAnswers cannedAnswers(Database db) {
        return new JdbiCannedAnswers(db);
    }

    @Provides
    @Singleton
    AuditTrail auditTrail(Database db) {
        return new JdbiAuditTrail(db);
    }

    @Provides
    @Singleton
    SettingsStore settingsStore(Database db) {
        return new JdbiSettingsStore(db);
    }

    @Provides
    @Singleton
    InboundMailLog inboundMailLog(Database db) {
        return new JdbiInboundMailLog(db);
    }

    @Provides
    @Singleton
    EstablishmentDirectory establishments(Database db) {
        return new JdbiEstablishmentDirectory(db);
    }

    @Provides
    @Singleton
    RequestStatistics statistics(Database db) {
        return new JdbiRequestStatistics(db);
    }
}
