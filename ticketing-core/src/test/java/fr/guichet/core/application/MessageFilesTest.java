package fr.guichet.core.application;

import static fr.guichet.core.application.FileRequestTest.assertNothingKept;
import static fr.guichet.core.application.FileRequestTest.pdf;
import static fr.guichet.core.application.FileRequestTest.readAll;
import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refusedUnchanged;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.FileRequestTest.RecordingAttachmentStore;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.MediaTypes;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.routing.RoutingPolicy;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageFilesTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final RequestNumber number = Scenario.file(world, requester);

    private static Upload upload(String name, byte[] content) {
        return new Upload(name, new ByteArrayInputStream(content));
    }

    @Test
    void a_requester_adds_a_file_to_their_open_request_and_the_assignee_is_told_of_it() {
        Scenario.moveTo(world, number, Status.WAITING_FOR_REQUESTER);
        int queued = world.outbox.all().size();
        byte[] capture = pdf(2_000);

        MessagePosted posted = world.ticketing.postMessage().post(requester, number, "Voici la capture d'écran.",
                false, List.of(upload("capture.pdf", capture)), null);

        Attachment file = posted.message().attachments().get(0);
        assertEquals("capture.pdf", file.name());
        assertEquals(MediaTypes.PDF, file.mediaType());
        Request stored = Scenario.stored(world, number);
        assertEquals(List.of(file), stored.messages().get(stored.messages().size() - 1).attachments());
        assertEquals(Status.IN_PROGRESS, stored.summaryLine().status());
        assertTrue(stored.history().stream().anyMatch(h -> h.event() == HistoryEvent.ATTACHMENT_ADDED
                && "capture.pdf".equals(h.to())));
        assertArrayEquals(capture, readAll(world.ticketing.fetchAttachment().fetch(agent, number, file.id())
                .content()));
        Notification mail = world.outbox.all().get(queued).notification();
        assertEquals("capture.pdf (2 Kio)", mail.data().get("attachments"));
    }

    @Test
    void an_answer_carries_its_files_to_the_requester_and_its_mail_lists_them() {
        int queued = world.outbox.all().size();

        MessagePosted posted = world.ticketing.postMessage().post(agent, number, "La procédure est jointe.", false,
                List.of(upload("procédure ENT.pdf", pdf(3 * 1024 * 1024 / 2)), upload("étapes.txt",
                        "1. Ouvrir l'ENT\n".getBytes(StandardCharsets.UTF_8))), null);

        List<Attachment> files = posted.message().attachments();
        assertEquals(List.of("procédure ENT.pdf", "étapes.txt"), files.stream().map(Attachment::name).toList());
        Request seen = world.ticketing.viewRequest().view(requester, number).request();
        assertEquals(files, seen.messages().get(0).attachments());
        assertEquals(List.of(), seen.attachments(), "the request's own files are those filed with it");
        readAll(world.ticketing.fetchAttachment().fetch(requester, number, files.get(0).id()).content());
        assertEquals("procédure ENT.pdf (1,5 Mio)\nétapes.txt (1 Kio)",
                world.outbox.all().get(queued).notification().data().get("attachments"));
    }

    @Test
    void the_file_of_an_internal_note_is_never_the_requesters() {
        MessagePosted note = world.ticketing.postMessage().post(agent, number, "Capture du serveur.", true,
                List.of(upload("journal.txt", "erreur 500\n".getBytes(StandardCharsets.UTF_8))), null);
        AttachmentId id = note.message().attachments().get(0).id();

        Request seen = world.ticketing.viewRequest().view(requester, number).request();
        assertTrue(seen.messages().isEmpty());
        assertTrue(seen.allAttachments().isEmpty());
        assertFalse(seen.history().stream().anyMatch(h -> h.event() == HistoryEvent.ATTACHMENT_ADDED));
        TicketingException e = Scenario.refused(ErrorKind.NOT_FOUND,
                () -> world.ticketing.fetchAttachment().fetch(requester, number, id));
        assertEquals("attachment.not_found", e.code());
        readAll(world.ticketing.fetchAttachment().fetch(Fixtures.specialist(), number, id).content());
    }

    @Test
    void another_person_on_a_public_request_sees_the_answers_files_but_not_the_notes() {
        RequestNumber shared = Scenario.file(world, requester, Scenario.draft(Fixtures.MATHENPOCHE,
                "perte d'identifiant", "Même problème pour tous", Visibility.PUBLIC));
        Person other = join(world, Fixtures.newRequester());
        AttachmentId answered = world.ticketing.postMessage().post(agent, shared, "Procédure", false,
                List.of(upload("procedure.pdf", pdf(100))), null).message().attachments().get(0).id();
        AttachmentId noted = world.ticketing.postMessage().post(agent, shared, "Interne", true,
                List.of(upload("interne.pdf", pdf(100))), null).message().attachments().get(0).id();

        readAll(world.ticketing.fetchAttachment().fetch(other, shared, answered).content());
        Scenario.refused(ErrorKind.NOT_FOUND, () -> world.ticketing.fetchAttachment().fetch(other, shared, noted));
        refusedUnchanged(world, ErrorKind.FORBIDDEN, () -> world.ticketing.postMessage().post(other, shared,
                "Moi aussi", false, List.of(upload("moi.pdf", pdf(100))), null));
    }

    @Test
    void the_request_limit_counts_the_files_it_already_has_and_a_refusal_keeps_nothing_of_the_message() {
        TestWorld small = new TestWorld(TicketingSettings.defaults().withAttachmentLimits(1_024 * 1_024,
                2 * 1_024 * 1_024));
        Person me = join(small, Fixtures.newRequester());
        RequestNumber filed = small.ticketing.fileRequest().file(me, Fixtures.seedDraft(),
                List.of(upload("a.pdf", pdf(900 * 1_024)), upload("b.pdf", pdf(900 * 1_024))), null)
                .details().request().summaryLine().number();
        RecordingAttachmentStore store = new RecordingAttachmentStore(small.attachments);
        Ticketing ticketing = FileRequestTest.ticketing(small, store, RoutingPolicy.fewestOpenRequests());

        TicketingException e = refusedUnchanged(small, ErrorKind.TOO_LARGE, () -> ticketing.postMessage().post(me,
                filed, "Une troisième capture", false, List.of(upload("c.pdf", pdf(300 * 1_024))), null));

        assertEquals("attachment.total_too_large", e.code());
        assertEquals("file", e.errors().get(0).field());
        assertEquals("Les fichiers d'une demande ne peuvent pas dépasser 2 Mio en tout ; ceux déjà joints font "
                + "1,8 Mio.", e.errors().get(0).message());
        assertNothingKept(store);
        ticketing.postMessage().post(me, filed, "Une plus petite", false,
                List.of(upload("c.pdf", pdf(200 * 1_024))), null);
    }

    @Test
    void a_file_over_the_file_limit_is_refused_naming_that_limit_in_french_units() {
        TicketingException e = refusedUnchanged(world, ErrorKind.TOO_LARGE,
                () -> world.ticketing.postMessage().post(requester, number, "La vidéo du problème", false,
                        List.of(upload("video.pdf", pdf(11 * 1024 * 1024))), null));

        assertEquals("attachment.too_large", e.code());
        assertEquals("file", e.errors().get(0).field());
        assertEquals("Le fichier « video.pdf » dépasse 10 Mio, la taille maximale d'un fichier.",
                e.errors().get(0).message());
    }

    @Test
    void a_request_takes_no_more_files_than_its_limit_counting_those_it_has() {
        List<Upload> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(upload("page" + i + ".pdf", pdf(100)));
        }
        RequestNumber full = world.ticketing.fileRequest().file(requester, Fixtures.seedDraft(), nine, null)
                .details().request().summaryLine().number();

        TicketingException e = refusedUnchanged(world, ErrorKind.INVALID, () -> world.ticketing.postMessage()
                .post(agent, full, "Deux procédures", false,
                        List.of(upload("a.pdf", pdf(100)), upload("b.pdf", pdf(100))), null));

        assertEquals("attachment.too_many", e.code());
        assertEquals("Une demande peut avoir au plus 10 fichiers ; celle-ci en a déjà 9.",
                e.errors().get(0).message());
    }

    @Test
    void the_files_of_internal_notes_neither_count_against_the_requester_nor_show_in_their_refusal() {
        List<Upload> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(upload("note" + i + ".pdf", pdf(100)));
        }
        world.ticketing.postMessage().post(agent, number, "Journaux du serveur", true, nine, null);

        MessagePosted posted = world.ticketing.postMessage().post(requester, number, "Deux captures", false,
                List.of(upload("a.pdf", pdf(100)), upload("b.pdf", pdf(100))), null);
        assertEquals(2, posted.message().attachments().size());

        TicketingException e = refusedUnchanged(world, ErrorKind.INVALID, () -> world.ticketing.postMessage()
                .post(agent, number, "Encore deux notes", true,
                        List.of(upload("c.pdf", pdf(100)), upload("d.pdf", pdf(100))), null));
        assertEquals("attachment.too_many", e.code());
    }

    @Test
    void a_file_whose_content_is_refused_keeps_nothing_of_the_message() {
        RecordingAttachmentStore store = new RecordingAttachmentStore(world.attachments);
        Ticketing ticketing = FileRequestTest.ticketing(world, store, RoutingPolicy.fewestOpenRequests());

        TicketingException e = refusedUnchanged(world, ErrorKind.UNSUPPORTED_MEDIA_TYPE,
                () -> ticketing.postMessage().post(agent, number, "Deux fichiers", false, List.of(
                        upload("ok.pdf", pdf(100)), upload("page.pdf",
                                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))), null));

        assertEquals("attachment.type_refused", e.code());
        assertEquals(1, store.stored.size(), "the first file was stored before the second was refused");
        assertNothingKept(store);
    }

    @Test
    void a_closed_request_takes_no_file() {
        Scenario.moveTo(world, number, Status.CLOSED);

        TicketingException e = refusedUnchanged(world, ErrorKind.CONFLICT, () -> world.ticketing.postMessage()
                .post(requester, number, "Encore un fichier", false, List.of(upload("a.pdf", pdf(100))), null));

        assertEquals("request.closed", e.code());
    }
}
