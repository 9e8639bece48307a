package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.port.Count;
import fr.guichet.core.port.RequestCounts;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CountRequestsTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();

    private RequestNumber file(String summary) {
        return Scenario.file(world, requester, Scenario.draft(Fixtures.PRINTERS, summary, "Elle n'imprime plus",
                Visibility.PRIVATE));
    }

    @Test
    void a_requester_may_not_count_the_queue() {
        refused(ErrorKind.FORBIDDEN, () -> world.ticketing.countRequests().count(requester, QueueFilter.queue()));
    }

    @Test
    void the_queue_is_counted_by_status_unassigned_awaiting_the_staff_and_the_askers_own() {
        file("imprimante salle 1");
        RequestNumber taken = file("imprimante salle 2");
        RequestNumber answered = file("imprimante salle 3");
        world.ticketing.takeRequest().take(agent, taken, null);
        world.ticketing.takeRequest().take(agent, answered, null);
        world.ticketing.postMessage().post(requester, taken, "Toujours en panne.", false, null);
        world.ticketing.changeStatus().change(agent, answered, Status.IN_PROGRESS, null, null);

        RequestCounts counts = world.ticketing.countRequests().count(agent, theirs());

        assertEquals(RequestCounts.upTo(Count.CAP, Map.of(Status.NEW, 1L, Status.ASSIGNED, 1L,
                Status.IN_PROGRESS, 1L), 1, 2, 2, 0), counts);
        assertEquals(new Count(2, true), counts.awaitingStaff());
        assertEquals(RequestCounts.upTo(Count.CAP, Map.of(Status.ASSIGNED, 1L), 0, 1, 1, 0),
                world.ticketing.countRequests().count(agent, new QueueFilter(true, Set.of(Status.ASSIGNED), null,
                        null, null, requester.id().value(), null, Set.of(RequestQuery.Only.AWAITING_STAFF))));
    }

    /** The agent's queue, narrowed to this test's requester. */
    private QueueFilter theirs() {
        return new QueueFilter(true, null, null, null, null, requester.id().value(), null);
    }
}
