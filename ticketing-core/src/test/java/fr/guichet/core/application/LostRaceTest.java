package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refusedUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A colleague stores a change between the moment a use case reads the request (where the caller's If-Match still
 * holds) and the moment it stores its own: the caller who gave a version is told it is stale, as for any stale one.
 */
class LostRaceTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final RequestNumber number = Scenario.file(world, requester);
    private final ColleagueBetweenReadAndStore requests = new ColleagueBetweenReadAndStore(world.requests);
    private final Ticketing ticketing = Ticketing.builder(world.ports().withRequests(requests)).clock(world.clock)
            .settings(TicketingSettings.defaults()).build();

    @Test
    void a_message_whose_version_was_current_when_read_but_not_when_stored_is_stale() {
        requests.colleagueWritesAfterNextRead();
        TicketingException e = refusedUnchanged(world, ErrorKind.STALE,
                () -> ticketing.postMessage().post(agent, number, "Réponse", false, 1L));
        assertEquals("request.version.stale", e.code());
    }

    @Test
    void a_redirection_that_loses_the_race_is_stale() {
        requests.colleagueWritesAfterNextRead();
        refusedUnchanged(world, ErrorKind.STALE,
                () -> ticketing.redirectRequest().redirect(agent, number, Fixtures.EVE, null, null, 1L));
    }

    @Test
    void a_status_change_that_loses_the_race_is_stale() {
        requests.colleagueWritesAfterNextRead();
        refusedUnchanged(world, ErrorKind.STALE,
                () -> ticketing.changeStatus().change(agent, number, Status.IN_PROGRESS, null, 1L));
    }

    @Test
    void without_a_version_from_the_caller_the_lost_race_is_a_conflict() {
        requests.colleagueWritesAfterNextRead();
        TicketingException e = refusedUnchanged(world, ErrorKind.CONFLICT,
                () -> ticketing.changeStatus().change(agent, number, Status.IN_PROGRESS, null, null));
        assertEquals("request.version.conflict", e.code());
    }

    @Test
    void without_a_colleague_the_same_change_is_stored() {
        ticketing.changeStatus().change(agent, number, Status.IN_PROGRESS, null, 1L);
        assertEquals(Status.IN_PROGRESS, Scenario.stored(world, number).summaryLine().status());
    }

    /** The in-memory repository, where a colleague's internal note is stored right after the next read. */
    private static final class ColleagueBetweenReadAndStore extends ForwardingRequestRepository {

        private boolean armed;

        ColleagueBetweenReadAndStore(RequestRepository stored) {
            super(stored);
        }

        void colleagueWritesAfterNextRead() {
            armed = true;
        }

        @Override
        public Optional<Request> find(RequestNumber number) {
            Optional<Request> read = super.find(number);
            if (armed && read.isPresent()) {
                armed = false;
                RequestChange note = read.get().staffMessage(Fixtures.specialist(), new MessageBody("Je m'en occupe."),
                        true, read.get().summaryLine().updatedAt().plusSeconds(1));
                assertTrue(super.update(note));
            }
            return read;
        }
    }
}
