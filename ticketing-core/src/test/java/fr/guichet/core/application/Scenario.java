package fr.guichet.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;

/** Steps the use-case tests share: people joining the world, requests filed and moved, refusals that change nothing. */
final class Scenario {

    private Scenario() {
    }

    /** Adds a person to the directory, with the test password. */
    static Person join(TestWorld world, Person person) {
        world.people.save(person);
        world.accounts.setPassword(person.id(), TestWorld.PASSWORD);
        return person;
    }

    static RequestDraft draft(SubjectCode subject, String summary, String description, Visibility visibility) {
        return new RequestDraft(subject, "USAGE", new Summary(summary), new Description(description), visibility);
    }

    /** {@code people} as a directory that no longer lists any support group. */
    static PersonDirectory withoutGroups(PersonDirectory people) {
        return new PersonDirectory() {
            @Override
            public Optional<Person> find(PersonId id) {
                return people.find(id);
            }

            @Override
            public List<Person> membersOf(GroupCode group) {
                return List.of();
            }

            @Override
            public Optional<SupportGroup> group(GroupCode code) {
                return Optional.empty();
            }

            @Override
            public List<SupportGroup> groups() {
                return List.of();
            }
        };
    }

    /** Files the seed's request (private, Mathenpoche) for {@code requester}. */
    static RequestNumber file(TestWorld world, Person requester) {
        return file(world, requester, Fixtures.seedDraft());
    }

    static RequestNumber file(TestWorld world, Person requester, RequestDraft draft) {
        return world.ticketing.fileRequest().file(requester, draft, List.of(), null).details().request().summaryLine()
                .number();
    }

    static Request stored(TestWorld world, RequestNumber number) {
        return world.requests.find(number).orElseThrow();
    }

    /** Moves a request by staff along NEW/ASSIGNED → IN_PROGRESS → WAITING or RESOLVED → CLOSED. */
    static void moveTo(TestWorld world, RequestNumber number, Status target) {
        Person agent = Fixtures.agent();
        List<Status> path = switch (target) {
            case NEW, ASSIGNED -> List.of();
            case IN_PROGRESS -> List.of(Status.IN_PROGRESS);
            case WAITING_FOR_REQUESTER -> List.of(Status.IN_PROGRESS, Status.WAITING_FOR_REQUESTER);
            case RESOLVED -> List.of(Status.IN_PROGRESS, Status.RESOLVED);
            case CLOSED -> List.of(Status.IN_PROGRESS, Status.RESOLVED, Status.CLOSED);
        };
        for (Status s : path) {
            world.ticketing.changeStatus().change(agent, number, s, null, null);
        }
        assertEquals(target, stored(world, number).summaryLine().status());
    }

    /** The call is refused with {@code kind}; the refusal is returned for more checks. */
    static TicketingException refused(ErrorKind kind, Executable call) {
        TicketingException e = assertThrows(TicketingException.class, call);
        assertEquals(kind, e.kind(), e::getMessage);
        return e;
    }

    /**
     * The call is refused with {@code kind} and leaves the repository and the outbox as they were; the refusal is
     * returned for more checks.
     */
    static TicketingException refusedUnchanged(TestWorld world, ErrorKind kind, Executable call) {
        Snapshot before = Snapshot.of(world);
        TicketingException e = refused(kind, call);
        assertEquals(before, Snapshot.of(world), "a refusal leaves nothing behind");
        return e;
    }

    /** Who the outbox holds a notification for, with which template, among those queued since {@code from}. */
    static Map<String, TemplateKey> queuedSince(TestWorld world, int from) {
        List<OutboxEntry> all = world.outbox.all();
        return all.subList(from, all.size()).stream().collect(Collectors.toMap(
                e -> e.notification().recipient().value(), e -> e.notification().template()));
    }

    /** What the repository and the outbox hold, to compare before and after a refused call. */
    record Snapshot(List<String> requests, List<OutboxEntry> outbox) {

        static Snapshot of(TestWorld world) {
            List<String> requests = world.requests.list(RequestQuery.all(), new PageRequest(1, PageRequest.MAX_SIZE))
                    .items().stream().map(s -> world.requests.find(s.number()).orElseThrow())
                    .map(r -> r.summaryLine().number() + " v" + r.version() + " " + r.summaryLine().status() + " "
                            + r.summaryLine().assignedGroup() + " " + r.summaryLine().assignee() + " h" + r.history()
                            + " m" + r.messages().size() + " a" + r.attachments())
                    .toList();
            return new Snapshot(requests, world.outbox.all());
        }
    }
}
