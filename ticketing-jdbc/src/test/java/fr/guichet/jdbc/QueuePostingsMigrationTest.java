package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.testing.EstablishmentFixtures;
import fr.guichet.core.testing.Fixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * V30 on a database that holds requests: the postings V29 wrote (H2, MariaDB) get their request's group, assignee and
 * filing time, PostgreSQL's are written, and a queue's search finds the requests filed before it.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class QueuePostingsMigrationTest {

    private static final Instant FILED = Instant.parse("2026-09-01T08:00:00Z");

    @Parameter
    TestDatabase.Kind kind;

    @Test
    void the_requests_filed_before_v30_are_found_in_their_queue_by_their_words() throws Exception {
        TestDatabase db = TestDatabase.fresh(kind);
        String word = EstablishmentFixtures.newWord().toLowerCase(Locale.ROOT);
        List<Long> numbers = new ArrayList<>();
        try (TestDatabase.Node node = db.node().withFixtures()) {
            for (int i = 0; i < 3; i++) {
                numbers.add(node.unitOfWork().inTransaction(() -> {
                    Request r = Request.file(node.requests().nextNumber(), Fixtures.newRequester(), new RequestDraft(
                            Fixtures.MATHENPOCHE, "USAGE", new Summary("Tableau " + word), new Description("Il affiche "
                            + "une erreur"), Visibility.PRIVATE), Fixtures.PLATEFORME, null, List.of(), null, FILED);
                    node.requests().add(r);
                    return r.summaryLine().number().value();
                }));
            }
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            undoV30(s);
        }
        try (TestDatabase.Node upgraded = db.newNode()) {
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    ResultSet keyed = s.executeQuery("SELECT COUNT(*) FROM request_words p JOIN requests r "
                            + "ON r.number = p.number WHERE p.word = '" + word + "' AND p.assigned_group = "
                            + "r.assigned_group AND p.assignee IS NULL AND p.submitted_at = r.submitted_at")) {
                keyed.next();
                assertEquals(numbers.size(), keyed.getLong(1));
            }
            RequestQuery queue = RequestQuery.all().withWords(word)
                    .withQueueOf(new RequestQuery.QueueOf(PersonId.of("agent1"), Set.of(Fixtures.PLATEFORME)));
            List<Long> found = upgraded.unitOfWork().inTransaction(() -> upgraded.requests()
                    .list(queue, new PageRequest(1, 25)).items().stream().map(RequestSummary::number)
                    .map(n -> n.value()).toList());
            assertEquals(List.of(numbers.get(2), numbers.get(1), numbers.get(0)), found, "newest first");
            assertTrue(upgraded.unitOfWork().inTransaction(() -> upgraded.requests().list(RequestQuery.all()
                    .withWords(word + "x").withQueueOf(queue.queueOf()), new PageRequest(1, 25)).items().isEmpty()));
        }
    }

    /**
     * Brings the schema back to V29 as it was: V31's tallies and V30's columns and indexes gone, PostgreSQL's index of
     * words empty.
     */
    private void undoV30(Statement s) throws SQLException {
        s.execute("DROP TABLE request_tallies");
        for (String index : List.of("request_words_group", "request_words_assignee", "request_words_newest")) {
            s.execute("DROP INDEX " + index + (kind == TestDatabase.Kind.MARIADB ? " ON request_words" : ""));
        }
        for (String column : List.of("assigned_group", "assignee", "submitted_at")) {
            s.execute("ALTER TABLE request_words DROP COLUMN " + column);
        }
        if (kind == TestDatabase.Kind.POSTGRESQL) {
            s.execute("DROP INDEX search_words_trigram");
            s.execute("DELETE FROM request_words");
            s.execute("DELETE FROM search_words");
        }
        String history = kind == TestDatabase.Kind.H2 ? "\"flyway_schema_history\" WHERE \"version\""
                : "flyway_schema_history WHERE version";
        s.execute("DELETE FROM " + history + " IN ('30', '30.1', '31')");
    }
}
