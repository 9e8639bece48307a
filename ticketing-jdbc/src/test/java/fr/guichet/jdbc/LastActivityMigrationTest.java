package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** V3 gives requests stored before it the author of their last history entry as their last activity. */
class LastActivityMigrationTest {

    private static final String REQUEST = """
            INSERT INTO requests (number, requester_id, requester_given, requester_family, subject, type, summary,
                description, search_text, visibility, status, assigned_group, submitted_at, updated_at, version)
            VALUES (%d, 'eleve', 'Élise', 'Ñúñez', 'EVE-4.2', 'USAGE', 'perte', 'perdu', 'perte perdu', 'PRIVATE',
                '%s', 'PLATEFORME', TIMESTAMP '2020-01-01 08:00:00', TIMESTAMP '%s', 1)""";
    private static final String HISTORY = """
            INSERT INTO request_history (request_number, position, at, by_person, event, from_value, to_value)
            VALUES (%d, %d, TIMESTAMP '2020-01-01 08:00:00', '%s', '%s', NULL, NULL)""";

    @Test
    void requests_stored_before_v3_were_last_acted_on_by_the_author_of_their_last_history_entry() throws Exception {
        String url = "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrate(url, "2");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute(REQUEST.formatted(1, "NEW", "2020-01-01 08:00:00"));
            s.execute(HISTORY.formatted(1, 0, "eleve", "FILED"));
            s.execute(REQUEST.formatted(2, "IN_PROGRESS", "2020-01-02 09:30:00"));
            s.execute(HISTORY.formatted(2, 0, "eleve", "FILED"));
            s.execute(HISTORY.formatted(2, 1, "agent", "ANSWERED"));
            s.execute(REQUEST.formatted(3, "IN_PROGRESS", "2020-01-03 10:00:00"));
            s.execute(HISTORY.formatted(3, 0, "eleve", "FILED"));
            s.execute(HISTORY.formatted(3, 1, "agent", "ANSWERED"));
            s.execute(HISTORY.formatted(3, 2, "eleve", "FOLLOWED_UP"));
        }
        migrate(url, "latest");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT number, last_activity_at, last_activity_by, last_activity_staff "
                        + "FROM requests ORDER BY number")) {
            StringBuilder rows = new StringBuilder();
            while (rs.next()) {
                rows.append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3))
                        .append(' ').append(rs.getBoolean(4)).append('\n');
            }
            assertEquals("""
                    1 2020-01-01 08:00:00 eleve false
                    2 2020-01-02 09:30:00 agent true
                    3 2020-01-03 10:00:00 eleve false
                    """, rows.toString());
        }
    }

    private static void migrate(String url, String target) {
        Flyway.configure().dataSource(url, "sa", "").locations(Dialect.H2.migrations().toArray(String[]::new))
                .placeholders(Dialect.H2.schemaPlaceholders()).target(target).load().migrate();
    }
}
