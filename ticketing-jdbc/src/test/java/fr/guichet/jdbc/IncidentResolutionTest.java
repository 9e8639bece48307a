package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Actor;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
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
 * Two nodes changing incidents at once, through the core's use cases: each follower of a resolved incident is mailed
 * exactly once, a link racing its incident's resolution is resolved with it or refused, and two links never make two
 * levels.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class IncidentResolutionTest {

    private static final int ROUNDS = 8;
    private static final int CHILDREN = 6;
    private static final Instant DUE = Instant.parse("2099-01-01T00:00:00Z");

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase.Node first;
    private TestDatabase.Node second;
    private ExecutorService threads;
    private final Person agent = Fixtures.agent();
    private final Instant now = Instant.parse("2033-05-06T07:08:09Z");

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
    void two_nodes_resolving_one_incident_at_once_resolve_it_once_and_mail_each_follower_once() throws Exception {
        while (!first.outbox().claim(500, DUE, Duration.ofDays(365L * 100)).isEmpty()) {
            continue;
        }
        List<Ticketing> nodes = List.of(ticketing(first), ticketing(second));
        Map<String, Integer> expected = new HashMap<>();
        List<RequestNumber> followers = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Person reporter = joined();
            RequestNumber incident = filed(reporter);
            moveToInProgress(incident);
            expected.put(reporter.email().value(), 1);
            for (int i = 0; i < CHILDREN; i++) {
                Person requester = joined();
                RequestNumber child = filed(requester);
                nodes.get(i % 2).linkRequest().link(agent, child, incident.display(), null);
                followers.add(child);
                expected.put(requester.email().value(), 1);
            }
            CyclicBarrier together = new CyclicBarrier(2);
            List<Callable<String>> resolutions = new ArrayList<>();
            for (Ticketing node : nodes) {
                resolutions.add(() -> {
                    together.await();
                    return resolve(node, incident);
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : threads.invokeAll(resolutions)) {
                outcomes.add(f.get());
            }
            assertEquals(1, outcomes.stream().filter("resolved"::equals).count(), outcomes.toString());
            assertEquals("CONFLICT", resolve(nodes.get(round % 2), incident), "a retry is refused");
        }

        for (RequestNumber child : followers) {
            assertEquals(Status.RESOLVED, first.unitOfWork().inTransaction(() -> first.requests().find(child))
                    .orElseThrow().summaryLine().status());
        }
        Map<String, Integer> mailed = new HashMap<>();
        List<OutboxEntry> batch;
        while (!(batch = first.outbox().claim(500, DUE, Duration.ofDays(365L * 100))).isEmpty()) {
            batch.stream().filter(e -> e.notification().template() == TemplateKey.REQUEST_RESOLVED)
                    .map(e -> e.notification().recipient().value()).filter(expected::containsKey)
                    .forEach(to -> mailed.merge(to, 1, Integer::sum));
        }
        assertEquals(expected, mailed);
    }

    @Test
    void a_link_racing_the_resolution_of_its_incident_is_resolved_with_it_or_refused() throws Exception {
        List<Ticketing> nodes = List.of(ticketing(first), ticketing(second));
        for (int round = 0; round < ROUNDS; round++) {
            RequestNumber incident = filed(joined());
            moveToInProgress(incident);
            RequestNumber child = filed(joined());

            Ticketing linking = nodes.get(round % 2);
            Ticketing resolving = nodes.get((round + 1) % 2);
            List<String> outcomes = atOnce(() -> link(linking, child, incident), () -> resolve(resolving, incident));

            Request after = stored(child);
            boolean follows = incident.equals(after.parent());
            assertEquals(follows, outcomes.get(0).equals("linked"), outcomes.toString());
            if (follows && stored(incident).summaryLine().status() == Status.RESOLVED) {
                assertEquals(Status.RESOLVED, after.summaryLine().status(), outcomes.toString());
            }
        }
    }

    @Test
    void two_links_at_once_never_make_an_incident_follow_another() throws Exception {
        List<Ticketing> nodes = List.of(ticketing(first), ticketing(second));
        for (int round = 0; round < ROUNDS; round++) {
            RequestNumber top = filed(joined());
            RequestNumber middle = filed(joined());
            RequestNumber bottom = filed(joined());

            Ticketing one = nodes.get(round % 2);
            Ticketing other = nodes.get((round + 1) % 2);
            List<String> outcomes = atOnce(() -> link(one, bottom, middle), () -> link(other, middle, top));

            boolean bottomFollows = middle.equals(stored(bottom).parent());
            boolean middleFollows = top.equals(stored(middle).parent());
            assertTrue(!(bottomFollows && middleFollows), "two levels: " + outcomes);
            assertTrue(bottomFollows || middleFollows, "one of them is linked: " + outcomes);
        }
    }

    private List<String> atOnce(Callable<String> one, Callable<String> other) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Callable<String>> both = new ArrayList<>();
        for (Callable<String> call : List.of(one, other)) {
            both.add(() -> {
                together.await();
                return call.call();
            });
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : threads.invokeAll(both)) {
            outcomes.add(f.get());
        }
        return outcomes;
    }

    private String link(Ticketing node, RequestNumber child, RequestNumber incident) {
        try {
            node.linkRequest().link(agent, child, incident.display(), null);
            return "linked";
        } catch (TicketingException e) {
            return e.kind() + " " + e.code();
        }
    }

    private Request stored(RequestNumber number) {
        return first.unitOfWork().inTransaction(() -> first.requests().find(number)).orElseThrow();
    }

    private String resolve(Ticketing node, RequestNumber incident) {
        try {
            node.changeStatus().change(agent, incident, Status.RESOLVED, "Le service est rétabli.", null);
            return "resolved";
        } catch (TicketingException e) {
            return e.kind() == ErrorKind.CONFLICT ? "CONFLICT" : e.kind() + " " + e.code();
        }
    }

    private Person joined() {
        Person person = Fixtures.newRequester();
        first.people().save(person);
        return person;
    }

    private RequestNumber filed(Person requester) {
        return first.unitOfWork().inTransaction(() -> {
            Request r = Fixtures.request(first.requests().nextNumber(), requester, now);
            first.requests().add(r);
            return r.summaryLine().number();
        });
    }

    private void moveToInProgress(RequestNumber number) {
        first.unitOfWork().run(() -> {
            Request r = first.requests().find(number).orElseThrow();
            first.requests().update(r.changeStatus(agent, Actor.STAFF, Status.IN_PROGRESS, null, Duration.ofDays(1),
                    now));
        });
    }

    private static Ticketing ticketing(TestDatabase.Node node) {
        return Ticketing.builder(node.ports()).build();
    }
}
