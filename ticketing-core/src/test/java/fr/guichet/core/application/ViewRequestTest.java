package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.MessageKind;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewRequestTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person other = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();

    private RequestNumber fileWithNoteAndAnswer(Visibility visibility) {
        RequestNumber number = Scenario.file(world, requester, Scenario.draft(Fixtures.MATHENPOCHE,
                "perte d'identifiant", "Je ne me souviens plus de mon mot de passe", visibility));
        world.ticketing.postMessage().post(agent, number, "Compte réinitialisé par le rectorat.", true, null);
        world.ticketing.postMessage().post(agent, number, "Votre mot de passe a été réinitialisé.", false, null);
        return number;
    }

    @Test
    void another_requesters_private_request_is_not_found() {
        RequestNumber number = fileWithNoteAndAnswer(Visibility.PRIVATE);

        TicketingException hidden = refused(ErrorKind.NOT_FOUND,
                () -> world.ticketing.viewRequest().view(other, number));
        TicketingException missing = refused(ErrorKind.NOT_FOUND,
                () -> world.ticketing.viewRequest().view(other, RequestNumber.of(9_999)));

        assertEquals("request.not_found", hidden.code());
        assertEquals(missing.code(), hidden.code());
    }

    @Test
    void a_public_request_is_visible_to_anyone_signed_in_without_internal_notes_or_staff_only_history() {
        RequestNumber number = fileWithNoteAndAnswer(Visibility.PUBLIC);

        Request seen = world.ticketing.viewRequest().view(other, number).request();

        assertEquals(List.of(MessageKind.PUBLIC_ANSWER), seen.messages().stream().map(Message::kind).toList());
        assertTrue(seen.history().stream().map(HistoryEntry::event).noneMatch(HistoryEvent::staffOnly));
        assertTrue(seen.history().stream().anyMatch(h -> h.event() == HistoryEvent.ANSWERED));
    }

    @Test
    void the_requester_sees_their_request_without_internal_notes() {
        RequestNumber number = fileWithNoteAndAnswer(Visibility.PRIVATE);

        Request seen = world.ticketing.viewRequest().view(requester, number).request();

        assertEquals(1, seen.messages().size());
        assertFalse(seen.messages().get(0).internal());
        assertFalse(seen.history().stream().anyMatch(h -> h.event().staffOnly()));
    }

    @Test
    void staff_see_everything_with_the_catalogs_labels() {
        RequestNumber number = fileWithNoteAndAnswer(Visibility.PRIVATE);

        RequestDetails details = world.ticketing.viewRequest().view(agent, number);

        assertEquals(List.of(MessageKind.INTERNAL_NOTE, MessageKind.PUBLIC_ANSWER),
                details.request().messages().stream().map(Message::kind).toList());
        assertTrue(details.request().history().stream().anyMatch(h -> h.event() == HistoryEvent.NOTE_ADDED));
        assertEquals(Scenario.stored(world, number).history(), details.request().history());
        assertEquals("EVE \u2013 4.2 \u2013 Mathenpoche", details.subjectDisplay());
    }
}
