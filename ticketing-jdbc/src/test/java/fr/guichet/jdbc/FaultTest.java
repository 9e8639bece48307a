package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.testing.Fixtures;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The database cutting a node's connections in the middle of a use case. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class FaultTest {

    @Parameter
    TestDatabase.Kind kind;

    private final Instant now = Instant.parse("2034-01-02T03:04:05Z");

    @Test
    void connections_cut_mid_use_case_give_unavailable_nothing_half_written_and_the_pool_recovers() {
        TestDatabase database = TestDatabase.of(kind);
        TestDatabase.Node node = database.node();
        Person requester = Fixtures.newRequester();
        RequestNumber[] written = new RequestNumber[1];
        TicketingException e = assertThrows(TicketingException.class, () -> node.unitOfWork().run(() -> {
            Request first = Fixtures.request(node.requests().nextNumber(), requester, now);
            node.requests().add(first);
            written[0] = first.summaryLine().number();
            try {
                database.killOtherConnections();
            } catch (SQLException cut) {
                throw new IllegalStateException(cut);
            }
            node.requests().add(Fixtures.request(node.requests().nextNumber(), requester, now));
        }));
        assertEquals(ErrorKind.UNAVAILABLE, e.kind());
        assertEquals("service.unavailable", e.code());
        Optional<Request> found = eventually(() -> node.unitOfWork().inTransaction(
                () -> node.requests().find(written[0])));
        assertTrue(found.isEmpty(), "the rolled-back request was not kept");
    }

    /** The value of {@code work} once the pool has replaced its broken connections. */
    static <T> T eventually(Supplier<T> work) {
        TicketingException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return work.get();
            } catch (TicketingException e) {
                assertEquals(ErrorKind.UNAVAILABLE, e.kind());
                last = e;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw new AssertionError("the pool did not recover", last);
    }
}
