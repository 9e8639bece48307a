package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Anonymised;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.LastActivity;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.MessageKind;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.SatisfactionAnswer;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.session.PasswordReset;
import fr.guichet.core.domain.session.ResetToken;
import fr.guichet.core.domain.session.SessionToken;
import fr.guichet.core.domain.session.StoredSession;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PasswordResets;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.SessionStore;
import fr.guichet.core.port.StatusAge;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the ports promise the retention of personal data: closed requests read by the instant they were closed, files
 * listed and deleted, requests anonymised once, notifications about them purged, expired sessions and resets counted,
 * inactive people noted, read and forgotten, and a person replaced wherever requests name them.
 */
public abstract class RetentionContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract RequestRepository requests();

    protected abstract PersonRegistry registry();

    protected abstract AttachmentStore attachments();

    protected abstract NotificationOutbox outbox();

    protected abstract SessionStore sessions();

    protected abstract PasswordResets passwordResets();

    private final Person agent = Fixtures.agent();

    /** An instant far from every other test's, moved on by each test so that their requests do not mix. */
    private final Instant filed = Instant.parse("1990-01-01T08:00:00Z")
            .plus(Duration.ofDays(Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 3000L)));

    /**
     * A request of {@code requester} closed at {@code closed}: a file filed with it, a follow-up of the requester with
     * a file, an answer of {@code agent} (the fixtures' agent unless given), who is its assignee.
     */
    private Request closed(Person requester, Instant closed) {
        return closed(requester, agent, closed);
    }

    private Request closed(Person requester, Person agent, Instant closed) {
        RequestNumber number = unitOfWork().inTransaction(() -> requests().nextNumber());
        Attachment filedFile = Fixtures.attachment("bulletin de " + requester.name().family() + ".pdf", filed);
        Attachment postedFile = Fixtures.attachment("capture.png", filed.plusSeconds(60));
        Request filedOne = Request.file(number, requester, Fixtures.seedDraft(), Fixtures.PLATEFORME, agent.id(),
                List.of(filedFile), "key-" + UUID.randomUUID(), filed);
        List<Message> messages = List.of(
                new Message(UUID.randomUUID(), requester.ref(), MessageKind.FOLLOW_UP,
                        new MessageBody("Je suis " + requester.name().display()), filed.plusSeconds(60),
                        List.of(postedFile)),
                new Message(UUID.randomUUID(), agent.ref(), MessageKind.PUBLIC_ANSWER,
                        new MessageBody("Bonjour " + requester.name().given()), filed.plusSeconds(120)));
        List<HistoryEntry> history = new ArrayList<>(filedOne.history());
        history.add(new HistoryEntry(filed.plusSeconds(60), requester.id(), HistoryEvent.ATTACHMENT_ADDED, null,
                postedFile.name()));
        history.add(new HistoryEntry(filed.plusSeconds(120), agent.id(), HistoryEvent.ANSWERED, null, null));
        history.add(new HistoryEntry(closed, agent.id(), HistoryEvent.STATUS_CHANGED, "ASSIGNED", "CLOSED"));
        Request r = Request.restore(filedOne.summaryLine().withStatus(Status.CLOSED,
                        LastActivity.ofStaff(agent.id(), closed)), filedOne.description(), closed, 1,
                filedOne.idempotencyKey(), null, messages, filedOne.attachments(), history);
        unitOfWork().run(() -> requests().add(r));
        for (Attachment a : r.allAttachments()) {
            unitOfWork().run(() -> attachments().store(a.id(),
                    new ByteArrayInputStream(("contenu de " + a.name()).getBytes(StandardCharsets.UTF_8)), 1000));
        }
        return r;
    }

    private List<RequestNumber> closedBefore(Instant before) {
        List<RequestNumber> all = new ArrayList<>();
        StatusAge after = null;
        while (true) {
            StatusAge from = after;
            List<StatusAge> page = unitOfWork().inTransaction(() -> requests().closedBefore(before, from, 2));
            page.forEach(a -> all.add(a.number()));
            if (page.size() < 2) {
                return all;
            }
            after = page.get(page.size() - 1);
        }
    }

    private List<RequestNumber> closedBetween(Instant from, Instant before) {
        return closedBefore(before).stream().filter(n -> !closedBefore(from).contains(n)).toList();
    }

    @Test
    public void closed_requests_are_read_by_the_instant_they_were_closed_until_they_are_anonymised() {
        Person requester = Fixtures.newRequester();
        Instant start = filed.plus(Duration.ofDays(1));
        Request second = closed(requester, start.plusSeconds(20));
        Request first = closed(requester, start.plusSeconds(10));
        Request third = closed(requester, start.plusSeconds(30));
        RequestNumber n1 = first.summaryLine().number();
        RequestNumber n2 = second.summaryLine().number();
        RequestNumber n3 = third.summaryLine().number();
        assertEquals(List.of(n1, n2), closedBetween(start, start.plusSeconds(30)));
        assertEquals(List.of(n1, n2, n3), closedBetween(start, start.plusSeconds(31)));

        assertEquals(1, unitOfWork().inTransaction(() -> requests().anonymise(List.of(n2), start.plusSeconds(99))));
        assertEquals(List.of(n1, n3), closedBetween(start, start.plusSeconds(31)));
        assertEquals(0, unitOfWork().inTransaction(() -> requests().anonymise(List.of(n2), start.plusSeconds(99))),
                "a request is anonymised once");
    }

    @Test
    public void an_anonymised_request_keeps_its_figures_and_names_nobody() {
        Person requester = Fixtures.newRequester();
        Request r = closed(requester, filed.plus(Duration.ofDays(2)));
        RequestNumber n = r.summaryLine().number();
        unitOfWork().run(() -> requests().anonymise(List.of(n), filed.plus(Duration.ofDays(3))));

        Request read = requests().find(n).orElseThrow();
        Request expected = r.anonymised();
        assertEquals(expected.summaryLine(), read.summaryLine());
        assertEquals(expected.description(), read.description());
        assertEquals(expected.messages(), read.messages());
        assertEquals(expected.attachments(), read.attachments());
        assertEquals(expected.history(), read.history());
        assertEquals(null, read.idempotencyKey());
        assertEquals(r.version() + 1, read.version());
        assertEquals(Anonymised.REQUESTER, read.summaryLine().requester());
        assertEquals(agent.ref(), read.messages().get(1).author(), "staff stay named");
        assertEquals(r.summaryLine().establishment(), read.summaryLine().establishment());
        assertEquals(r.statusSince(), read.statusSince());
    }

    @Test
    public void an_anonymised_request_keeps_its_satisfaction_score_without_the_comment() {
        Request r = closed(Fixtures.newRequester(), filed.plus(Duration.ofDays(2)));
        RequestNumber n = r.summaryLine().number();
        SatisfactionAnswer answer = new SatisfactionAnswer(n, 2, "Trop lent, signé Zéphyrine",
                filed.plus(Duration.ofDays(2)));
        assertEquals(true, unitOfWork().inTransaction(() -> requests().addSatisfaction(answer)));
        unitOfWork().run(() -> requests().anonymise(List.of(n), filed.plus(Duration.ofDays(3))));

        assertEquals(new SatisfactionAnswer(n, 2, null, answer.answeredAt()),
                unitOfWork().inTransaction(() -> requests().satisfaction(n)).orElseThrow());
    }

    @Test
    public void an_anonymised_request_names_its_requester_in_no_history_entry() {
        Person requester = Fixtures.newRequester();
        Request r = closed(requester, requester, filed.plus(Duration.ofDays(40)));
        RequestNumber n = r.summaryLine().number();
        unitOfWork().run(() -> requests().anonymise(List.of(n), filed.plus(Duration.ofDays(41))));

        Request read = requests().find(n).orElseThrow();
        String was = requester.id().value();
        assertEquals(r.anonymised().history(), read.history());
        assertTrue(read.history().stream().noneMatch(h -> h.by().equals(requester.id()) || was.equals(h.from())
                || was.equals(h.to())), read.history().toString());
        assertTrue(read.history().stream().anyMatch(h -> h.event() == HistoryEvent.ASSIGNED
                && Anonymised.REQUESTER.id().value().equals(h.to())), "the requester was their own assignee");
    }

    @Test
    public void the_files_of_requests_are_listed_and_deleted_once() {
        Request r = closed(Fixtures.newRequester(), filed.plus(Duration.ofDays(4)));
        List<AttachmentId> files = unitOfWork().inTransaction(
                () -> requests().files(List.of(r.summaryLine().number())));
        assertEquals(r.allAttachments().stream().map(a -> a.id().toString()).sorted().toList(),
                files.stream().map(AttachmentId::toString).sorted().toList());
        for (AttachmentId id : files) {
            assertTrue(unitOfWork().inTransaction(() -> attachments().delete(id)));
            assertTrue(attachments().open(id).isEmpty());
            assertFalse(unitOfWork().inTransaction(() -> attachments().delete(id)));
        }
    }

    @Test
    public void notifications_about_requests_or_to_a_person_are_counted_and_purged() {
        Person requester = Fixtures.newRequester();
        RequestNumber about = RequestNumber.of(900_000_000L + Math.floorMod(UUID.randomUUID().hashCode(), 1000));
        Notification n = new Notification(TemplateKey.REQUEST_RECEIVED, requester.email(),
                requester.name().display(), about, Map.of("summary", "perte d'identifiant"));
        Notification reset = Notification.passwordReset(requester, ResetToken.random());
        unitOfWork().run(() -> outbox().enqueue(List.of(n, n, reset), filed));
        assertEquals(2, unitOfWork().inTransaction(() -> outbox().countAbout(List.of(about))));
        assertEquals(2, unitOfWork().inTransaction(() -> outbox().purgeAbout(List.of(about))));
        assertEquals(0, unitOfWork().inTransaction(() -> outbox().countAbout(List.of(about))));
        assertEquals(1, unitOfWork().inTransaction(() -> outbox().purgeTo(requester.email())));
        assertEquals(0, unitOfWork().inTransaction(() -> outbox().purgeTo(requester.email())));
    }

    @Test
    public void expired_sessions_and_resets_are_counted() {
        Person person = Fixtures.newRequester();
        Instant at = Instant.parse("2300-01-01T00:00:00Z");
        int sessionsBefore = unitOfWork().inTransaction(() -> sessions().countExpired(at));
        int resetsBefore = unitOfWork().inTransaction(() -> passwordResets().countExpired(at));
        unitOfWork().run(() -> sessions().save(new StoredSession(SessionToken.random().hash(), person.id(),
                at.minusSeconds(60), at.minusSeconds(1))));
        unitOfWork().run(() -> passwordResets().replace(new PasswordReset(ResetToken.random().hash(), person.id(),
                at.minusSeconds(60), at.minusSeconds(1))));
        assertEquals(sessionsBefore + 1, unitOfWork().inTransaction(() -> sessions().countExpired(at)));
        assertEquals(resetsBefore + 1, unitOfWork().inTransaction(() -> passwordResets().countExpired(at)));
        assertEquals(sessionsBefore, unitOfWork().inTransaction(() -> sessions().countExpired(at.minusSeconds(2))));
    }

    @Test
    public void inactive_people_are_noted_once_and_read_until_forgotten() {
        Person gone = Fixtures.newRequester().deactivated();
        Person back = Fixtures.newRequester().deactivated();
        unitOfWork().run(() -> registry().save(gone));
        unitOfWork().run(() -> registry().save(back));
        Instant noted = Instant.parse("1980-01-01T00:00:00Z");
        assertTrue(unitOfWork().inTransaction(() -> registry().noteInactive(noted)) >= 2);
        assertEquals(0, unitOfWork().inTransaction(() -> registry().noteInactive(noted.plusSeconds(1))),
                "each is noted once");
        unitOfWork().run(() -> registry().save(new Person(back.id(), back.email(), back.name(), back.establishment(),
                back.roles(), back.groups(), true)));

        List<PersonId> read = unitOfWork().inTransaction(() -> registry().inactiveBefore(noted.plusSeconds(1),
                null, 10_000));
        assertTrue(read.contains(gone.id()));
        assertFalse(read.contains(back.id()), "an active person is not read");
        assertFalse(unitOfWork().inTransaction(() -> registry().inactiveBefore(noted, null, 10_000))
                .contains(gone.id()), "noted at, not before");
        List<PersonId> paged = new ArrayList<>();
        PersonId after = null;
        while (true) {
            PersonId from = after;
            List<PersonId> page = unitOfWork().inTransaction(() -> registry().inactiveBefore(noted.plusSeconds(1),
                    from, 2));
            paged.addAll(page);
            if (page.size() < 2) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        assertEquals(read, paged, "read from the last one answered, the pages go over each person once, in order");

        Person placeholder = Anonymised.person(gone.establishment());
        unitOfWork().run(() -> registry().forget(gone.id(), placeholder));
        assertTrue(registry().find(gone.id()).isEmpty());
        assertEquals(placeholder, registry().find(placeholder.id()).orElseThrow());
        assertFalse(unitOfWork().inTransaction(() -> registry().inactiveBefore(Instant.parse("2300-01-01T00:00:00Z"),
                null, 100_000)).contains(placeholder.id()), "a placeholder is never forgotten again");
    }

    @Test
    public void a_person_is_referred_to_until_their_requests_are_anonymised_then_replaced_everywhere() {
        Person requester = Fixtures.newRequester();
        Person staff = Fixtures.newStaff(Fixtures.PLATEFORME);
        Request r = closed(requester, filed.plus(Duration.ofDays(5)));
        RequestNumber n = r.summaryLine().number();
        assertTrue(unitOfWork().inTransaction(() -> requests().refersTo(requester.id())));
        unitOfWork().run(() -> requests().anonymise(List.of(n), filed.plus(Duration.ofDays(6))));
        assertFalse(unitOfWork().inTransaction(() -> requests().refersTo(requester.id())));

        Request other = closed(Fixtures.newRequester(), staff, filed.plus(Duration.ofDays(7)));
        assertTrue(unitOfWork().inTransaction(() -> requests().refersTo(staff.id())), "as assignee");
        Person placeholder = Anonymised.person(null);
        Request before = requests().find(other.summaryLine().number()).orElseThrow();
        unitOfWork().run(() -> requests().replacePerson(staff.id(), placeholder.ref()));
        Request read = requests().find(other.summaryLine().number()).orElseThrow();
        Request expected = before.naming(staff.id(), placeholder.ref());
        assertEquals(expected.summaryLine(), read.summaryLine());
        assertEquals(expected.messages(), read.messages());
        assertEquals(expected.history(), read.history());
        assertFalse(unitOfWork().inTransaction(() -> requests().refersTo(staff.id())));
    }
}
