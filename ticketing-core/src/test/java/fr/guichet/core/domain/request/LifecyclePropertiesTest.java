package fr.guichet.core.domain.request;

import static fr.guichet.core.domain.request.RequestGenerators.moveSequences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.RequestGenerators.Move;
import fr.guichet.core.domain.subject.SubjectCode;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class LifecyclePropertiesTest {

    private static final Duration REOPEN_WINDOW = Duration.ofDays(15);
    private static final Instant FILED_AT = Instant.parse("2008-09-01T08:00:00Z");
    private static final Person REQUESTER = new Person(PersonId.of("mmontanes"),
            EmailAddress.of("marc.montanes@ac-creteil.fr"), new PersonName("Marc", "Montanes"), Uai.parse("0941295X"),
            Set.of(Role.REQUESTER), Set.of(), true);
    private static final Person STAFF = new Person(PersonId.of("agent1"), EmailAddress.of("agent1@ac-creteil.fr"),
            new PersonName("Alice", "Agent"), null, Set.of(Role.AGENT), Set.of(GroupCode.of("PLATEFORME")), true);
    private static final Person SPECIALIST = new Person(PersonId.of("specialiste-mep"),
            EmailAddress.of("specialiste.mep@ac-creteil.fr"), new PersonName("Samir", "Benali"), null,
            Set.of(Role.SPECIALIST), Set.of(GroupCode.of("EVE")), true);

    /** The status changes PRODUCT.md allows staff; a requester only answers a waiting request or reopens one. */
    private static final Map<Status, Set<Status>> STAFF_MOVES = new EnumMap<>(Map.of(
            Status.NEW, EnumSet.of(Status.IN_PROGRESS),
            Status.ASSIGNED, EnumSet.of(Status.IN_PROGRESS),
            Status.IN_PROGRESS, EnumSet.of(Status.WAITING_FOR_REQUESTER, Status.RESOLVED),
            Status.WAITING_FOR_REQUESTER, EnumSet.of(Status.IN_PROGRESS, Status.RESOLVED),
            Status.RESOLVED, EnumSet.of(Status.IN_PROGRESS, Status.CLOSED),
            Status.CLOSED, EnumSet.noneOf(Status.class)));
    private static final Map<Status, Set<Status>> REQUESTER_MOVES = new EnumMap<>(Map.of(
            Status.WAITING_FOR_REQUESTER, EnumSet.of(Status.IN_PROGRESS),
            Status.RESOLVED, EnumSet.of(Status.IN_PROGRESS)));

    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger reopened = new AtomicInteger();
    private final AtomicInteger tooLate = new AtomicInteger();
    private final AtomicInteger takenFromSomeoneElse = new AtomicInteger();

    @Test
    void no_sequence_of_moves_leaves_the_lifecycle() {
        qt().forAll(moveSequences(), Generate.booleans()).checkAssert(this::play);
        assertTrue(closed.get() > 0, "some sequences close their request");
        assertTrue(reopened.get() > 0, "some sequences reopen a resolved request");
        assertTrue(tooLate.get() > 0, "some sequences try to reopen too late");
        assertTrue(takenFromSomeoneElse.get() > 0, "some sequences take a request from its assignee");
    }

    @Test
    void the_lifecycle_table_is_the_one_of_the_product() {
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                assertEquals(STAFF_MOVES.get(from).contains(to), Lifecycle.allows(Actor.STAFF, from, to),
                        "staff " + from + " -> " + to);
                assertEquals(REQUESTER_MOVES.getOrDefault(from, Set.of()).contains(to),
                        Lifecycle.allows(Actor.REQUESTER, from, to), "requester " + from + " -> " + to);
            }
        }
    }

    private void play(List<Move> moves, boolean routedToSomeone) {
        Request request = Request.file(RequestNumber.of(1), REQUESTER, new RequestDraft(SubjectCode.parse("EVE-4.2"),
                "USAGE", new Summary("perte d'identifiant"),
                new Description("Je ne me souviens plus de mon mot de passe"), null),
                GroupCode.of("PLATEFORME"), routedToSomeone ? STAFF.id() : null, List.of(), null, FILED_AT);
        assertEquals(routedToSomeone ? Status.ASSIGNED : Status.NEW, request.summaryLine().status());
        assertEquals(1, request.version());
        Instant now = FILED_AT;
        Instant resolvedAt = null;
        for (Move move : moves) {
            now = now.plus(move.after());
            final Request before = request;
            boolean expected = allowed(move, before, resolvedAt, now);
            RequestChange change;
            try {
                change = apply(move, before, now);
            } catch (TicketingException e) {
                assertEquals(ErrorKind.CONFLICT, e.kind(), e::getMessage);
                assertFalse(expected, () -> move + " refused on " + before + ": " + e.getMessage());
                if (before.summaryLine().status() == Status.RESOLVED && move instanceof Move.ChangeStatus c
                        && c.byRequester()
                        && c.to() == Status.IN_PROGRESS) {
                    tooLate.incrementAndGet();
                }
                continue;
            }
            assertTrue(expected, () -> move + " accepted on " + before);
            Request after = change.after();
            assertAppendsAndBumps(change, before, after, now);
            Status from = before.summaryLine().status();
            Status to = after.summaryLine().status();
            assertWithinLifecycle(move, from, to);
            if (move instanceof Move.Take t) {
                assertTaken(t, change);
            }
            if (byRequester(move) && to != from) {
                assertFalse(to == Status.RESOLVED || to == Status.CLOSED, () -> "requester reached " + to);
            }
            if (from == Status.RESOLVED && to == Status.IN_PROGRESS) {
                reopened.incrementAndGet();
            }
            if (to == Status.RESOLVED && from != Status.RESOLVED) {
                resolvedAt = now;
            } else if (to != Status.RESOLVED && to != Status.CLOSED) {
                resolvedAt = null;
            }
            if (to == Status.CLOSED && from != Status.CLOSED) {
                closed.incrementAndGet();
            }
            request = after;
        }
    }

    private static boolean byRequester(Move move) {
        return move instanceof Move.FollowUp || move instanceof Move.ChangeStatus c && c.byRequester();
    }

    /** What the product allows, worked out apart from the aggregate. */
    private static boolean allowed(Move move, Request request, Instant resolvedAt, Instant now) {
        Status status = request.summaryLine().status();
        if (move instanceof Move.ChangeStatus c) {
            if (!c.byRequester()) {
                return STAFF_MOVES.get(status).contains(c.to());
            }
            boolean tooLate = status == Status.RESOLVED && now.isAfter(resolvedAt.plus(REOPEN_WINDOW));
            return REQUESTER_MOVES.getOrDefault(status, Set.of()).contains(c.to()) && !tooLate;
        }
        if (move instanceof Move.Redirect r) {
            boolean same = r.group().equals(request.summaryLine().assignedGroup())
                    && Objects.equals(r.assignee(), request.summaryLine().assignee());
            return status != Status.RESOLVED && status != Status.CLOSED && !same;
        }
        if (move instanceof Move.Take t) {
            return status != Status.RESOLVED && status != Status.CLOSED
                    && !t.taker().equals(request.summaryLine().assignee());
        }
        return status != Status.CLOSED;
    }

    private static RequestChange apply(Move move, Request request, Instant now) {
        if (move instanceof Move.ChangeStatus c) {
            return c.byRequester()
                    ? request.changeStatus(REQUESTER, Actor.REQUESTER, c.to(), new MessageBody("Toujours bloqué."),
                            REOPEN_WINDOW, now)
                    : request.changeStatus(STAFF, Actor.STAFF, c.to(), new MessageBody("Voici la suite."),
                            REOPEN_WINDOW, now);
        }
        if (move instanceof Move.Redirect r) {
            return request.redirect(STAFF, r.group(), r.assignee(), new MessageBody("Pour les spécialistes."), now);
        }
        if (move instanceof Move.Take t) {
            return request.take(t.taker().equals(STAFF.id()) ? STAFF : SPECIALIST, now);
        }
        if (move instanceof Move.StaffMessage m) {
            return request.staffMessage(STAFF, new MessageBody("Réponse de la plateforme"), m.internal(), now);
        }
        if (move instanceof Move.FollowUp) {
            return request.followUp(REQUESTER, new MessageBody("Merci, mais cela ne marche toujours pas."), now);
        }
        throw new AssertionError("unknown move " + move);
    }

    private static void assertAppendsAndBumps(RequestChange change, Request before, Request after, Instant now) {
        assertEquals(before.version() + 1, after.version());
        assertEquals(before.version(), change.expectedVersion());
        assertFalse(change.newHistory().isEmpty(), "every change is recorded");
        assertEquals(before.history(), after.history().subList(0, before.history().size()));
        assertEquals(change.newHistory(), after.history().subList(before.history().size(), after.history().size()));
        assertEquals(before.messages(), after.messages().subList(0, before.messages().size()));
        assertEquals(change.newMessages(),
                after.messages().subList(before.messages().size(), after.messages().size()));
        for (HistoryEntry entry : change.newHistory()) {
            assertEquals(now, entry.at());
        }
        RequestSummary from = before.summaryLine();
        RequestSummary to = after.summaryLine();
        assertEquals(from.number(), to.number());
        assertEquals(from.requester(), to.requester());
        assertEquals(from.submittedAt(), to.submittedAt());
        assertEquals(before.history().size() + change.newHistory().size(), after.history().size());
        if (from.status() != to.status()) {
            HistoryEvent recorded = from.status() == Status.RESOLVED && to.status().isOpen() ? HistoryEvent.REOPENED
                    : HistoryEvent.STATUS_CHANGED;
            assertTrue(change.newHistory().stream().anyMatch(h -> h.event() == recorded
                    && from.status().name().equals(h.from()) && to.status().name().equals(h.to())),
                    "a status change is in the history, a reopening as such");
            assertEquals(from.reopened() || recorded == HistoryEvent.REOPENED, to.reopened());
        }
    }

    /** A take gives the request to the taker in its group and records who had it; nobody is told. */
    private void assertTaken(Move.Take take, RequestChange change) {
        RequestSummary from = change.before().summaryLine();
        RequestSummary to = change.after().summaryLine();
        assertEquals(take.taker(), to.assignee());
        assertEquals(from.assignedGroup(), to.assignedGroup());
        HistoryEntry taken = change.newHistory().get(0);
        assertEquals(HistoryEvent.TAKEN, taken.event());
        assertEquals(take.taker(), taken.by());
        assertEquals(from.assignee() == null ? null : from.assignee().value(), taken.from());
        assertEquals(take.taker().value(), taken.to());
        assertEquals(List.of(new RequestEvent.Taken(take.taker(), from.assignee())), change.events());
        assertTrue(change.newMessages().isEmpty());
        if (from.assignee() != null) {
            takenFromSomeoneElse.incrementAndGet();
        }
    }

    private static void assertWithinLifecycle(Move move, Status from, Status to) {
        assertNotEquals(Status.CLOSED, from, "nothing happens to a closed request");
        if (move instanceof Move.Take) {
            assertEquals(from == Status.NEW ? Status.ASSIGNED : from, to);
            return;
        }
        if (from == to) {
            return;
        }
        if (move instanceof Move.Redirect r) {
            assertEquals(r.assignee() == null ? Status.NEW : Status.ASSIGNED, to);
            return;
        }
        Map<Status, Set<Status>> moves = byRequester(move) ? REQUESTER_MOVES : STAFF_MOVES;
        if (!moves.getOrDefault(from, Set.of()).contains(to)) {
            fail(move + " moved " + from + " to " + to);
        }
    }
}
