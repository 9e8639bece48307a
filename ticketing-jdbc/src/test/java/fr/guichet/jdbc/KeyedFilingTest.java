package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.Filing;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.application.TicketingSettings;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filings with an idempotency key on two nodes at once, through the core's use case: each round's requesters are new
 * and next to each other in every index, as the first requesters of an empty table are.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class KeyedFilingTest {

    private static final int ROUNDS = 150;

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase.Node first;
    private TestDatabase.Node second;
    private ExecutorService threads;

    @BeforeEach
    void startTwoNodes() {
        first = TestDatabase.of(kind).node().withFixtures();
        second = TestDatabase.of(kind).newNode();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopSecondNode() throws Exception {
        threads.shutdownNow();
        second.close();
    }

    @Test
    void two_nodes_filing_their_first_keyed_requests_at_once_are_never_unavailable() throws Exception {
        Ticketing[] nodes = {ticketing(first), ticketing(second)};
        List<String> unavailable = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String prefix = "kf-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            List<Person> requesters = List.of(requester(prefix + "a"), requester(prefix + "b"));
            requesters.forEach(first.people()::save);
            CyclicBarrier together = new CyclicBarrier(2);
            List<Callable<String>> filings = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Ticketing node = nodes[i];
                Person requester = requesters.get(i);
                filings.add(() -> {
                    together.await();
                    try {
                        node.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), "form-1");
                        return null;
                    } catch (TicketingException e) {
                        return e.code() + " (" + e.getCause() + ")";
                    }
                });
            }
            for (Future<String> f : threads.invokeAll(filings)) {
                if (f.get() != null) {
                    unavailable.add(f.get());
                }
            }
        }
        assertTrue(unavailable.isEmpty(), unavailable.size() + " of " + 2 * ROUNDS + " filings refused, first: "
                + unavailable.stream().findFirst().orElse(""));
    }

    @Test
    void the_same_key_on_two_nodes_at_once_files_one_request() throws Exception {
        Ticketing[] nodes = {ticketing(first), ticketing(second)};
        for (int round = 0; round < ROUNDS / 3; round++) {
            Person requester = requester("kf-" + UUID.randomUUID().toString().substring(0, 8));
            first.people().save(requester);
            CyclicBarrier together = new CyclicBarrier(2);
            List<Callable<Filing>> filings = new ArrayList<>();
            for (Ticketing node : nodes) {
                filings.add(() -> {
                    together.await();
                    return node.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), "double-clic");
                });
            }
            List<Filing> outcomes = new ArrayList<>();
            for (Future<Filing> f : threads.invokeAll(filings)) {
                outcomes.add(f.get());
            }
            RequestNumber number = outcomes.get(0).details().request().summaryLine().number();
            assertEquals(number, outcomes.get(1).details().request().summaryLine().number());
            assertTrue(outcomes.get(0).alreadyFiled() != outcomes.get(1).alreadyFiled(), outcomes.toString());
            assertEquals(List.of(number.value()), receiptsQueuedFor(requester), "one receipt, of the stored filing");
        }
    }

    private List<Long> receiptsQueuedFor(Person requester) throws SQLException {
        try (Connection c = TestDatabase.of(kind).connect();
                PreparedStatement s = c.prepareStatement("SELECT request_number FROM outbox WHERE recipient = ?")) {
            s.setString(1, requester.email().value());
            List<Long> numbers = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    numbers.add(rs.getLong(1));
                }
            }
            return numbers;
        }
    }

    @Test
    void a_key_past_the_idempotency_window_files_a_new_request_and_leaves_the_old_one() {
        MutableClock clock = new MutableClock(Instant.parse("2034-03-04T05:06:07Z"));
        Ticketing node = ticketing(first, clock);
        Person requester = requester("kf-" + UUID.randomUUID().toString().substring(0, 8));
        first.people().save(requester);
        Filing old = node.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), "form-7");
        clock.advance(TicketingSettings.defaults().idempotencyWindow().plusSeconds(1));

        Filing again = node.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), "form-7");

        assertFalse(again.alreadyFiled());
        RequestNumber oldNumber = old.details().request().summaryLine().number();
        assertNotEquals(oldNumber, again.details().request().summaryLine().number());
        assertNull(first.requests().find(oldNumber).orElseThrow().idempotencyKey());
        assertTrue(node.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), "form-7").alreadyFiled());
    }

    private static Person requester(String id) {
        return new Person(PersonId.of(id), EmailAddress.of(id + "@ac-creteil.fr"), new PersonName("Élise", "Ñúñez"),
                Uai.parse("0941295X"), Set.of(Role.REQUESTER), Set.of(), true);
    }

    private static Ticketing ticketing(TestDatabase.Node node) {
        return ticketing(node, Clock.systemUTC());
    }

    private static Ticketing ticketing(TestDatabase.Node node, Clock clock) {
        return Ticketing.builder(node.ports()).clock(clock).build();
    }
}
