package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two nodes running the daily digests at the same moment, day after day: each day the staff member who chose the
 * digest gets ONE digest listing every request held for it, never two, and nothing stays held, on every selected
 * database (PostgreSQL aborting the loser's transaction on the digest's key included).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class DigestRaceTest {

    @Parameter
    TestDatabase.Kind kind;

    @Test
    void two_nodes_running_the_digests_at_once_queue_one_digest_a_day() throws Exception {
        TestDatabase db = TestDatabase.fresh(kind);
        MutableClock clock = new MutableClock(Fixtures.SEED_DAY);
        try (TestDatabase.Node first = db.node().withFixtures(); TestDatabase.Node second = db.newNode()) {
            Ticketing one = Ticketing.builder(first.ports()).clock(clock).build();
            Ticketing two = Ticketing.builder(second.ports()).clock(clock).build();
            Person reader = Fixtures.newStaff(Fixtures.PLATEFORME);
            Person requester = Fixtures.newRequester();
            first.people().save(reader);
            first.people().save(requester);
            one.chooseNotifications().choose(reader, "DIGEST", "DIGEST", 17);
            RequestDraft toTheQueue = new RequestDraft(Fixtures.PRINTERS, "USAGE", new Summary("Imprimante"),
                    new Description("Bourrage papier."), null);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            int days = 6;
            try {
                for (int day = 0; day < days; day++) {
                    Instant morning = Fixtures.SEED_DAY.plus(Duration.ofDays(day));
                    clock.set(morning);
                    for (int i = 0; i < 3; i++) {
                        one.fileRequest().file(requester, toTheQueue, List.of(), null);
                    }
                    clock.set(morning.plus(Duration.ofHours(7)));
                    CyclicBarrier start = new CyclicBarrier(2);
                    List<Future<Integer>> runs = new ArrayList<>();
                    for (Ticketing node : List.of(one, two)) {
                        runs.add(pool.submit(() -> {
                            start.await(10, TimeUnit.SECONDS);
                            return node.sendDigests().run();
                        }));
                    }
                    int queued = 0;
                    for (Future<Integer> run : runs) {
                        queued += run.get(60, TimeUnit.SECONDS);
                    }
                    assertEquals(1, queued, "day " + day);
                    assertEquals(List.of(), first.unitOfWork().inTransaction(() -> first.outbox()
                            .held(reader.email(), clock.instant().plus(Duration.ofDays(1)), 10)));
                }
            } finally {
                pool.shutdownNow();
            }
            List<OutboxEntry> digests = first.outbox().claim(1000, clock.instant(), Duration.ofHours(1)).stream()
                    .filter(e -> e.notification().recipient().equals(reader.email())).toList();
            assertEquals(days, digests.size());
            for (OutboxEntry digest : digests) {
                assertEquals(TemplateKey.DIGEST, digest.notification().template());
                assertEquals("3", digest.notification().data().get("count"));
            }
        }
    }
}
