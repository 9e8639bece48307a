package fr.guichet.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import fr.guichet.core.application.Upload;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The files of a message reach the mail that tells of it as links to the request, never as attachments: the core
 * queues the notification, the SMTP channel sends it to a real server (GreenMail).
 */
class MessageFilesMailTest {

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final int port = TestMail.freePort();
    private final GreenMail server = TestMail.greenMail(port);
    private final TestWorld world = new TestWorld();
    private final Person requester = Fixtures.newRequester();
    private final Person agent = Fixtures.agent();
    private NotificationChannel channel;
    private RequestNumber number;

    @BeforeEach
    void start() {
        server.start();
        channel = TestMail.smtp(TestMail.config(port).build());
        world.people.save(requester);
        number = world.ticketing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), null).details()
                .request().summaryLine().number();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private String link() {
        return "https://guichet.ac-creteil.fr/demandes/" + number.display();
    }

    /** Sends what the outbox queued since {@code from}; the mail {@code to} received. */
    private MimeMessage sentTo(int from, Person to) {
        List<OutboxEntry> queued = world.outbox.all();
        for (OutboxEntry entry : queued.subList(from, queued.size())) {
            assertInstanceOf(DeliveryResult.Delivered.class, channel.deliver(entry));
        }
        List<MimeMessage> received = TestMail.receivedBy(server, to.email());
        assertEquals(1, received.size());
        return received.get(0);
    }

    private static Upload pdf(String name) {
        return new Upload(name, new ByteArrayInputStream(PDF));
    }

    @Test
    void an_answers_files_are_listed_as_links_to_the_request_and_never_attached() throws Exception {
        int from = world.outbox.all().size();
        world.ticketing.postMessage().post(agent, number, "Suivez la procédure jointe.", false,
                List.of(pdf("procédure ENT.pdf"), pdf("a&b <i>.pdf")), null);

        MimeMessage mail = sentTo(from, requester);
        String text = SmtpNotificationChannelTest.part(mail, "text/plain");
        String html = SmtpNotificationChannelTest.part(mail, "text/html");
        assertTrue(text.contains("Suivez la procédure jointe.\n\nFichiers joints, à télécharger depuis la demande :\n"
                + "- procédure ENT.pdf (1 Kio)\n- a&b i.pdf (1 Kio)\n"), text);
        assertTrue(text.contains(link()), text);
        assertTrue(html.contains("<li><a href=\"" + link() + "\" style=\"color: #000091;\">procédure ENT.pdf (1 Kio)"
                + "</a></li>"), html);
        assertTrue(html.contains(">a&amp;b i.pdf (1 Kio)</a></li>"), html);
        assertNoAttachment(mail);
    }

    @Test
    void a_follow_up_with_a_file_tells_the_assignee_of_it() throws Exception {
        int from = world.outbox.all().size();
        world.ticketing.postMessage().post(requester, number, "Voici la capture.", false,
                List.of(pdf("capture.pdf")), null);

        MimeMessage mail = sentTo(from, agent);
        String text = SmtpNotificationChannelTest.part(mail, "text/plain");
        assertTrue(text.contains("Voici la capture.\n\nFichiers joints, à télécharger depuis la demande :\n"
                + "- capture.pdf (1 Kio)\n"), text);
        assertNoAttachment(mail);
    }

    @Test
    void a_message_without_files_shows_no_list_of_files() throws Exception {
        int from = world.outbox.all().size();
        world.ticketing.postMessage().post(agent, number, "Réessayez demain.", false, null);

        MimeMessage mail = sentTo(from, requester);
        String text = SmtpNotificationChannelTest.part(mail, "text/plain");
        assertTrue(text.contains("Réessayez demain.\n\n"), text);
        assertFalse(text.contains("Fichiers joints"), text);
        assertFalse(SmtpNotificationChannelTest.part(mail, "text/html").contains("<ul>"));
    }

    /** The mail is its text and its HTML alternative, nothing else: no part is a file. */
    private static void assertNoAttachment(MimeMessage mail) throws Exception {
        assertTrue(mail.isMimeType("multipart/alternative"));
        assertEquals(2, ((Multipart) mail.getContent()).getCount());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.writeTo(raw);
        String wire = raw.toString(StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        assertFalse(wire.contains("content-disposition: attachment"), wire);
        assertFalse(wire.contains("application/pdf"), wire);
        assertFalse(Arrays.asList(mail.getHeader("Content-Type")).toString().contains("mixed"));
    }
}
