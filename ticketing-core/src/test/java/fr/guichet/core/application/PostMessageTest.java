package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.queuedSince;
import static fr.guichet.core.application.Scenario.refusedUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.MessageKind;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostMessageTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final RequestNumber number = Scenario.file(world, requester);

    @Test
    void a_staff_answer_is_kept_and_mailed_to_the_requester() {
        int queued = world.outbox.all().size();

        MessagePosted posted = world.ticketing.postMessage().post(agent, number,
                "Votre identifiant est votre adresse.", false, 1L);

        assertEquals(MessageKind.PUBLIC_ANSWER, posted.message().kind());
        assertEquals(2, posted.version());
        assertEquals(posted.message(), Scenario.stored(world, number).messages().get(0));
        assertEquals(Map.of(requester.email().value(), TemplateKey.ANSWER_POSTED), queuedSince(world, queued));
        assertEquals("Votre identifiant est votre adresse.",
                world.outbox.all().get(queued).notification().data().get("body"));
    }

    @Test
    void an_internal_note_is_kept_and_mailed_to_nobody() {
        int queued = world.outbox.all().size();

        MessagePosted posted = world.ticketing.postMessage().post(agent, number, "Appeler l'établissement.", true,
                null);

        assertEquals(MessageKind.INTERNAL_NOTE, posted.message().kind());
        assertEquals(queued, world.outbox.all().size());
    }

    @Test
    void a_requester_may_not_post_an_internal_note() {
        TicketingException e = refusedUnchanged(world, ErrorKind.FORBIDDEN,
                () -> world.ticketing.postMessage().post(requester, number, "Note secrète", true, null));

        assertEquals("request.note.forbidden", e.code());
    }

    @Test
    void a_follow_up_on_a_request_waiting_for_the_requester_puts_it_back_in_progress_and_tells_the_assignee() {
        Scenario.moveTo(world, number, Status.WAITING_FOR_REQUESTER);
        int queued = world.outbox.all().size();

        MessagePosted posted = world.ticketing.postMessage().post(requester, number, "Voici la capture demandée.",
                false, null);

        Request after = Scenario.stored(world, number);
        assertEquals(MessageKind.FOLLOW_UP, posted.message().kind());
        assertEquals(Status.IN_PROGRESS, after.summaryLine().status());
        assertEquals(Map.of(agent.email().value(), TemplateKey.FOLLOW_UP_POSTED), queuedSince(world, queued));
    }

    @Test
    void another_requester_may_not_write_on_a_public_request_nor_see_a_private_one() {
        Person other = join(world, Fixtures.newRequester());
        RequestNumber shared = Scenario.file(world, requester, Scenario.draft(Fixtures.MATHENPOCHE,
                "perte d'identifiant", "Même problème pour tous", Visibility.PUBLIC));

        refusedUnchanged(world, ErrorKind.FORBIDDEN,
                () -> world.ticketing.postMessage().post(other, shared, "Moi aussi !", false, null));
        refusedUnchanged(world, ErrorKind.NOT_FOUND,
                () -> world.ticketing.postMessage().post(other, number, "Moi aussi !", false, null));
    }

    @Test
    void a_closed_request_takes_no_message_and_a_stale_version_is_refused() {
        refusedUnchanged(world, ErrorKind.STALE,
                () -> world.ticketing.postMessage().post(agent, number, "Réponse", false, 7L));
        refusedUnchanged(world, ErrorKind.INVALID,
                () -> world.ticketing.postMessage().post(agent, number, " ", false, null));
        Scenario.moveTo(world, number, Status.CLOSED);
        TicketingException e = refusedUnchanged(world, ErrorKind.CONFLICT,
                () -> world.ticketing.postMessage().post(requester, number, "Encore une question", false, null));
        assertEquals("request.closed", e.code());
    }
}
