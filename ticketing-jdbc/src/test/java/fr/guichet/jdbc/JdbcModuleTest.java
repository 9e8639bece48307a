package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.LocalAccounts;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.UnitOfWork;
import java.io.Closeable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module as an application installs it: strict injector, schema created on first provision, no side effects. */
class JdbcModuleTest {

    @TempDir
    Path directory;

    private static Injector injector(JdbcConfig config) {
        return Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().requireAtInjectOnConstructors();
                binder().disableCircularProxies();
                install(new JdbcModule(config));
            }
        });
    }

    @Test
    void the_module_offers_every_port_as_a_singleton_on_a_migrated_h2_file_database() throws Exception {
        Injector injector = injector(JdbcConfig.h2File(directory));
        for (Class<?> port : new Class<?>[] {UnitOfWork.class, RequestRepository.class, PersonRegistry.class,
                LocalAccounts.class, CatalogStore.class, AttachmentStore.class, NotificationOutbox.class,
                SessionStore.class}) {
            assertSame(injector.getInstance(port), injector.getInstance(port), port.getName());
        }
        DataSource dataSource = injector.getInstance(DataSource.class);
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM requests")) {
            assertTrue(rs.next());
        }
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
            assertTrue(rs.next());
            assertEquals("256", rs.getString(1));
        }
        assertEquals(Dialect.h2PageCacheKb(Runtime.getRuntime().maxMemory()) / 1024, pageCacheMb(dataSource));
        ((Closeable) dataSource).close();
    }

    @Test
    void h2_keeps_an_eighth_of_the_heap_for_its_pages_unless_the_url_sizes_the_cache() throws Exception {
        assertEquals(262_144, Dialect.h2PageCacheKb(2L << 30));
        assertEquals(16_384, Dialect.h2PageCacheKb(64L << 20));
        assertEquals(Optional.of("SET CACHE_SIZE 262144"), Dialect.H2.pageCacheSql("jdbc:h2:mem:q;QUERY_CACHE_SIZE=8",
                2L << 30));
        DataSource dataSource = injector(new JdbcConfig("jdbc:h2:file:" + directory.resolve("sized").toAbsolutePath()
                + ";CACHE_SIZE=8192", "sa", "")).getInstance(DataSource.class);
        assertEquals(8, pageCacheMb(dataSource));
        ((Closeable) dataSource).close();
    }

    /** The size of H2's page cache, in MB. */
    private static long pageCacheMb(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'")) {
            assertTrue(rs.next());
            return Long.parseLong(rs.getString(1));
        }
    }

    @Test
    void building_the_module_touches_no_database() {
        JdbcModule module = new JdbcModule(new JdbcConfig("jdbc:postgresql://127.0.0.1:1/nowhere", "u", "p"));
        assertTrue(module.toString().contains("JdbcModule"));
    }

    @Test
    void the_configuration_refuses_weak_password_hashing_and_unknown_databases_and_hides_the_password() {
        JdbcConfig config = new JdbcConfig("jdbc:mariadb://db/guichet", "guichet", "s3cr3t");
        assertEquals(JdbcConfig.MIN_PASSWORD_ITERATIONS, config.passwordIterations());
        assertThrows(IllegalArgumentException.class, () -> config.withPasswordIterations(599_999));
        assertThrows(IllegalArgumentException.class, () -> new JdbcConfig("jdbc:oracle:thin:@db", "u", "p"));
        assertTrue(!config.toString().contains("s3cr3t"));
    }

    @Test
    void the_production_default_stores_600000_iterations_a_16_byte_salt_and_verifies() {
        Injector injector = injector(new JdbcConfig("jdbc:h2:mem:accounts-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", ""));
        LocalAccounts accounts = injector.getInstance(LocalAccounts.class);
        PersonId person = PersonId.of("mmontanes");
        injector.getInstance(UnitOfWork.class).run(() -> accounts.setPassword(person, "Été 2008 ! 🔑"));
        String stored = injector.getInstance(UnitOfWork.class).inTransaction(() -> storedHash(injector, person));
        String[] parts = stored.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("600000", parts[1]);
        assertEquals(16, java.util.Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, java.util.Base64.getDecoder().decode(parts[3]).length);
        assertEquals(person, accounts.verify("mmontanes", "Été 2008 ! 🔑").orElseThrow());
    }

    private static String storedHash(Injector injector, PersonId person) {
        try (Connection c = injector.getInstance(DataSource.class).getConnection();
                var s = c.prepareStatement("SELECT password_hash FROM local_accounts WHERE person_id = ?")) {
            s.setString(1, person.value());
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
