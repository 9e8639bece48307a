package fr.guichet.mail;

import static fr.guichet.core.contract.NotificationChannelContract.sample;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.mail.ReplyTag;
import fr.guichet.core.domain.mail.SatisfactionToken;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.session.ResetToken;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.testing.Fixtures;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With reply keys, a mail about a request carries the request's reply tag signed for its recipient, in its subject
 * and its Reply-To; every mail about a request names it in In-Reply-To and References; other mails are unchanged.
 */
class ReplyTagMailTest {

    private static final ReplyKeys KEYS = ReplyKeys.of(List.of("une clé de test assez longue"));
    private static final String THREAD = "<guichet.request.0022928@ac-creteil.fr>";

    private final int port = TestMail.freePort();
    private final GreenMail server = TestMail.greenMail(port);

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private MimeMessage sent(MailConfig config, Notification notification) {
        NotificationChannel channel = TestMail.smtp(config);
        assertInstanceOf(DeliveryResult.Delivered.class,
                channel.deliver(OutboxEntry.queued(notification, Instant.now())));
        List<MimeMessage> received = TestMail.receivedBy(server, notification.recipient());
        assertEquals(1, received.size());
        return received.get(0);
    }

    @Test
    void a_mail_about_a_request_carries_the_tag_of_its_recipient_in_subject_and_reply_to() throws Exception {
        Person to = Fixtures.newRequester();
        MimeMessage mail = sent(TestMail.config(port).replyKeys(KEYS).build(),
                sample(TemplateKey.ANSWER_POSTED, to));

        ReplyTag tag = KEYS.tag(sample(TemplateKey.ANSWER_POSTED, to).request(), to.email());
        String replyTo = ((InternetAddress) mail.getReplyTo()[0]).getAddress();
        assertAll(
                () -> assertTrue(mail.getSubject().startsWith("[Guichet 0022928] Réponse à votre demande : "),
                        mail.getSubject()),
                () -> assertTrue(mail.getSubject().endsWith(" " + tag.subjectMarker()), mail.getSubject()),
                () -> assertEquals("assistance+" + tag.text() + "@ac-creteil.fr", replyTo),
                () -> assertTrue(KEYS.verifies(ReplyTag.inSubject("RE: " + mail.getSubject()).orElseThrow(),
                        to.email())),
                () -> assertTrue(KEYS.verifies(ReplyTag.inAddress(EmailAddress.of(replyTo)).orElseThrow(),
                        to.email())),
                () -> assertFalse(KEYS.verifies(ReplyTag.inAddress(EmailAddress.of(replyTo)).orElseThrow(),
                        Fixtures.newRequester().email())),
                () -> assertEquals(THREAD, mail.getHeader("In-Reply-To", null)),
                () -> assertEquals(THREAD, mail.getHeader("References", null)),
                () -> assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null)));
    }

    @Test
    void without_a_reply_to_address_the_tag_goes_on_the_from_address() throws Exception {
        Person to = Fixtures.newRequester();
        MailConfig config = MailConfig.builder("127.0.0.1", TestMail.FROM, "Guichet", TestMail.BASE_URL).port(port)
                .replyKeys(KEYS).build();
        MimeMessage mail = sent(config, sample(TemplateKey.REQUEST_RECEIVED, to));

        ReplyTag tag = KEYS.tag(sample(TemplateKey.REQUEST_RECEIVED, to).request(), to.email());
        assertEquals("guichet+" + tag.text() + "@ac-creteil.fr",
                ((InternetAddress) mail.getReplyTo()[0]).getAddress());
    }

    @Test
    void a_mail_about_no_request_carries_no_tag_and_no_thread() throws Exception {
        Person to = Fixtures.newRequester();
        MimeMessage mail = sent(TestMail.config(port).replyKeys(KEYS).build(),
                Notification.passwordReset(to, ResetToken.random()));

        assertAll(() -> assertEquals("[Guichet] Choisir un nouveau mot de passe", mail.getSubject()),
                () -> assertEquals(TestMail.REPLY_TO, ((InternetAddress) mail.getReplyTo()[0]).getAddress()),
                () -> assertNull(mail.getHeader("In-Reply-To")),
                () -> assertNull(mail.getHeader("References")));
    }

    @Test
    void without_keys_a_mail_about_a_request_has_no_tag_but_is_threaded() throws Exception {
        Person to = Fixtures.newRequester();
        MimeMessage mail = sent(TestMail.config(port).build(), sample(TemplateKey.ANSWER_POSTED, to));

        assertAll(() -> assertFalse(mail.getSubject().contains("-"), mail.getSubject()),
                () -> assertTrue(ReplyTag.inSubject(mail.getSubject()).isEmpty()),
                () -> assertEquals(TestMail.REPLY_TO, ((InternetAddress) mail.getReplyTo()[0]).getAddress()),
                () -> assertEquals(THREAD, mail.getHeader("In-Reply-To", null)));
    }

    @Test
    void the_resolution_mail_carries_a_one_click_survey_link_signed_for_its_request_and_others_do_not() throws Exception {
        Person to = Fixtures.newRequester();
        MimeMessage mail = sent(TestMail.config(port).replyKeys(KEYS).build(), sample(TemplateKey.REQUEST_RESOLVED, to));
        String text = texts(mail.getContent());

        Matcher link = Pattern.compile("/satisfaction/([0-9A-Za-z._-]+)").matcher(text);
        assertTrue(link.find(), text);
        SatisfactionToken token = SatisfactionToken.parse(link.group(1)).orElseThrow();
        assertEquals(sample(TemplateKey.REQUEST_RESOLVED, to).request(), token.number());
        assertTrue(token.valid(KEYS, Instant.now()));
        assertTrue(text.contains("notez la réponse en un clic"), text);
        assertFalse(texts(sent(TestMail.config(port).build(), sample(TemplateKey.REQUEST_RESOLVED,
                Fixtures.newRequester())).getContent()).contains("/satisfaction/"));
    }

    /** The text and HTML of a mail's parts, one after the other. */
    private static String texts(Object content) throws Exception {
        if (content instanceof Multipart parts) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                all.append(texts(parts.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return content instanceof String s ? s : "";
    }
}
