package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.queuedSince;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.admin.StoredSettings;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Guichet;
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.LastActivity;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.MessageKind;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloseIdleRequestsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final RequestNumber number = Scenario.file(world, requester);
    private final CloseIdleRequests job = world.ticketing.closeIdleRequests();

    private Request stored() {
        return Scenario.stored(world, number);
    }

    private HistoryEntry lastEntry() {
        List<HistoryEntry> h = stored().history();
        return h.get(h.size() - 1);
    }

    private List<OutboxEntry> queuedFrom(int from) {
        List<OutboxEntry> all = world.outbox.all();
        return all.subList(from, all.size());
    }

    @Test
    void a_waiting_request_gets_one_reminder_at_two_thirds_of_the_delay() {
        Scenario.moveTo(world, number, Status.WAITING_FOR_REQUESTER);
        Instant waitingSince = world.clock.instant();
        int queued = world.outbox.all().size();

        world.clock.advance(Duration.ofDays(10).minus(MINUTE));
        assertEquals(new CloseIdleRequests.Outcome(0, 0, 0), job.run());
        assertEquals(queued, world.outbox.all().size());

        world.clock.advance(Duration.ofMinutes(2));
        assertEquals(new CloseIdleRequests.Outcome(1, 0, 0), job.run());
        List<OutboxEntry> mails = queuedFrom(queued);
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_REMINDER), queuedSince(world, queued));
        String resolvesOn = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)
                .format(waitingSince.plus(Duration.ofDays(15)).atZone(ZoneId.of("Europe/Paris")));
        assertEquals(resolvesOn, mails.get(0).notification().data().get("resolvesOn"));
        assertEquals(HistoryEvent.REMINDED, lastEntry().event());
        assertEquals(Guichet.ID, lastEntry().by());
        assertEquals(Status.WAITING_FOR_REQUESTER, stored().summaryLine().status());

        assertEquals(new CloseIdleRequests.Outcome(0, 0, 0), job.run());
        world.clock.advance(Duration.ofDays(2));
        assertEquals(new CloseIdleRequests.Outcome(0, 0, 0), job.run());
        assertEquals(queued + 1, world.outbox.all().size(), "one reminder per waiting period");
    }

    @Test
    void a_request_waiting_longer_than_the_delay_is_resolved_by_guichet_with_the_standard_answer() {
        Scenario.moveTo(world, number, Status.WAITING_FOR_REQUESTER);
        world.clock.advance(Duration.ofDays(11));
        job.run();
        int queued = world.outbox.all().size();

        world.clock.advance(Duration.ofDays(4).plus(MINUTE));
        LastActivity staffLast = stored().summaryLine().lastActivity();
        assertEquals(new CloseIdleRequests.Outcome(0, 1, 0), job.run());

        assertEquals(Status.RESOLVED, stored().summaryLine().status());
        assertEquals(world.clock.instant(), stored().resolvedAt());
        assertEquals(world.clock.instant(), stored().summaryLine().updatedAt(), "first among the changed last");
        assertEquals(staffLast, stored().summaryLine().lastActivity());
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_RESOLVED), queuedSince(world, queued));
        assertEquals("Sans réponse de votre part depuis 15 jours, votre demande est considérée comme résolue. "
                + "Vous pouvez la rouvrir pendant 15 jours si le problème persiste.",
                queuedFrom(queued).get(0).notification().data().get("comment"));
        assertEquals(new HistoryEntry(world.clock.instant(), Guichet.ID, HistoryEvent.STATUS_CHANGED,
                "WAITING_FOR_REQUESTER", "RESOLVED"), lastEntry());
        Message answer = stored().messages().get(stored().messages().size() - 1);
        assertEquals(Guichet.ID, answer.author().id());
        assertEquals(MessageKind.PUBLIC_ANSWER, answer.kind());
        assertEquals(queuedFrom(queued).get(0).notification().data().get("comment"), answer.body().value());
        assertEquals(new CloseIdleRequests.Outcome(0, 0, 0), job.run());
        assertEquals(queued + 1, world.outbox.all().size(), "no second resolution mail");
    }

    @Test
    void the_history_names_guichet_for_the_requester_and_the_staff() {
        Scenario.moveTo(world, number, Status.WAITING_FOR_REQUESTER);
        world.clock.advance(Duration.ofDays(11));
        job.run();
        world.clock.advance(Duration.ofDays(5));
        job.run();
        for (Person viewer : List.of(requester, agent)) {
            List<HistoryLine> lines = world.ticketing.viewRequest().view(viewer, number).history();
            List<String> byGuichet = lines.stream().filter(l -> Guichet.is(l.entry().by())).map(HistoryLine::byName)
                    .toList();
            assertEquals(List.of("Guichet", "Guichet"), byGuichet, "the reminder and the resolution");
        }
    }

    @Test
    void a_resolved_request_not_reopened_within_the_window_is_closed_without_mail() {
        Scenario.moveTo(world, number, Status.RESOLVED);
        int queued = world.outbox.all().size();

        world.clock.advance(Duration.ofDays(15).minus(MINUTE));
        assertEquals(new CloseIdleRequests.Outcome(0, 0, 0), job.run());
        assertEquals(Status.RESOLVED, stored().summaryLine().status());

        world.clock.advance(Duration.ofMinutes(2));
        LastActivity staffLast = stored().summaryLine().lastActivity();
        assertEquals(new CloseIdleRequests.Outcome(0, 0, 1), job.run());
        assertEquals(Status.CLOSED, stored().summaryLine().status());
        assertEquals(world.clock.instant(), stored().summaryLine().updatedAt(), "first among the changed last");
        assertEquals(staffLast, stored().summaryLine().lastActivity());
        assertEquals(new HistoryEntry(world.clock.instant(), Guichet.ID, HistoryEvent.STATUS_CHANGED, "RESOLVED",
                "CLOSED"), lastEntry());
        assertEquals(queued, world.outbox.all().size());
        assertEquals(new CloseIdleRequests.Outcome(0, 0, 0), job.run());
    }

    @Test
    void a_request_reopened_within_the_window_is_not_closed() {
        Scenario.moveTo(world, number, Status.RESOLVED);
        world.clock.advance(Duration.ofDays(3));
        world.ticketing.changeStatus().change(requester, number, Status.IN_PROGRESS, "Toujours en panne.", null);

        world.clock.advance(Duration.ofDays(30));
        assertEquals(new CloseIdleRequests.Outcome(0, 0, 0), job.run());
        assertEquals(Status.IN_PROGRESS, stored().summaryLine().status());
    }

    @Test
    void a_request_the_requester_answered_in_time_is_neither_reminded_nor_resolved() {
        Scenario.moveTo(world, number, Status.WAITING_FOR_REQUESTER);
        world.clock.advance(Duration.ofDays(9));
        world.ticketing.postMessage().post(requester, number, "Voici la capture demandée.", false, null);
        int queued = world.outbox.all().size();

        world.clock.advance(Duration.ofDays(30));
        assertEquals(new CloseIdleRequests.Outcome(0, 0, 0), job.run());
        assertEquals(Status.IN_PROGRESS, stored().summaryLine().status());
        assertEquals(queued, world.outbox.all().size());
    }

    @Test
    void an_incident_that_open_requests_follow_is_left_to_the_staff() {
        RequestNumber follower = Scenario.file(world, join(world, Fixtures.newRequester()));
        world.ticketing.linkRequest().link(agent, follower, number.display(), null);
        Scenario.moveTo(world, number, Status.WAITING_FOR_REQUESTER);
        int queued = world.outbox.all().size();

        world.clock.advance(Duration.ofDays(16));
        assertEquals(new CloseIdleRequests.Outcome(0, 0, 0), job.run());

        assertEquals(Status.WAITING_FOR_REQUESTER, stored().summaryLine().status());
        assertEquals(queued, world.outbox.all().size());
    }

    @Test
    void a_new_waiting_period_gets_its_own_reminder() {
        Scenario.moveTo(world, number, Status.WAITING_FOR_REQUESTER);
        world.clock.advance(Duration.ofDays(11));
        assertEquals(1, job.run().reminded());
        world.ticketing.postMessage().post(requester, number, "Voici la capture demandée.", false, null);
        world.ticketing.changeStatus().change(agent, number, Status.WAITING_FOR_REQUESTER, "Et le numéro de série ?",
                null);

        world.clock.advance(Duration.ofDays(9));
        assertEquals(0, job.run().reminded());
        world.clock.advance(Duration.ofDays(1).plus(MINUTE));
        assertEquals(1, job.run().reminded());
        assertEquals(2, stored().history().stream().filter(h -> h.event() == HistoryEvent.REMINDED).count());
    }

    @Test
    void a_delay_an_administrator_changes_is_followed_at_the_next_run() {
        Scenario.moveTo(world, number, Status.WAITING_FOR_REQUESTER);
        world.clock.advance(Duration.ofDays(3).plus(MINUTE));
        assertEquals(new CloseIdleRequests.Outcome(0, 0, 0), job.run());
        int queued = world.outbox.all().size();

        world.storedSettings.save(new StoredSettings(7, 3, null, null));
        assertEquals(new CloseIdleRequests.Outcome(0, 1, 0), job.run());
        assertEquals("Sans réponse de votre part depuis 3 jours, votre demande est considérée comme résolue. "
                + "Vous pouvez la rouvrir pendant 7 jours si le problème persiste.",
                queuedFrom(queued).get(0).notification().data().get("comment"));

        world.clock.advance(Duration.ofDays(7).plus(MINUTE));
        assertEquals(new CloseIdleRequests.Outcome(0, 0, 1), job.run());
    }

    @Test
    void many_due_requests_are_all_moved_across_batches() {
        Scenario.moveTo(world, number, Status.WAITING_FOR_REQUESTER);
        int count = CloseIdleRequests.BATCH * 2 + 3;
        for (int i = 0; i < count; i++) {
            Scenario.moveTo(world, Scenario.file(world, requester), Status.WAITING_FOR_REQUESTER);
        }
        world.clock.advance(Duration.ofDays(11));
        assertEquals(count + 1, job.run().reminded());
        assertEquals(0, job.run().reminded());
        world.clock.advance(Duration.ofDays(5));
        assertEquals(count + 1, job.run().resolved());
        assertTrue(world.requests.inStatusBefore(Status.WAITING_FOR_REQUESTER, world.clock.instant(), null, 10)
                .isEmpty());
    }
}
