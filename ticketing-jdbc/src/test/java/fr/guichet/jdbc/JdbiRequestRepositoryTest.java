package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.contract.RequestRepositoryContract;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
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
     * A filing, an answer and an anonymisation write the postings and vocabulary of their words on the databases that
     * search through the index of words (H2, MariaDB), and nothing on PostgreSQL, which reads its trigram indexes.
     */
    @Test
    void the_index_of_words_is_written_only_where_searches_read_it() throws SQLException {
        boolean indexed = Dialect.of(TestDatabase.of(kind).config.url()).looksUpWords();
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
        assertEquals(indexed, count("SELECT COUNT(*) FROM request_words WHERE number = ?", number) > 0, "filed");
        assertEquals(indexed ? 1 : 0, count("SELECT COUNT(*) FROM search_words WHERE word = ?", filedWord));
        assertTrue(tx(() -> requests().update(filed.staffMessage(Fixtures.agent(),
                new MessageBody("Essayez " + answerWord), false, FILED.plusSeconds(60)))));
        assertEquals(indexed ? 1 : 0, count("SELECT COUNT(*) FROM request_words WHERE word = ? AND number = "
                + number, answerWord), "answered");
        tx(() -> requests().anonymise(List.of(filed.summaryLine().number()), FILED.plusSeconds(120)));
        assertEquals(indexed, count("SELECT COUNT(*) FROM request_words WHERE number = ?", number) > 0, "anonymised");
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
