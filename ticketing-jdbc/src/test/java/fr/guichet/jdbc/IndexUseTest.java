package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import java.sql.Connection;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** With 100,000 requests stored, the database answers "my requests" of a school year through an index. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class IndexUseTest {

    private static final int ROWS = 100_000;
    /** Far above any number the sequence hands out during a test run. */
    private static final long FIRST_NUMBER = 20_000_000_000L;

    @Parameter
    TestDatabase.Kind kind;

    @Test
    void my_requests_of_a_school_year_are_read_through_an_index() throws Exception {
        TestDatabase database = TestDatabase.of(kind);
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(bulkInsert());
            if (kind == TestDatabase.Kind.POSTGRESQL) {
                s.execute("ANALYZE requests");
            } else if (kind == TestDatabase.Kind.MARIADB) {
                s.execute("ANALYZE TABLE requests");
            }
        }
        SchoolYear year = SchoolYear.parse("2020-2021");
        ZoneId paris = ZoneId.of("Europe/Paris");
        RequestQuery mine = RequestQuery.all().withRequester(PersonId.of("bulk-42"))
                .withSubmittedBetween(year.start(paris), year.end(paris));
        JdbiRequestRepository requests = (JdbiRequestRepository) database.node().requests();
        String plan = requests.explain(mine, PageRequest.first());
        assertTrue(plan.toLowerCase(Locale.ROOT).contains("requests_mine"), plan);
    }

    private String bulkInsert() {
        String columns = "INSERT INTO requests (number, requester_id, requester_given, requester_family, subject, "
                + "type, summary, description, search_text, visibility, status, assigned_group, submitted_at, "
                + "updated_at, version) ";
        String constants = "'Élise', 'Ñúñez', 'EVE-4.2', 'USAGE', 'perte d''identifiant', 'Je ne sais plus', "
                + "'perte d''identifiant je ne sais plus', 'PRIVATE', 'NEW', 'PLATEFORME', ";
        return switch (kind) {
            case POSTGRESQL -> columns + "SELECT " + FIRST_NUMBER + " + g, 'bulk-' || (g % 1000), " + constants
                    + "TIMESTAMP '2019-01-01 00:00:00' + g * INTERVAL '15 minutes', "
                    + "TIMESTAMP '2019-01-01 00:00:00' + g * INTERVAL '15 minutes', 1 "
                    + "FROM generate_series(1, " + ROWS + ") AS g";
            case MARIADB -> columns + "SELECT " + FIRST_NUMBER + " + seq, CONCAT('bulk-', seq % 1000), " + constants
                    + "TIMESTAMP '2019-01-01 00:00:00' + INTERVAL (seq * 15) MINUTE, "
                    + "TIMESTAMP '2019-01-01 00:00:00' + INTERVAL (seq * 15) MINUTE, 1 "
                    + "FROM seq_1_to_" + ROWS;
            case H2 -> columns + "SELECT " + FIRST_NUMBER + " + X, 'bulk-' || MOD(X, 1000), " + constants
                    + "DATEADD(MINUTE, X * 15, TIMESTAMP '2019-01-01 00:00:00'), "
                    + "DATEADD(MINUTE, X * 15, TIMESTAMP '2019-01-01 00:00:00'), 1 "
                    + "FROM SYSTEM_RANGE(1, " + ROWS + ")";
        };
    }
}
