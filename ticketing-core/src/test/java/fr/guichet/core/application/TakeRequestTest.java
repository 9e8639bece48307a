package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refusedUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TakeRequestTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final Person colleague = join(world, Fixtures.newStaff(Fixtures.PLATEFORME));
    /** Filed on a subject whose requests wait in the platform's queue. */
    private final RequestNumber queued = Scenario.file(world, requester, Scenario.draft(Fixtures.PRINTERS,
            "Imprimante de la salle 12", "Bourrage papier permanent.", Visibility.PRIVATE));

    private long openOf(Person person) {
        return world.requests.openRequestCounts(List.of(person.id())).getOrDefault(person.id(), 0L);
    }

    @Test
    void a_member_of_the_group_takes_a_new_request_in_one_move_and_nobody_is_mailed() {
        int queuedMails = world.outbox.all().size();
        long before = openOf(colleague);

        RequestDetails taken = world.ticketing.takeRequest().take(colleague, queued, 1L);

        Request after = taken.request();
        assertEquals(Status.ASSIGNED, after.summaryLine().status());
        assertEquals(colleague.id(), after.summaryLine().assignee());
        assertEquals(Fixtures.PLATEFORME, after.summaryLine().assignedGroup());
        assertEquals(2, after.version());
        assertEquals(List.of(
                new HistoryEntry(Fixtures.SEED_DAY, colleague.id(), HistoryEvent.TAKEN, null,
                        colleague.id().value()),
                new HistoryEntry(Fixtures.SEED_DAY, colleague.id(), HistoryEvent.STATUS_CHANGED, "NEW", "ASSIGNED")),
                after.history().subList(1, 3));
        assertEquals(queuedMails, world.outbox.all().size(), "nobody is mailed");
        assertEquals(before + 1, openOf(colleague));
        assertEquals(colleague.name().display(), taken.assigneeName());
        HistoryLine line = taken.history().get(1);
        assertEquals(colleague.name().display(), line.byName());
        assertNull(line.fromLabel());
        assertEquals(colleague.name().display(), line.toLabel());
    }

    @Test
    void taking_a_request_a_colleague_works_on_passes_it_with_its_status_and_its_count() {
        world.ticketing.takeRequest().take(colleague, queued, null);
        world.ticketing.changeStatus().change(colleague, queued, Status.IN_PROGRESS, null, null);
        long colleagueBefore = openOf(colleague);
        long agentBefore = openOf(agent);

        Request after = world.ticketing.takeRequest().take(agent, queued, 3L).request();

        assertEquals(Status.IN_PROGRESS, after.summaryLine().status());
        assertEquals(agent.id(), after.summaryLine().assignee());
        assertEquals(new HistoryEntry(Fixtures.SEED_DAY, agent.id(), HistoryEvent.TAKEN, colleague.id().value(),
                agent.id().value()), after.history().get(after.history().size() - 1));
        assertEquals(colleagueBefore - 1, openOf(colleague));
        assertEquals(agentBefore + 1, openOf(agent));
    }

    @Test
    void a_requester_shown_the_request_reads_who_took_it_by_name() {
        world.ticketing.takeRequest().take(colleague, queued, null);

        RequestDetails seen = world.ticketing.viewRequest().view(requester, queued);

        assertEquals(colleague.name().display(), seen.assigneeName());
        assertEquals("Plateforme d'assistance du rectorat", seen.groupLabel());
        HistoryLine taken = seen.history().stream().filter(h -> h.entry().event() == HistoryEvent.TAKEN)
                .findFirst().orElseThrow();
        assertEquals(colleague.name().display(), taken.byName());
    }

    @Test
    void staff_outside_the_requests_group_may_not_take_it() {
        TicketingException e = refusedUnchanged(world, ErrorKind.FORBIDDEN,
                () -> world.ticketing.takeRequest().take(Fixtures.specialist(), queued, null));

        assertEquals("request.take.not_in_group", e.code());
        assertEquals("Seuls les membres du groupe « Plateforme d'assistance du rectorat » peuvent prendre cette "
                + "demande en charge.", e.errors().get(0).message());
    }

    @Test
    void a_requester_may_not_take_a_request() {
        TicketingException e = refusedUnchanged(world, ErrorKind.FORBIDDEN,
                () -> world.ticketing.takeRequest().take(requester, queued, null));

        assertEquals("staff.only", e.code());
    }

    @Test
    void ones_own_request_a_resolved_one_and_a_stale_version_are_refused_and_change_nothing() {
        world.ticketing.takeRequest().take(colleague, queued, null);

        assertEquals("request.take.already_yours", refusedUnchanged(world, ErrorKind.CONFLICT,
                () -> world.ticketing.takeRequest().take(colleague, queued, null)).code());
        refusedUnchanged(world, ErrorKind.STALE, () -> world.ticketing.takeRequest().take(agent, queued, 1L));
        Scenario.moveTo(world, queued, Status.RESOLVED);
        assertEquals("request.take.not_allowed", refusedUnchanged(world, ErrorKind.CONFLICT,
                () -> world.ticketing.takeRequest().take(agent, queued, null)).code());
    }

    @Test
    void an_unknown_request_is_not_found() {
        refusedUnchanged(world, ErrorKind.NOT_FOUND,
                () -> world.ticketing.takeRequest().take(agent, RequestNumber.of(9_999), null));
    }

    @Test
    void counts_stay_exact_through_takes_and_resolutions() {
        RequestNumber second = Scenario.file(world, requester, Scenario.draft(Fixtures.PRINTERS,
                "Photocopieur", "Il ne s'allume plus.", Visibility.PRIVATE));
        world.ticketing.takeRequest().take(colleague, queued, null);
        world.ticketing.takeRequest().take(colleague, second, null);
        world.ticketing.takeRequest().take(agent, second, null);
        Scenario.moveTo(world, queued, Status.RESOLVED);

        Map<PersonId, Long> counts = world.requests.openRequestCounts(List.of(colleague.id(), agent.id()));
        assertEquals(0L, counts.getOrDefault(colleague.id(), 0L));
        assertEquals(1L, counts.getOrDefault(agent.id(), 0L));
    }
}
