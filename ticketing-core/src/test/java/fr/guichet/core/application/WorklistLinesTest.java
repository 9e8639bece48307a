package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.port.Count;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestSort;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorklistLinesTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final RequestNumber number = Scenario.file(world, requester, Scenario.draft(Fixtures.MATHENPOCHE,
            "perte d'identifiant", "Je ne me souviens plus de mon mot de passe", Visibility.PRIVATE));

    @Test
    void a_request_just_filed_awaits_the_staff_its_requester_having_acted_last() {
        RequestLine line = staffLine();
        assertTrue(line.request().awaitingStaff());
        assertEquals(requester.id(), line.request().lastActivity().by());
        assertFalse(line.request().lastActivity().staff());
        assertEquals(requester.name().display(), line.lastActivityBy().displayName());
        assertEquals(line.request().submittedAt(), line.request().lastActivity().at());
    }

    @Test
    void a_line_names_its_assignee_as_shown_and_as_listed() {
        RequestLine line = staffLine();
        assertEquals(agent.id(), line.request().assignee());
        assertEquals(new NamedPerson(agent.id().value(), agent.name().display(), agent.name().listed()),
                line.assignee());
    }

    @Test
    void a_staff_answer_or_note_is_the_last_activity_and_the_request_no_longer_awaits_the_staff() {
        Instant answered = later();
        world.ticketing.postMessage().post(agent, number, "Votre identifiant est votre adresse.", false, null);
        assertActedLast(agent.id(), true, answered);

        Instant noted = later();
        world.ticketing.postMessage().post(agent, number, "Compte vérifié.", true, null);
        assertActedLast(agent.id(), true, noted);
        assertEquals(noted, staffLine().request().updatedAt());
    }

    @Test
    void the_requester_following_up_or_reopening_makes_the_request_await_the_staff_again() {
        Scenario.moveTo(world, number, Status.WAITING_FOR_REQUESTER);
        assertFalse(staffLine().request().awaitingStaff());

        Instant followedUp = later();
        world.ticketing.postMessage().post(requester, number, "Cela ne marche toujours pas.", false, null);
        assertActedLast(requester.id(), false, followedUp);

        world.ticketing.changeStatus().change(agent, number, Status.RESOLVED, null, null);
        assertActedLast(agent.id(), true, world.clock.instant());
        Instant reopened = later();
        world.ticketing.changeStatus().change(requester, number, Status.IN_PROGRESS, "Toujours bloqué.", null);
        assertActedLast(requester.id(), false, reopened);
    }

    @Test
    void a_request_back_from_resolved_stays_reopened_once_resolved_again_and_is_counted_so() {
        QueueFilter reopened = new QueueFilter(false, null, null, null, null, requester.id().value(), null,
                Set.of(RequestQuery.Only.REOPENED));
        Scenario.moveTo(world, number, Status.RESOLVED);
        assertEquals(List.of(), numbers(reopened));

        world.ticketing.changeStatus().change(requester, number, Status.IN_PROGRESS, "Toujours bloqué.", null);
        assertTrue(staffLine().request().reopened());
        assertEquals(List.of(number), numbers(reopened));
        assertEquals(new Count(1, true), world.ticketing.countRequests().count(agent, reopened).reopened());

        world.ticketing.changeStatus().change(agent, number, Status.RESOLVED, null, null);
        world.ticketing.changeStatus().change(agent, number, Status.CLOSED, null, null);
        assertEquals(List.of(number), numbers(reopened));
        assertEquals(List.of(), numbers(new QueueFilter(false, Set.of(Status.IN_PROGRESS), null, null, null,
                requester.id().value(), null, Set.of(RequestQuery.Only.REOPENED))));
    }

    @Test
    void a_take_or_a_redirection_is_the_staffs_activity() {
        Person colleague = join(world, Fixtures.newStaff(Fixtures.PLATEFORME));
        Instant taken = later();
        world.ticketing.takeRequest().take(colleague, number, null);
        assertActedLast(colleague.id(), true, taken);
        assertEquals(colleague.name().listed(), staffLine().assignee().listedName());

        Person specialist = Fixtures.specialist();
        Instant redirected = later();
        world.ticketing.redirectRequest().redirect(agent, number, Fixtures.EVE, specialist.id(), null, null);
        assertActedLast(agent.id(), true, redirected);
        assertEquals(specialist.name().display(), staffLine().assignee().displayName());
    }

    @Test
    void staff_keep_the_unassigned_requests_or_those_awaiting_them_in_the_order_they_choose() {
        RequestNumber printer = Scenario.file(world, requester, Scenario.draft(Fixtures.PRINTERS, "imprimante",
                "Elle n'imprime plus", Visibility.PRIVATE));
        later();
        world.ticketing.postMessage().post(agent, number, "Votre identifiant est votre adresse.", false, null);

        assertEquals(List.of(printer), numbers(new QueueFilter(false, null, null, null, null,
                requester.id().value(), null, Set.of(RequestQuery.Only.UNASSIGNED))));
        assertEquals(List.of(printer), numbers(new QueueFilter(false, null, null, null, null,
                requester.id().value(), null, Set.of(RequestQuery.Only.AWAITING_STAFF))));
        assertEquals(List.of(number, printer), numbers(new QueueFilter(false, null, null, null, null,
                requester.id().value(), RequestSort.UPDATED)));
        assertEquals(List.of(printer, number), numbers(new QueueFilter(false, null, null, null, null,
                requester.id().value(), RequestSort.UPDATED_LONGEST_AGO)));
    }

    private List<RequestNumber> numbers(QueueFilter filter) {
        return world.ticketing.listQueue().list(agent, filter, PageRequest.first()).items().stream()
                .map(l -> l.request().number()).toList();
    }

    private Instant later() {
        world.clock.advance(Duration.ofMinutes(7));
        return world.clock.instant();
    }

    private void assertActedLast(PersonId by, boolean staff, Instant at) {
        RequestLine line = staffLine();
        assertEquals(by, line.request().lastActivity().by());
        assertEquals(by.value(), line.lastActivityBy().identifier());
        assertEquals(staff, line.request().lastActivity().staff());
        assertEquals(!staff, line.request().awaitingStaff());
        assertEquals(at, line.request().lastActivity().at());
        RequestLine mine = world.ticketing.listMyRequests().list(requester, null, PageRequest.first()).items().get(0);
        assertEquals(line.request().lastActivity(), mine.request().lastActivity());
    }

    private RequestLine staffLine() {
        return world.ticketing.listQueue().list(agent, QueueFilter.everything(), PageRequest.first()).items()
                .stream().filter(l -> l.request().number().equals(number)).findFirst().orElseThrow();
    }
}
