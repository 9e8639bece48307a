package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetchAttachmentTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person other = join(world, Fixtures.newRequester());
    private final byte[] content = FileRequestTest.pdf(3_000);

    private Request fileWithAttachment(Visibility visibility) {
        return world.ticketing.fileRequest().file(requester, Scenario.draft(Fixtures.MATHENPOCHE,
                "perte d'identifiant", "Capture jointe", visibility),
                List.of(new Upload("capture.pdf", new ByteArrayInputStream(content))), null).details().request();
    }

    @Test
    void the_requester_and_staff_fetch_the_attachment() {
        Request filed = fileWithAttachment(Visibility.PRIVATE);
        Attachment attachment = filed.attachments().get(0);

        RequestNumber number = filed.summaryLine().number();
        AttachmentContent mine = world.ticketing.fetchAttachment().fetch(requester, number, attachment.id());
        AttachmentContent staff = world.ticketing.fetchAttachment().fetch(Fixtures.agent(), number, attachment.id());

        assertEquals(attachment, mine.attachment());
        assertArrayEquals(content, FileRequestTest.readAll(mine.content()));
        assertArrayEquals(content, FileRequestTest.readAll(staff.content()));
    }

    @Test
    void an_attachment_of_another_requesters_private_request_is_not_found() {
        Request filed = fileWithAttachment(Visibility.PRIVATE);

        TicketingException e = refused(ErrorKind.NOT_FOUND, () -> world.ticketing.fetchAttachment()
                .fetch(other, filed.summaryLine().number(), filed.attachments().get(0).id()));

        assertEquals("request.not_found", e.code());
    }

    @Test
    void an_attachment_of_a_public_request_is_given_to_anyone_signed_in() {
        Request filed = fileWithAttachment(Visibility.PUBLIC);

        AttachmentContent fetched = world.ticketing.fetchAttachment().fetch(other, filed.summaryLine().number(),
                filed.attachments().get(0).id());

        assertArrayEquals(content, FileRequestTest.readAll(fetched.content()));
    }

    @Test
    void an_attachment_of_another_request_or_an_unknown_one_is_not_found() {
        Request filed = fileWithAttachment(Visibility.PRIVATE);
        Request second = fileWithAttachment(Visibility.PRIVATE);

        RequestNumber number = filed.summaryLine().number();
        refused(ErrorKind.NOT_FOUND, () -> world.ticketing.fetchAttachment().fetch(requester, number,
                second.attachments().get(0).id()));
        refused(ErrorKind.NOT_FOUND, () -> world.ticketing.fetchAttachment().fetch(requester, number,
                AttachmentId.random()));
    }
}
