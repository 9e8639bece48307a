package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.queuedSince;
import static fr.guichet.core.application.Scenario.refusedUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.MessageKind;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectRequestTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final Person specialist = Fixtures.specialist();
    private final RequestNumber number = Scenario.file(world, requester);

    @Test
    void staff_redirect_a_request_to_a_specialist_of_its_subject_and_the_history_keeps_it() {
        int queued = world.outbox.all().size();

        Request after = world.ticketing.redirectRequest().redirect(agent, number, Fixtures.PLATEFORME,
                specialist.id(), "Problème propre à Mathenpoche.", 1L).request();

        assertEquals(specialist.id(), after.summaryLine().assignee());
        assertEquals(Status.ASSIGNED, after.summaryLine().status());
        assertEquals(2, after.version());
        List<HistoryEntry> history = Scenario.stored(world, number).history();
        assertTrue(history.contains(new HistoryEntry(Fixtures.SEED_DAY, agent.id(), HistoryEvent.REDIRECTED,
                "PLATEFORME", "PLATEFORME")));
        assertTrue(history.contains(new HistoryEntry(Fixtures.SEED_DAY, agent.id(), HistoryEvent.ASSIGNED,
                agent.id().value(), specialist.id().value())));
        assertEquals(MessageKind.INTERNAL_NOTE, after.messages().get(0).kind());
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_REDIRECTED,
                specialist.email().value(), TemplateKey.REQUEST_ASSIGNED_TO_YOU), queuedSince(world, queued));
    }

    @Test
    void a_redirection_to_another_group_routes_to_one_of_its_members() {
        Request after = world.ticketing.redirectRequest().redirect(agent, number, Fixtures.EVE, null, null, null)
                .request();

        assertEquals(Fixtures.EVE, after.summaryLine().assignedGroup());
        assertEquals(specialist.id(), after.summaryLine().assignee());
        assertTrue(Scenario.stored(world, number).history().contains(new HistoryEntry(Fixtures.SEED_DAY, agent.id(),
                HistoryEvent.REDIRECTED, "PLATEFORME", "EVE")));
    }

    @Test
    void a_requester_may_not_redirect() {
        TicketingException e = refusedUnchanged(world, ErrorKind.FORBIDDEN, () -> world.ticketing.redirectRequest()
                .redirect(requester, number, Fixtures.EVE, null, null, null));

        assertEquals("staff.only", e.code());
    }

    @Test
    void an_unknown_group_is_refused_naming_the_group() {
        TicketingException e = refusedUnchanged(world, ErrorKind.INVALID, () -> world.ticketing.redirectRequest()
                .redirect(agent, number, GroupCode.of("INCONNU"), null, null, null));

        assertEquals("group", e.errors().get(0).field());
        assertEquals("group.unknown", e.code());
    }

    @Test
    void a_person_outside_the_group_who_is_no_specialist_of_the_subject_is_refused() {
        Person stranger = join(world, Fixtures.newStaff(Fixtures.EVE));

        TicketingException e = refusedUnchanged(world, ErrorKind.INVALID, () -> world.ticketing.redirectRequest()
                .redirect(agent, number, Fixtures.PLATEFORME, stranger.id(), null, null));

        assertEquals("assignee", e.errors().get(0).field());
    }

    @Test
    void a_resolved_request_cannot_be_redirected_and_a_stale_version_is_refused() {
        refusedUnchanged(world, ErrorKind.STALE, () -> world.ticketing.redirectRequest()
                .redirect(agent, number, Fixtures.EVE, null, null, 5L));
        Scenario.moveTo(world, number, Status.RESOLVED);

        refusedUnchanged(world, ErrorKind.CONFLICT, () -> world.ticketing.redirectRequest()
                .redirect(agent, number, Fixtures.EVE, null, null, null));
    }
}
