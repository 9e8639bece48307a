package fr.guichet.core.application;

import static fr.guichet.core.application.FileRequestTest.pdf;
import static fr.guichet.core.application.FileRequestTest.readAll;
import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.ExportPersonData.ExportedFile;
import fr.guichet.core.application.ExportPersonData.PersonData;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.notification.Delivery;
import fr.guichet.core.domain.notification.NotificationPreferences;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExportPersonDataTest {

    private final TestWorld world = new TestWorld();
    private final Person admin = join(world, new Person(PersonId.of("admin"), EmailAddress.of("admin@ac-creteil.fr"),
            new PersonName("Ada", "Admin"), null, Set.of(Role.ADMIN), Set.of(), true));
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final ExportPersonData export = world.ticketing.exportPersonData();

    private static Upload upload(String name, byte[] content) {
        return new Upload(name, new ByteArrayInputStream(content));
    }

    private RequestNumber fileWith(Person person, Upload... files) {
        return world.ticketing.fileRequest().file(person, Fixtures.seedDraft(), List.of(files), null).details()
                .request().summaryLine().number();
    }

    private List<AuditEntry> audit() {
        return world.audit.newestFirst(new PageRequest(1, 100)).items();
    }

    @Test
    void an_export_holds_the_person_their_requests_as_they_see_them_and_their_files_and_is_audited()
            throws IOException {
        byte[] capture = pdf(2_000);
        RequestNumber first = fileWith(requester, upload("capture.pdf", capture));
        RequestNumber second = fileWith(requester);
        fileWith(Fixtures.montanes());
        world.ticketing.postMessage().post(agent, second, "Voici la procédure.", false,
                List.of(upload("procédure.txt", "1. Ouvrir l'ENT".getBytes(StandardCharsets.UTF_8))), null);
        world.ticketing.postMessage().post(agent, second, "Note pour l'équipe.", true,
                List.of(upload("journal.txt", "erreur 500".getBytes(StandardCharsets.UTF_8))), null);

        PersonData data = export.gather(admin, requester.id());

        assertEquals(requester, data.person());
        assertEquals(List.of(first, second), data.filed().stream().map(d -> d.request().summaryLine().number())
                .toList());
        assertEquals(List.of("Voici la procédure."), data.filed().get(1).request().messages().stream()
                .map(m -> m.body().value()).toList(), "internal notes are the staff's, not the requester's");
        assertEquals(List.of(), data.written());
        List<ExportedFile> files = data.files();
        assertEquals(List.of(first + "/capture.pdf", second + "/procédure.txt"), files.stream()
                .map(f -> f.request() + "/" + f.attachment().name()).toList());
        try (InputStream content = export.open(files.get(0).attachment()).orElseThrow()) {
            assertArrayEquals(capture, readAll(content));
        }
        AuditEntry entry = audit().get(0);
        assertEquals("person.export", entry.action());
        assertEquals(admin.ref(), entry.by());
        assertEquals(requester.id().value(), entry.target().key());
        assertEquals("person", entry.target().kind());
        assertTrue(entry.before().isNone() && entry.after().isNone());
    }

    @Test
    void a_staff_members_export_holds_the_messages_they_wrote_on_the_requests_they_have() {
        RequestNumber number = fileWith(requester);
        assertEquals(agent.id(), Scenario.stored(world, number).summaryLine().assignee(),
                "the seed's subject goes to the agent");
        world.ticketing.postMessage().post(agent, number, "Je m'en occupe.", false, List.of(), null);
        world.ticketing.postMessage().post(agent, number, "Vu avec le rectorat.", true, List.of(), null);
        world.ticketing.chooseNotifications().choose(agent, "DIGEST", "EACH", 17);

        PersonData data = export.gather(admin, agent.id());

        assertEquals(new NotificationPreferences(Delivery.DIGEST, Delivery.EACH, 17), data.notifications());

        assertEquals(List.of(), data.filed());
        assertEquals(List.of("Je m'en occupe.", "Vu avec le rectorat."), data.written().stream()
                .map(ExportPersonData.WrittenMessage::message).map(Message::body).map(b -> b.value()).toList());
        assertTrue(data.written().stream().allMatch(w -> w.request().equals(number)));
    }

    @Test
    void only_an_administrator_exports_and_an_unknown_person_is_not_found() {
        int audited = audit().size();

        refused(ErrorKind.FORBIDDEN, () -> export.gather(agent, requester.id()));
        refused(ErrorKind.FORBIDDEN, () -> export.gather(requester, requester.id()));
        refused(ErrorKind.NOT_FOUND, () -> export.gather(admin, PersonId.of("personne")));

        assertEquals(audited, audit().size());
    }
}
