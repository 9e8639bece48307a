package fr.guichet.http;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import fr.guichet.core.application.Ports;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.application.TicketingSettings;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.session.SignInLimits;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.SignInFailures;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.MutableClock;
import fr.guichet.jdbc.JdbcConfig;
import fr.guichet.jdbc.JdbcModule;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The API on a real server on a free port, wired to the JDBC adapter on a fresh in-memory H2 database seeded with the
 * Fixtures' catalog, groups and people (password "secret"), on a clock the tests control.
 */
final class TestServer {

    static final String PASSWORD = "secret";
    /** The keys the server signs and verifies links and reply tags with. */
    static final ReplyKeys KEYS = ReplyKeys.of(List.of("clé des liens du serveur de test"));
    /** Small attachment limits, so that "too large" needs only a few megabytes. */
    static final TicketingSettings SETTINGS = TicketingSettings.defaults()
            .withAttachmentLimits(1024 * 1024, 2 * 1024 * 1024);
    static final HttpConfig CONFIG = HttpConfig.defaults().withBodyLimits(256 * 1024, 3 * 1024 * 1024)
            .withSignInLimits(new SignInLimits(5, Duration.ofSeconds(2), Duration.ofMinutes(5), 1_000_000,
                    Duration.ofMinutes(15)));

    private static TestServer shared;

    final Injector injector;
    final MutableClock clock = new MutableClock(Instant.parse("2008-09-01T08:00:00Z"));
    final Ticketing ticketing;
    final ReadinessCheck readiness;
    final GuichetHttpApi api;
    final URI base;

    private TestServer(HttpConfig config) {
        this(config, "jdbc:h2:mem:http-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
    }

    private TestServer(HttpConfig config, String url, String user) {
        injector = Guice.createInjector(Stage.PRODUCTION, new JdbcModule(new JdbcConfig(url, user, "")
                .withMaximumPoolSize(16).withConnectionTimeout(Duration.ofSeconds(60))));
        UnitOfWork uow = injector.getInstance(UnitOfWork.class);
        PersonRegistry people = injector.getInstance(PersonRegistry.class);
        LocalAccounts accounts = injector.getInstance(LocalAccounts.class);
        CatalogStore catalog = injector.getInstance(CatalogStore.class);
        uow.run(() -> {
            catalog.replace(Fixtures.catalog());
            for (SupportGroup g : Fixtures.groups()) {
                people.saveGroup(g);
            }
            for (Person p : Fixtures.people()) {
                people.save(p);
                accounts.setPassword(p.id(), PASSWORD);
            }
        });
        ticketing = Ticketing.builder(Ports.lookUpLocal(injector::getInstance)).clock(clock).settings(SETTINGS)
                .replyKeys(KEYS).build();
        readiness = databaseAnswers(injector.getInstance(DataSource.class));
        api = new GuichetHttpApi(ticketing, config, readiness, signInFailures(), clock);
        base = URI.create("http://localhost:" + api.start(0));
    }

    /** One server for the whole run (its throttle never limits addresses: every test comes from 127.0.0.1; identifiers are fresh per test). */
    static synchronized TestServer shared() {
        if (shared == null) {
            shared = new TestServer(CONFIG);
        }
        return shared;
    }

    /** A server of its own on the empty database at {@code url}; stop it when done. */
    static TestServer on(String url, String user) {
        return new TestServer(CONFIG, url, user);
    }

    /** Stops the server and closes its pool. */
    void stop() throws Exception {
        api.stop();
        if (injector.getInstance(DataSource.class) instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    /** The readiness a deployment binds for JDBC: a pooled connection that answers within a second. */
    static ReadinessCheck databaseAnswers(DataSource dataSource) {
        return () -> {
            try (Connection c = dataSource.getConnection()) {
                return c.isValid(1);
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        };
    }

    /** Another API node on the same database, with its own configuration, throttle clock and readiness. */
    Node node(HttpConfig config, MutableClock throttleClock, ReadinessCheck readinessCheck) {
        GuichetHttpApi other = new GuichetHttpApi(ticketing, config, readinessCheck, signInFailures(),
                throttleClock);
        return new Node(other, URI.create("http://localhost:" + other.start(0)));
    }

    /**
     * Another node on the same database: an API over a {@link Ticketing} of its own, whose cache of sessions this
     * server's changes do not clear; stop it when done.
     */
    Node elsewhere() {
        Ticketing other = Ticketing.builder(Ports.lookUpLocal(injector::getInstance)).clock(clock).settings(SETTINGS)
                .replyKeys(KEYS).build();
        GuichetHttpApi api = new GuichetHttpApi(other, CONFIG, readiness, signInFailures(), clock);
        return new Node(api, URI.create("http://localhost:" + api.start(0)));
    }

    SignInFailures signInFailures() {
        return injector.getInstance(SignInFailures.class);
    }

    /** A fresh requester with a password, stored through the ports. */
    Person newRequester() {
        return save(Fixtures.newRequester());
    }

    Person newStaff() {
        return save(Fixtures.newStaff(Fixtures.PLATEFORME));
    }

    /** A fresh administrator, member of no group. */
    Person newAdmin() {
        Person p = Fixtures.newStaff(Fixtures.EVE);
        return save(new Person(p.id(), p.email(), p.name(), null, Set.of(Role.ADMIN), Set.of(), true));
    }

    private Person save(Person person) {
        PersonRegistry people = injector.getInstance(PersonRegistry.class);
        LocalAccounts accounts = injector.getInstance(LocalAccounts.class);
        injector.getInstance(UnitOfWork.class).run(() -> {
            people.save(person);
            accounts.setPassword(person.id(), PASSWORD);
        });
        return person;
    }

    /** A second API server; stop it when done. */
    record Node(GuichetHttpApi api, URI base) implements AutoCloseable {
        @Override
        public void close() {
            api.stop();
        }
    }
}
