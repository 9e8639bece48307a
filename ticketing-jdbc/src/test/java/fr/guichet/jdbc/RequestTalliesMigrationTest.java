package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Actor;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.Count;
import fr.guichet.core.port.RequestCounts;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.InMemoryRequestRepository;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** V31 on a database that holds requests: the tallies count the requests filed, moved and answered before it. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class RequestTalliesMigrationTest {

    private static final Instant FILED = Instant.parse("2026-09-01T08:00:00Z");

    @Parameter
    TestDatabase.Kind kind;

    @Test
    void a_queue_counts_the_requests_stored_before_v31() throws Exception {
        TestDatabase db = TestDatabase.fresh(kind);
        Person staff = Fixtures.newStaff(Fixtures.PLATEFORME);
        List<Request> stored = new ArrayList<>();
        try (TestDatabase.Node node = db.node().withFixtures()) {
            for (int i = 0; i < 6; i++) {
                int rank = i;
                stored.add(node.unitOfWork().inTransaction(() -> {
                    Request r = Request.file(node.requests().nextNumber(), Fixtures.newRequester(),
                            Fixtures.seedDraft(), Fixtures.PLATEFORME, rank == 1 || rank == 5 ? staff.id() : null,
                            List.of(), null, FILED.plusSeconds(rank));
                    node.requests().add(r);
                    if (rank < 3) {
                        return r;
                    }
                    RequestChange change = rank == 3 ? r.take(staff, FILED.plusSeconds(60))
                            : rank == 4 ? r.staffMessage(staff, new MessageBody("Redémarrez le poste."), false,
                                    FILED.plusSeconds(60))
                            : r.changeStatus(staff, Actor.STAFF, Status.IN_PROGRESS, new MessageBody("Je regarde."),
                                    Duration.ofDays(7), FILED.plusSeconds(60));
                    node.requests().update(change);
                    return change.after();
                }));
            }
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE request_tallies");
            s.execute("DELETE FROM " + (kind == TestDatabase.Kind.H2
                    ? "\"flyway_schema_history\" WHERE \"version\"" : "flyway_schema_history WHERE version")
                    + " = '31'");
        }
        try (TestDatabase.Node upgraded = db.newNode()) {
            RequestQuery queue = RequestQuery.all()
                    .withQueueOf(new RequestQuery.QueueOf(staff.id(), Set.of(Fixtures.PLATEFORME)));
            RequestCounts expected = InMemoryRequestRepository.counts(stored.stream().map(Request::summaryLine)
                    .toList(), staff.id(), Count.CAP);
            assertEquals(expected, upgraded.unitOfWork().inTransaction(() -> upgraded.requests().count(queue,
                    staff.id())));
        }
    }
}
