package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.queuedSince;
import static fr.guichet.core.application.Scenario.refusedUnchanged;
import static fr.guichet.core.application.Scenario.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** Incidents: requests linked to a parent follow it, and resolving the parent resolves them, each mailed once. */
class IncidentsTest {

    private static final String ANSWER = "Le service ENT est rétabli : reconnectez-vous.";

    private final TestWorld world = new TestWorld();
    private final Person agent = Fixtures.agent();
    private final Person parentRequester = join(world, Fixtures.newRequester());
    private final RequestNumber parent = Scenario.file(world, parentRequester);

    @Test
    void a_linked_request_names_its_parent_and_the_parent_lists_its_children_to_staff() {
        Person requester = join(world, Fixtures.newRequester());
        RequestNumber first = Scenario.file(world, requester);
        RequestNumber second = Scenario.file(world, requester);

        RequestDetails linked = link(second);
        link(first);

        assertEquals(parent, linked.request().parent());
        HistoryEntry last = linked.request().history().get(linked.request().history().size() - 1);
        assertEquals(List.of(HistoryEvent.LINKED, parent.display()), List.of(last.event(), last.to()));
        assertEquals(List.of(first, second), world.ticketing.viewRequest().view(agent, parent).children());
        assertEquals(List.of(), world.ticketing.viewRequest().view(parentRequester, parent).children());
        assertEquals(parent, world.ticketing.viewRequest().view(requester, first).request().parent());
    }

    @Test
    void unlinking_detaches_the_request_and_its_history_says_so() {
        RequestNumber child = Scenario.file(world, join(world, Fixtures.newRequester()));
        link(child);

        RequestDetails unlinked = world.ticketing.linkRequest().unlink(agent, child, 2L);

        assertNull(unlinked.request().parent());
        HistoryEntry last = unlinked.request().history().get(unlinked.request().history().size() - 1);
        assertEquals(List.of(HistoryEvent.UNLINKED, parent.display()), List.of(last.event(), last.from()));
        assertEquals(List.of(), world.ticketing.viewRequest().view(agent, parent).children());
        assertEquals("request.link.none", refusedUnchanged(world, ErrorKind.CONFLICT,
                () -> world.ticketing.linkRequest().unlink(agent, child, null)).code());
    }

    @Test
    void the_parent_must_be_given_well_formed_and_exist() {
        RequestNumber child = Scenario.file(world, join(world, Fixtures.newRequester()));

        for (String given : new String[] {null, " ", "12a", "0"}) {
            TicketingException e = refusedUnchanged(world, ErrorKind.INVALID,
                    () -> world.ticketing.linkRequest().link(agent, child, given, null));
            assertEquals("parent", e.errors().get(0).field());
        }
        assertEquals("request.link.parent_not_found", refusedUnchanged(world, ErrorKind.INVALID,
                () -> world.ticketing.linkRequest().link(agent, child, "9999999", null)).code());
        assertEquals("request.link.self", refusedUnchanged(world, ErrorKind.INVALID,
                () -> world.ticketing.linkRequest().link(agent, child, child.display(), null)).code());
    }

    @Test
    void links_are_one_level_deep_between_open_requests() {
        Person requester = join(world, Fixtures.newRequester());
        RequestNumber child = Scenario.file(world, requester);
        RequestNumber other = Scenario.file(world, requester);
        RequestNumber resolved = Scenario.file(world, requester);
        Scenario.moveTo(world, resolved, Status.RESOLVED);
        link(child);

        assertEquals("request.link.parent_is_child", refusedLink(other, child).code());
        assertEquals("request.link.has_children", refusedLink(parent, other).code());
        assertEquals("request.link.parent_not_open", refusedLink(other, resolved).code());
        assertEquals("request.link.not_open", refusedLink(resolved, parent).code());
        assertEquals("request.link.already", refusedLink(child, parent).code());
    }

    @Test
    void only_staff_link_and_unlink() {
        RequestNumber own = Scenario.file(world, parentRequester);

        refusedUnchanged(world, ErrorKind.FORBIDDEN,
                () -> world.ticketing.linkRequest().link(parentRequester, own, parent.display(), null));
        refusedUnchanged(world, ErrorKind.FORBIDDEN,
                () -> world.ticketing.linkRequest().unlink(parentRequester, own, null));
    }

