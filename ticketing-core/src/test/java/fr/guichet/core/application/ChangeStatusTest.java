package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.queuedSince;
import static fr.guichet.core.application.Scenario.refusedUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeStatusTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final RequestNumber number = Scenario.file(world, requester);

    @Test
    void staff_resolve_a_request_and_its_requester_is_told() {
        Scenario.moveTo(world, number, Status.IN_PROGRESS);
        int queued = world.outbox.all().size();

        RequestDetails resolved = world.ticketing.changeStatus().change(agent, number, Status.RESOLVED,
                "Mot de passe réinitialisé.", 2L);

        assertEquals(Status.RESOLVED, resolved.request().summaryLine().status());
        assertEquals(3, resolved.request().version());
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_RESOLVED), queuedSince(world, queued));
    }

    @Test
    void a_move_the_lifecycle_does_not_allow_is_a_conflict() {
        TicketingException e = refusedUnchanged(world, ErrorKind.CONFLICT,
                () -> world.ticketing.changeStatus().change(agent, number, Status.CLOSED, null, null));

        assertEquals("request.transition.not_allowed", e.code());
    }

    @Test
    void a_closed_request_stays_closed() {
        Scenario.moveTo(world, number, Status.CLOSED);

        for (Status to : Status.values()) {
            refusedUnchanged(world, ErrorKind.CONFLICT,
                    () -> world.ticketing.changeStatus().change(agent, number, to, null, null));
        }
    }

    @Test
    void a_requester_may_not_resolve_or_close_their_request() {
        Scenario.moveTo(world, number, Status.IN_PROGRESS);

        TicketingException e = refusedUnchanged(world, ErrorKind.FORBIDDEN,
                () -> world.ticketing.changeStatus().change(requester, number, Status.RESOLVED, null, null));
        refusedUnchanged(world, ErrorKind.FORBIDDEN,
                () -> world.ticketing.changeStatus().change(requester, number, Status.CLOSED, null, null));

        assertEquals("request.status.forbidden", e.code());
    }

    @Test
    void a_requester_reopens_a_resolved_request_within_the_window() {
        Scenario.moveTo(world, number, Status.RESOLVED);
        world.clock.advance(Duration.ofDays(15));
        int queued = world.outbox.all().size();

        RequestDetails reopened = world.ticketing.changeStatus().change(requester, number, Status.IN_PROGRESS,
                "Le problème est revenu.", null);

        assertEquals(Status.IN_PROGRESS, reopened.request().summaryLine().status());
        assertEquals(Map.of(agent.email().value(), TemplateKey.REQUEST_REOPENED), queuedSince(world, queued));
        Notification mail = world.outbox.all().get(world.outbox.all().size() - 1).notification();
        assertEquals("Le problème est revenu.", mail.data().get("body"));
        HistoryEntry last = reopened.request().history().get(reopened.request().history().size() - 1);
        assertEquals(new HistoryEntry(world.clock.instant(), requester.id(), HistoryEvent.REOPENED, "RESOLVED",
                "IN_PROGRESS"), last);
    }

    @Test
    void nobody_reopens_a_request_without_a_reason() {
        Scenario.moveTo(world, number, Status.RESOLVED);
        for (Person person : List.of(requester, agent)) {
            for (String reason : Arrays.asList(null, "", "  \n ")) {
                TicketingException e = refusedUnchanged(world, ErrorKind.INVALID, () -> world.ticketing
                        .changeStatus().change(person, number, Status.IN_PROGRESS, reason, null));
                assertEquals("request.reopen.reason_required", e.code());
                assertEquals("comment", e.errors().get(0).field());
            }
        }
    }

    @Test
    void a_requester_may_not_reopen_once_the_window_has_passed() {
        Scenario.moveTo(world, number, Status.RESOLVED);
        world.clock.advance(Duration.ofDays(15).plusSeconds(1));

        TicketingException e = refusedUnchanged(world, ErrorKind.CONFLICT, () -> world.ticketing.changeStatus()
                .change(requester, number, Status.IN_PROGRESS, "Toujours bloqué.", null));

        assertEquals("request.reopen.too_late", e.code());
    }

    @Test
    void a_stale_expected_version_is_refused_and_nothing_changes() {
        Scenario.moveTo(world, number, Status.IN_PROGRESS);

        TicketingException e = refusedUnchanged(world, ErrorKind.STALE,
                () -> world.ticketing.changeStatus().change(agent, number, Status.RESOLVED, "Fait.", 1L));

        assertEquals("request.version.stale", e.code());
        assertEquals(Status.IN_PROGRESS, Scenario.stored(world, number).summaryLine().status());
    }

    @Test
    void another_requesters_private_request_is_not_found() {
        Person other = join(world, Fixtures.newRequester());
        Scenario.moveTo(world, number, Status.RESOLVED);

        refusedUnchanged(world, ErrorKind.NOT_FOUND,
                () -> world.ticketing.changeStatus().change(other, number, Status.IN_PROGRESS, null, null));
    }
}
