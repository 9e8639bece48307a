package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.EstablishmentDirectory;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An export reads its list a batch at a time, every request once and in the list's order, and asks the directories
 * about each person and each school once for the whole export, not once a batch, someone the directory no longer
 * knows included.
 */
class RequestBatchesTest {

    private static final int FILED = 2 * RequestBatches.SIZE + 1;

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final Person specialist = Fixtures.specialist();
    private final Map<Object, Integer> askedPeople = new HashMap<>();
    private final Map<Object, Integer> askedSchools = new HashMap<>();

    /** {@code real} behind its port {@code type}, counting in {@code asked} each key it is asked to find. */
    private static <T> T counting(Class<T> type, T real, Map<Object, Integer> asked) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("find")) {
                asked.merge(args[0], 1, Integer::sum);
            } else if (method.getName().equals("findAll")) {
                ((Collection<?>) args[0]).forEach(key -> asked.merge(key, 1, Integer::sum));
            }
            return method.invoke(real, args);
        }));
    }

    @Test
    void every_request_is_handed_on_once_in_order_and_each_person_and_school_is_read_once_per_export() {
        for (int i = 0; i < FILED; i++) {
            world.clock.advance(Duration.ofMinutes(1));
            RequestNumber number = Scenario.file(world, requester);
            world.ticketing.redirectRequest().redirect(agent, number, Fixtures.EVE, specialist.id(), "Pour Samir",
                    null);
        }
        Labels labels = new Labels(world.catalog, counting(PersonDirectory.class, world.people, askedPeople),
                world.requests, counting(EstablishmentDirectory.class, world.establishments, askedSchools));
        List<List<RequestLine>> batches = new ArrayList<>();

        RequestBatches.each(world.db, world.requests, labels, QueueFilter.everything().query(agent), agent,
                batches::add);

        assertEquals(List.of(RequestBatches.SIZE, RequestBatches.SIZE, 1),
                batches.stream().map(List::size).toList());
        List<Instant> filedAt = batches.stream().flatMap(List::stream).map(l -> l.request().submittedAt()).toList();
        for (int i = 1; i < filedAt.size(); i++) {
            assertTrue(filedAt.get(i).isBefore(filedAt.get(i - 1)), "newest first, each once: " + i);
        }
        assertTrue(batches.stream().flatMap(List::stream).allMatch(l -> l.assignee().displayName()
                .equals("Sam Spécialiste")));
        assertEquals(Map.of(specialist.id(), 1), askedPeople);
        assertEquals(Map.of(requester.establishment(), 1), askedSchools, "a school the directory lacks included");
    }

    @Test
    void someone_the_directory_no_longer_knows_is_asked_about_once_per_export() {
        Person gone = Fixtures.newStaff(Fixtures.PLATEFORME);
        for (int i = 0; i < FILED; i++) {
            world.clock.advance(Duration.ofMinutes(1));
            RequestNumber number = Scenario.file(world, requester);
            world.requests.update(Scenario.stored(world, number).take(gone, world.clock.instant()));
        }
        Labels labels = new Labels(world.catalog, counting(PersonDirectory.class, world.people, askedPeople),
                world.requests, world.establishments);
        List<RequestLine> lines = new ArrayList<>();

        RequestBatches.each(world.db, world.requests, labels, QueueFilter.everything().query(agent), agent,
                lines::addAll);

        assertEquals(FILED, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.assignee().displayName().equals(gone.id().value())));
        assertEquals(Map.of(gone.id(), 1), askedPeople);
    }
}
