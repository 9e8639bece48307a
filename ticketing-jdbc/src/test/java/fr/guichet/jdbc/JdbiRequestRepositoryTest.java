package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.contract.RequestRepositoryContract;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.EstablishmentFixtures;
import fr.guichet.core.testing.Fixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The request repository contract on each selected database, and the index of words it writes there. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiRequestRepositoryTest extends RequestRepositoryContract {

    private static final Instant FILED = Instant.parse("2030-10-01T08:00:00Z");

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase.Node node() {
        return TestDatabase.of(kind).node();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return node().unitOfWork();
    }

    @Override
    protected RequestRepository requests() {
        return node().requests();
    }

    /**
     * A filing, an answer, a take and an anonymisation write the postings and vocabulary of their words on every
     * database, each posting with its request's group, assignee and filing time (V30), which a queue's search reads.
     */
    @Test
    void the_index_of_words_follows_the_words_and_the_queue_of_each_request() throws SQLException {
        Person requester = Fixtures.newRequester();
        String filedWord = EstablishmentFixtures.newWord().toLowerCase(Locale.ROOT);
        String answerWord = EstablishmentFixtures.newWord().toLowerCase(Locale.ROOT);
        Request filed = tx(() -> {
            Request r = Request.file(requests().nextNumber(), requester, new RequestDraft(Fixtures.MATHENPOCHE, "USAGE",
                    new Summary("Tableau " + filedWord), new Description("Il affiche une erreur"), Visibility.PRIVATE),
                    Fixtures.PLATEFORME, null, List.of(), null, FILED);
            requests().add(r);
            return r;
        });
        long number = filed.summaryLine().number().value();
        String keyed = "SELECT COUNT(*) FROM request_words p JOIN requests r ON r.number = p.number WHERE p.number = "
                + number + " AND p.assigned_group = r.assigned_group AND p.submitted_at = r.submitted_at AND ";
        assertTrue(count("SELECT COUNT(*) FROM request_words WHERE number = ?", number) > 0, "filed");
        assertEquals(count("SELECT COUNT(*) FROM request_words WHERE number = ?", number),
                count(keyed + "p.assignee IS NULL AND p.assigned_group = ?", Fixtures.PLATEFORME.value()), "filed");
        assertEquals(1, count("SELECT COUNT(*) FROM search_words WHERE word = ?", filedWord));
        RequestChange answer = filed.staffMessage(Fixtures.agent(), new MessageBody("Essayez " + answerWord), false,
                FILED.plusSeconds(60));
        assertTrue(tx(() -> requests().update(answer)));
        assertEquals(1, count("SELECT COUNT(*) FROM request_words WHERE word = ? AND number = "
                + number, answerWord), "answered");
        Person taker = Fixtures.specialist();
        assertTrue(tx(() -> requests().update(answer.after().take(taker, FILED.plusSeconds(90)))));
        assertEquals(count("SELECT COUNT(*) FROM request_words WHERE number = ?", number),
                count(keyed + "p.assignee = ?", taker.id().value()), "taken");
        tx(() -> requests().anonymise(List.of(filed.summaryLine().number()), FILED.plusSeconds(120)));
        assertTrue(count("SELECT COUNT(*) FROM request_words WHERE number = ?", number) > 0, "anonymised");
        assertEquals(0, count("SELECT COUNT(*) FROM request_words WHERE word = ?", filedWord), "anonymised");
        assertEquals(0, count("SELECT COUNT(*) FROM search_words WHERE word = ?", filedWord), "anonymised");
    }

    private long count(String sql, Object value) throws SQLException {
        try (Connection c = node().dataSource().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, value);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
