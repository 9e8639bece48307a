package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.application.CloseIdleRequests;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.admin.StoredSettings;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Actor;
import fr.guichet.core.domain.request.Guichet;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Two nodes running the job that closes idle requests at once, on the same database: each due requester gets one
 * reminder or one resolution mail, and each due request is reminded, resolved or closed once, by Guichet, a resolved
 * or closed one stored as updated then.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class IdleRequestsRaceTest {

    private static final int EACH = 12;
    private static final Instant DUE = Instant.parse("2099-01-01T00:00:00Z");
    /** Long before the requests of every other test, so that the job finds only this test's. */
    private static final Instant NOW = Instant.parse("1950-06-01T10:00:00Z");

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase.Node first;
    private TestDatabase.Node second;
    private ExecutorService threads;
    private final Person agent = Fixtures.agent();

    @BeforeEach
    void startTwoNodes() {
        first = TestDatabase.of(kind).node().withFixtures();
        second = TestDatabase.of(kind).newNode();
        threads = Executors.newFixedThreadPool(2);
        first.unitOfWork().run(() -> first.storedSettings().save(new StoredSettings(15, 15, null, null)));
    }

    @AfterEach
    void stopSecondNode() throws Exception {
        threads.shutdownNow();
        second.close();
    }

    @Test
    void two_nodes_running_the_job_at_once_send_each_mail_once_and_make_each_move_once() throws Exception {
        while (!first.outbox().claim(500, DUE, Duration.ofDays(365L * 100)).isEmpty()) {
            continue;
        }
        Map<String, TemplateKey> expected = new HashMap<>();
        List<RequestNumber> toRemind = new ArrayList<>();
        List<RequestNumber> toResolve = new ArrayList<>();
        List<RequestNumber> toClose = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            toRemind.add(waiting(NOW.minus(Duration.ofDays(11)), expected, TemplateKey.REQUEST_REMINDER));
            toResolve.add(waiting(NOW.minus(Duration.ofDays(16)), expected, TemplateKey.REQUEST_RESOLVED));
            toClose.add(resolved(NOW.minus(Duration.ofDays(16))));
        }

        CyclicBarrier together = new CyclicBarrier(2);
        List<Callable<CloseIdleRequests.Outcome>> runs = new ArrayList<>();
        for (TestDatabase.Node node : List.of(first, second)) {
            Ticketing ticketing = Ticketing.builder(node.ports()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
            runs.add(() -> {
                together.await();
                return ticketing.closeIdleRequests().run();
            });
        }
        List<CloseIdleRequests.Outcome> outcomes = new ArrayList<>();
        for (Future<CloseIdleRequests.Outcome> f : threads.invokeAll(runs)) {
            outcomes.add(f.get());
        }

        assertEquals(EACH, outcomes.stream().mapToInt(CloseIdleRequests.Outcome::reminded).sum(), outcomes::toString);
        assertEquals(EACH, outcomes.stream().mapToInt(CloseIdleRequests.Outcome::resolved).sum(), outcomes::toString);
        assertEquals(EACH, outcomes.stream().mapToInt(CloseIdleRequests.Outcome::closed).sum(), outcomes::toString);
        for (RequestNumber n : toRemind) {
            Request r = stored(n);
            assertEquals(Status.WAITING_FOR_REQUESTER, r.summaryLine().status());
            assertEquals(1, r.history().stream()
                    .filter(h -> h.event() == HistoryEvent.REMINDED && Guichet.is(h.by())).count());
        }
        for (RequestNumber n : toResolve) {
            assertMovedOnceByGuichet(stored(n), Status.RESOLVED);
        }
        for (RequestNumber n : toClose) {
            assertMovedOnceByGuichet(stored(n), Status.CLOSED);
        }
        Map<String, TemplateKey> mailed = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        List<OutboxEntry> batch;
        while (!(batch = first.outbox().claim(500, DUE, Duration.ofDays(365L * 100))).isEmpty()) {
            batch.stream().map(OutboxEntry::notification)
                    .filter(n -> expected.containsKey(n.recipient().value()))
                    .forEach(n -> {
                        mailed.put(n.recipient().value(), n.template());
                        counts.merge(n.recipient().value(), 1, Integer::sum);
                    });
        }
        assertEquals(expected, mailed);
        assertEquals(expected.size(), counts.values().stream().mapToInt(Integer::intValue).sum(), "one mail each");
    }

    private static void assertMovedOnceByGuichet(Request r, Status to) {
        assertEquals(to, r.summaryLine().status());
        assertEquals(NOW, r.summaryLine().updatedAt(), "updated when Guichet moved it");
        assertEquals(1, r.history().stream().filter(h -> h.event() == HistoryEvent.STATUS_CHANGED
                && to.name().equals(h.to()) && Guichet.is(h.by())).count(), r.history()::toString);
    }

    private RequestNumber waiting(Instant since, Map<String, TemplateKey> expected, TemplateKey mail) {
        Person requester = Fixtures.newRequester();
        first.people().save(requester);
        expected.put(requester.email().value(), mail);
        return stored(requester, since, Status.WAITING_FOR_REQUESTER);
    }

    private RequestNumber resolved(Instant since) {
        Person requester = Fixtures.newRequester();
        first.people().save(requester);
        return stored(requester, since, Status.RESOLVED);
    }

    private RequestNumber stored(Person requester, Instant since, Status status) {
        return first.unitOfWork().inTransaction(() -> {
            Request filed = Fixtures.request(first.requests().nextNumber(), requester, since.minus(Duration.ofDays(1)));
            first.requests().add(filed);
            RequestChange started = filed.changeStatus(agent, Actor.STAFF, Status.IN_PROGRESS, null,
                    Duration.ofDays(15), since.minus(Duration.ofHours(1)));
            first.requests().update(started);
            first.requests().update(started.after().changeStatus(agent, Actor.STAFF, status, null,
                    Duration.ofDays(15), since));
            return filed.summaryLine().number();
        });
    }

    private Request stored(RequestNumber number) {
        return first.unitOfWork().inTransaction(() -> first.requests().find(number)).orElseThrow();
    }
}
