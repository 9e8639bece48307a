package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.domain.mail.MailOutcome;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.MessageKind;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnattachedMailTest {

    private final TestWorld world = new TestWorld();
    private final Ticketing ticketing = Ticketing.builder(world.ports()).clock(world.clock)
            .replyKeys(ReceiveMailTest.KEYS).build();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final RequestNumber number = Scenario.file(world, requester);

    private UnattachedMail mail() {
        return ticketing.unattachedMail();
    }

    private LoggedMail keep(String from, String subject, String text) {
        ticketing.receiveMail().receive(ReceiveMailTest.mail(from, List.of("guichet@ac-creteil.fr"), subject, text,
                Map.of(), List.of()));
        return mail().list(agent, MailOutcome.UNATTACHED, new PageRequest(1, 1)).items().get(0);
    }

    @Test
    void staff_list_the_mail_kept_newest_first_and_file_one_away() {
        LoggedMail first = keep(requester.email().value(), "Première", "Texte 1");
        world.clock.advance(Duration.ofMinutes(1));
        LoggedMail second = keep("Inconnu <inconnu@example.org>", "Seconde", "Texte 2");

        Page<LoggedMail> page = mail().list(agent, MailOutcome.UNATTACHED, new PageRequest(1, 10));
        assertEquals(List.of(second.id(), first.id()), page.items().stream().map(LoggedMail::id).toList());
        assertEquals("no-token", second.reason());
        assertEquals("inconnu@example.org", second.sender());
        assertEquals("Seconde", mail().view(agent, second.id()).subject());

        mail().markHandled(agent, second.id());

        assertEquals(List.of(first.id()), mail().list(agent, MailOutcome.UNATTACHED, new PageRequest(1, 10)).items()
                .stream().map(LoggedMail::id).toList());
        LoggedMail handled = mail().view(agent, second.id());
        assertTrue(handled.handled());
        assertEquals(agent.id(), handled.handledBy());
        assertEquals("mail.handled", refused(ErrorKind.CONFLICT, () -> mail().markHandled(agent, second.id()))
                .code());
    }

    @Test
    void only_active_staff_see_the_mail_kept() {
        LoggedMail kept = keep("inconnu@example.org", "Objet", "Texte");

        refused(ErrorKind.FORBIDDEN, () -> mail().list(requester, MailOutcome.UNATTACHED, PageRequest.first()));
        refused(ErrorKind.FORBIDDEN, () -> mail().view(requester, kept.id()));
        refused(ErrorKind.FORBIDDEN, () -> mail().markHandled(requester, kept.id()));
        refused(ErrorKind.FORBIDDEN, () -> mail().attach(requester, kept.id(), number));
        refused(ErrorKind.FORBIDDEN, () -> mail().list(agent.deactivated(), MailOutcome.UNATTACHED,
                PageRequest.first()));
        refused(ErrorKind.NOT_FOUND, () -> mail().view(agent, UUID.randomUUID()));
    }

    @Test
    void a_mail_from_the_requesters_address_is_attached_as_an_internal_note_as_its_sender_may_be_forged() {
        LoggedMail kept = keep(requester.email().value(), "Ma demande", "Voici la suite.\n\n-- \nÉlise");

        MessagePosted posted = mail().attach(agent, kept.id(), number);

        assertEquals(MessageKind.INTERNAL_NOTE, posted.message().kind());
        assertEquals(agent.id(), posted.message().author().id());
        assertEquals("Courriel de " + requester.email().value() + " reçu le 1 septembre 2008 à 10:00 :\n\n"
                + "Voici la suite.", posted.message().body().value());
        assertTrue(mail().view(agent, kept.id()).handled());
        assertEquals("mail.handled", refused(ErrorKind.CONFLICT, () -> mail().attach(agent, kept.id(), number))
                .code());
    }

    @Test
    void a_mail_of_someone_else_is_attached_as_an_internal_note_saying_who_wrote_it() {
        LoggedMail kept = keep("Parent <parent@example.org>", "Question", "Mon enfant n'a pas accès.");

        MessagePosted posted = mail().attach(agent, kept.id(), number);

        Message note = posted.message();
        assertEquals(MessageKind.INTERNAL_NOTE, note.kind());
        assertEquals(agent.id(), note.author().id());
        assertEquals("Courriel de parent@example.org reçu le 1 septembre 2008 à 10:00 :\n\nMon enfant n'a pas accès.",
                note.body().value());
    }

    @Test
    void attaching_to_a_missing_request_changes_nothing() {
        LoggedMail kept = keep("parent@example.org", "Question", "Texte");

        refused(ErrorKind.NOT_FOUND, () -> mail().attach(agent, kept.id(), RequestNumber.of(999_999)));

        assertEquals(false, mail().view(agent, kept.id()).handled());
    }

    @Test
    void the_purge_deletes_what_was_filed_away_or_ignored_after_the_delay_and_what_waits_after_the_longer_one() {
        LoggedMail waiting = keep("a@example.org", "Attente", "Texte");
        world.clock.advance(Duration.ofMinutes(1));
        LoggedMail handled = keep("b@example.org", "Classé", "Texte");
        mail().markHandled(agent, handled.id());
        ticketing.receiveMail().receive(ReceiveMailTest.mail("robot@example.org", List.of("guichet@ac-creteil.fr"),
                "Absence", "Absent.", Map.of("Auto-Submitted", List.of("auto-replied")), List.of()));

        assertEquals(0, mail().purge());
        world.clock.advance(Duration.ofDays(31));
        assertEquals(2, mail().purge());

        assertEquals(waiting, mail().view(agent, waiting.id()));
        refused(ErrorKind.NOT_FOUND, () -> mail().view(agent, handled.id()));
        assertEquals(0, mail().list(agent, MailOutcome.IGNORED, PageRequest.first()).total());
        world.clock.advance(Duration.ofDays(58));
        assertEquals(0, mail().purge());
        world.clock.advance(Duration.ofDays(1));
        assertEquals(1, mail().purge());
        refused(ErrorKind.NOT_FOUND, () -> mail().view(agent, waiting.id()));
    }
}
