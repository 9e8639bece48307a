package fr.guichet.jdbc;

import fr.guichet.core.contract.RequestStatisticsContract;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.RequestStatistics;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.domain.subject.SubjectCode;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The statistics contract on each selected database: its figures against a recount in Java. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiRequestStatisticsTest extends RequestStatisticsContract {

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

    @Override
    protected RequestStatistics statistics() {
        return new JdbiRequestStatistics(database());
    }

    @Override
    protected EstablishmentDirectory establishments() {
        return node().establishments();
    }

    @Override
    protected void answerSurvey(RequestNumber number, int score) {
        Jdbi.create(node().dataSource()).useHandle(h -> h.createUpdate("INSERT INTO satisfaction_answers "
                + "(request_number, score, answered_at) VALUES (:number, :score, :at)").bind("number", number.value())
                .bind("score", score).bind("at", Instant.parse("2042-09-01T08:00:00Z")).execute());
    }

    @Override
    protected void whileCatalogued(List<SubjectCode> subjects, Runnable check) {
        Jdbi jdbi = Jdbi.create(node().dataSource());
        jdbi.useHandle(h -> subjects.forEach(code -> h.createUpdate("INSERT INTO subjects (code, label, active) "
                + "VALUES (:code, :code, TRUE)").bind("code", code.value()).execute()));
        try {
            check.run();
        } finally {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM subjects WHERE code IN (<codes>)")
                    .bindList("codes", subjects.stream().map(SubjectCode::value).toList()).execute());
        }
    }

    private Database database() {
        return new Database(Jdbi.create(node().dataSource()), Dialect.of(TestDatabase.of(kind).config.url()));
    }
}