    @Test
    void resolving_the_parent_resolves_its_open_children_with_its_answer_and_mails_each_requester_once() {
        Person a = join(world, Fixtures.newRequester());
        Person b = join(world, Fixtures.newRequester());
        Person c = join(world, Fixtures.newRequester());
        RequestNumber fresh = Scenario.file(world, a);
        RequestNumber waiting = Scenario.file(world, b);
        RequestNumber done = Scenario.file(world, c);
        for (RequestNumber child : List.of(fresh, waiting, done)) {
            link(child);
        }
        Scenario.moveTo(world, waiting, Status.WAITING_FOR_REQUESTER);
        Scenario.moveTo(world, done, Status.RESOLVED);
        Scenario.moveTo(world, parent, Status.IN_PROGRESS);
        Request doneBefore = stored(world, done);
        int queued = world.outbox.all().size();

        world.ticketing.changeStatus().change(agent, parent, Status.RESOLVED, ANSWER, null);

        for (RequestNumber child : List.of(fresh, waiting)) {
            Request resolved = stored(world, child);
            assertEquals(Status.RESOLVED, resolved.summaryLine().status());
            Message answer = resolved.messages().get(resolved.messages().size() - 1);
            assertEquals(List.of(ANSWER, false), List.of(answer.body().value(), answer.internal()));
        }
        assertEquals(doneBefore.version(), stored(world, done).version());
        assertEquals(Map.of(parentRequester.email().value(), TemplateKey.REQUEST_RESOLVED,
                a.email().value(), TemplateKey.REQUEST_RESOLVED, b.email().value(), TemplateKey.REQUEST_RESOLVED),
                queuedSince(world, queued));
        assertEquals(3, world.outbox.all().size() - queued);
    }

    @Test
    void resolving_the_parent_again_is_refused_and_mails_nobody_twice() {
        RequestNumber child = Scenario.file(world, join(world, Fixtures.newRequester()));
        link(child);
        Scenario.moveTo(world, parent, Status.IN_PROGRESS);
        world.ticketing.changeStatus().change(agent, parent, Status.RESOLVED, ANSWER, null);

        TicketingException e = refusedUnchanged(world, ErrorKind.CONFLICT,
                () -> world.ticketing.changeStatus().change(agent, parent, Status.RESOLVED, ANSWER, null));

        assertEquals("request.transition.not_allowed", e.code());
    }

    @Test
    void whatever_the_children_s_statuses_each_open_one_is_resolved_and_its_requester_mailed_once() {
        Gen<List<Status>> statuses = SourceDSL.lists().of(Generate.enumValues(Status.class)).ofSizeBetween(0, 6);
        qt().withExamples(30).forAll(statuses).checkAssert(children -> {
            TestWorld w = new TestWorld();
            RequestNumber incident = Scenario.file(w, join(w, Fixtures.newRequester()));
            Map<Person, Request> before = new HashMap<>();
            for (Status status : children) {
                Person requester = join(w, Fixtures.newRequester());
                RequestNumber child = Scenario.file(w, requester);
                w.ticketing.linkRequest().link(agent, child, incident.display(), null);
                if (status != Status.NEW && status != Status.ASSIGNED) {
                    Scenario.moveTo(w, child, status);
                }
                before.put(requester, stored(w, child));
            }
            Scenario.moveTo(w, incident, Status.IN_PROGRESS);
            int queued = w.outbox.all().size();

            w.ticketing.changeStatus().change(agent, incident, Status.RESOLVED, ANSWER, null);

            Map<String, TemplateKey> mailed = queuedSince(w, queued);
            before.forEach((requester, was) -> {
                boolean open = was.summaryLine().status().isOpen();
                Status now = stored(w, was.summaryLine().number()).summaryLine().status();
                assertEquals(open ? Status.RESOLVED : was.summaryLine().status(), now);
                assertEquals(open, mailed.containsKey(requester.email().value()));
            });
            assertEquals(1 + before.values().stream().filter(r -> r.summaryLine().status().isOpen()).count(),
                    (long) w.outbox.all().size() - queued);
        });
    }

    private RequestDetails link(RequestNumber child) {
        return world.ticketing.linkRequest().link(agent, child, parent.display(), null);
    }

    private TicketingException refusedLink(RequestNumber child, RequestNumber to) {
        return refusedUnchanged(world, ErrorKind.CONFLICT,
                () -> world.ticketing.linkRequest().link(agent, child, to.display(), null));
    }
}
