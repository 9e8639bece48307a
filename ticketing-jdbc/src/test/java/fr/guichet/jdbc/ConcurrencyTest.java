package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Actor;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestRepository.Addition;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Two nodes, each with its own pool, working on one database at once. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class ConcurrencyTest {

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase.Node first;
    private TestDatabase.Node second;
    private ExecutorService threads;
    private final Instant now = Instant.parse("2033-05-06T07:08:09Z");

    @BeforeEach
    void startTwoNodes() {
        first = TestDatabase.of(kind).node();
        second = TestDatabase.of(kind).newNode();
        threads = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stopSecondNode() throws Exception {
        threads.shutdownNow();
        second.close();
    }

    @Test
    void two_nodes_filing_1000_requests_at_once_get_1000_distinct_increasing_numbers_and_lose_none() throws Exception {
        Person requester = Fixtures.newRequester();
        List<Callable<List<Long>>> filers = new ArrayList<>();
        for (TestDatabase.Node node : List.of(first, second, first, second)) {
            filers.add(() -> {
                List<Long> numbers = new ArrayList<>();
                for (int i = 0; i < 250; i++) {
                    numbers.add(node.unitOfWork().inTransaction(() -> {
                        Request r = Fixtures.request(node.requests().nextNumber(), requester, now);
                        node.requests().add(r);
                        return r.summaryLine().number().value();
                    }));
                }
                return numbers;
            });
        }
        Set<Long> all = new HashSet<>();
        for (Future<List<Long>> f : threads.invokeAll(filers)) {
            List<Long> numbers = f.get();
            for (int i = 1; i < numbers.size(); i++) {
                assertTrue(numbers.get(i) > numbers.get(i - 1), "each filer sees increasing numbers");
            }
            all.addAll(numbers);
        }
        assertEquals(1000, all.size());
        long stored = first.unitOfWork().inTransaction(() -> first.requests()
                .list(RequestQuery.all().withRequester(requester.id()), new PageRequest(1, 1)).total());
        assertEquals(1000, stored);
    }

    @Test
    void two_nodes_assigning_and_resolving_at_once_keep_every_open_request_count_exact() throws Exception {
        GroupCode group = Fixtures.newGroup().code();
        List<Person> staff = List.of(Fixtures.newStaff(group), Fixtures.newStaff(group));
        Person requester = Fixtures.newRequester();
        List<Callable<Map<PersonId, Long>>> workers = new ArrayList<>();
        for (TestDatabase.Node node : List.of(first, second, first, second)) {
            workers.add(() -> {
                Map<PersonId, Long> open = new HashMap<>();
                for (int i = 0; i < 60; i++) {
                    Person assignee = staff.get(i % 2);
                    Request r = node.unitOfWork().inTransaction(() -> {
                        Request filed = Request.file(node.requests().nextNumber(), requester, Fixtures.seedDraft(),
                                group, assignee.id(), List.of(), null, now);
                        node.requests().add(filed);
                        return filed;
                    });
                    if (i % 3 == 0) {
                        node.unitOfWork().inTransaction(() -> {
                            RequestChange working = r.changeStatus(assignee, Actor.STAFF, Status.IN_PROGRESS, null,
                                    Duration.ofDays(1), now);
                            node.requests().update(working);
                            node.requests().update(working.after().changeStatus(assignee, Actor.STAFF,
                                    Status.RESOLVED, null, Duration.ofDays(1), now));
                            return null;
                        });
                    } else {
                        open.merge(assignee.id(), 1L, Long::sum);
                    }
                }
                return open;
            });
        }
        Map<PersonId, Long> expected = new HashMap<>();
        for (Future<Map<PersonId, Long>> f : threads.invokeAll(workers)) {
            f.get().forEach((person, count) -> expected.merge(person, count, Long::sum));
        }
        assertEquals(expected, first.unitOfWork().inTransaction(() -> first.requests()
                .openRequestCounts(staff.stream().map(Person::id).toList())));
    }

    @Test
    void two_dispatchers_on_two_nodes_claim_each_entry_exactly_once() throws Exception {
        Instant due = Instant.parse("2099-01-01T00:00:00Z");
        while (!first.outbox().claim(500, due, Duration.ofDays(365L * 100)).isEmpty()) {
            continue;
        }
        List<Notification> notifications = IntStream.range(0, 300).mapToObj(i -> notification()).toList();
        Set<UUID> queued = new HashSet<>();
        first.unitOfWork().inTransaction(() -> first.outbox().enqueue(notifications, due))
                .forEach(e -> queued.add(e.id()));
        List<Callable<List<UUID>>> dispatchers = new ArrayList<>();
        for (TestDatabase.Node node : List.of(first, second)) {
            dispatchers.add(() -> {
                List<UUID> mine = new ArrayList<>();
                List<OutboxEntry> batch;
                while (!(batch = node.outbox().claim(10, due, Duration.ofMinutes(5))).isEmpty()) {
                    for (OutboxEntry e : batch) {
                        mine.add(e.id());
                        node.outbox().markSent(e.id(), due);
                    }
                }
                return mine;
            });
        }
        List<UUID> claimed = new ArrayList<>();
        for (Future<List<UUID>> f : threads.invokeAll(dispatchers)) {
            claimed.addAll(f.get());
        }
        assertEquals(queued.size(), claimed.size(), "no entry claimed twice");
        assertEquals(queued, new HashSet<>(claimed));
    }

    @Test
    void two_staff_updating_one_request_at_the_same_version_one_wins_the_other_is_told_it_lost() throws Exception {
        Request filed = first.unitOfWork().inTransaction(() -> {
            Request r = Fixtures.request(first.requests().nextNumber(), Fixtures.newRequester(), now);
            first.requests().add(r);
            return r;
        });
        RequestNumber number = filed.summaryLine().number();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Callable<String>> staff = new ArrayList<>();
        for (TestDatabase.Node node : List.of(first, second)) {
            staff.add(() -> {
                Request seen = node.unitOfWork().inTransaction(() -> node.requests().find(number)).orElseThrow();
                RequestChange change = seen.staffMessage(Fixtures.agent(), new MessageBody("Réponse de " + node), false,
                        now.plusSeconds(1));
                together.await();
                return node.unitOfWork().inTransaction(() -> node.requests().update(change)) ? "won" : "lost";
            });
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : threads.invokeAll(staff)) {
            outcomes.add(f.get());
        }
        assertEquals(Set.of("won", "lost"), new HashSet<>(outcomes), outcomes.toString());
        Request stored = first.unitOfWork().inTransaction(() -> first.requests().find(number)).orElseThrow();
        assertEquals(2, stored.version());
        assertEquals(1, stored.messages().size());
    }

    @Test
    void a_key_another_node_commits_while_this_one_inserts_it_is_already_filed_and_rolled_back() throws Exception {
        Person requester = Fixtures.newRequester();
        Request mine = Request.file(first.unitOfWork().inTransaction(() -> first.requests().nextNumber()), requester,
                Fixtures.seedDraft(), Fixtures.PLATEFORME, null, List.of(), "deux-noeuds", now);
        Request theirs = Request.file(second.unitOfWork().inTransaction(() -> second.requests().nextNumber()),
                requester, Fixtures.seedDraft(), Fixtures.PLATEFORME, null, List.of(), "deux-noeuds", now);
        CountDownLatch added = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<Addition> stored = threads.submit(() -> second.unitOfWork().inTransaction(() -> {
            Addition addition = second.requests().add(theirs);
            added.countDown();
            await(commit);
            return addition;
        }));
        added.await();
        RuntimeException rollBack = new IllegalStateException("roll back");
        Addition[] outcome = new Addition[1];
        Future<?> racing = threads.submit(() -> first.unitOfWork().inTransaction(() -> {
            outcome[0] = first.requests().add(mine);
            throw rollBack;
        }));
        Thread.sleep(300);
        commit.countDown();
        assertEquals(Addition.ADDED, stored.get());
        assertSame(rollBack, assertThrows(ExecutionException.class, racing::get).getCause());
        assertEquals(Addition.ALREADY_FILED, outcome[0]);
        assertTrue(first.unitOfWork().inTransaction(() -> first.requests().find(mine.summaryLine().number()))
                .isEmpty());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Notification notification() {
        Person to = Fixtures.newRequester();
        return new Notification(TemplateKey.REQUEST_RECEIVED, EmailAddress.of(to.email().value()),
                to.name().display(), RequestNumber.of(1), Map.of("number", "0000001"));
    }
}
