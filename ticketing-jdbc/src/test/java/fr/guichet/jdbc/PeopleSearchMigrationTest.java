package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V13 gives the people stored before it the search text and name keys Guichet writes for a person saved since. */
class PeopleSearchMigrationTest {

    @Test
    void people_stored_before_v13_are_found_and_listed_like_people_saved_after_it() throws Exception {
        String url = "jdbc:h2:mem:people-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrate(url, "11");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO people (id, email, given_name, family_name, establishment, active) VALUES "
                    + "('hlefevre', 'Helene.Lefevre@ac-creteil.fr', 'Hélène', 'Lefèvre-Œuvray', NULL, TRUE), "
                    + "('zz', 'zz@ac-creteil.fr', 'Zoé', 'Ñúñez', '0941295X', FALSE)");
        }
        migrate(url, "latest");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, search_text, family_key, given_key FROM people "
                        + "ORDER BY family_key, given_key, id")) {
            StringBuilder rows = new StringBuilder();
            while (rs.next()) {
                rows.append(rs.getString(1)).append(" | ").append(rs.getString(2)).append(" | ")
                        .append(rs.getString(3)).append(" | ").append(rs.getString(4)).append('\n');
            }
            assertEquals("""
                    hlefevre | hlefevre helene lefevre oeuvray helene lefevre ac creteil fr | lefevre oeuvray | helene
                    zz | zz zoe nunez zz ac creteil fr | nunez | zoe
                    """, rows.toString());
        }
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, "sa", "").locations(Dialect.H2.migrations().toArray(String[]::new))
                .javaMigrations(new V13__people_search()).placeholders(Dialect.H2.schemaPlaceholders())
                .target(target).load().migrate();
    }
}
