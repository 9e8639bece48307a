package fr.guichet.mail;

import static fr.guichet.core.contract.NotificationChannelContract.sample;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import fr.guichet.core.contract.NotificationChannelContract;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.session.ResetToken;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.testing.Fixtures;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The SMTP channel against a real SMTP server (GreenMail): what each mail holds and how it is protected. */
class SmtpNotificationChannelTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final String LINK = "https://guichet.ac-creteil.fr/demandes/0022928";
    private static final String SUMMARY = "perte d'identifiant « Mathenpoche » été";
    private static final Map<TemplateKey, String> SUBJECTS = Map.ofEntries(
            Map.entry(TemplateKey.REQUEST_RECEIVED, "[Guichet 0022928] Demande reçue : " + SUMMARY),
            Map.entry(TemplateKey.ANSWER_POSTED, "[Guichet 0022928] Réponse à votre demande : " + SUMMARY),
            Map.entry(TemplateKey.REQUEST_REDIRECTED, "[Guichet 0022928] Demande redirigée : " + SUMMARY),
            Map.entry(TemplateKey.REQUEST_RESOLVED, "[Guichet 0022928] Demande résolue : " + SUMMARY),
            Map.entry(TemplateKey.NEW_REQUEST_FOR_GROUP, "[Guichet 0022928] Nouvelle demande pour le groupe "
                    + "Spécialistes des applications disciplinaires : " + SUMMARY),
            Map.entry(TemplateKey.REQUEST_ASSIGNED_TO_YOU,
                    "[Guichet 0022928] Demande qui vous est confiée : " + SUMMARY),
            Map.entry(TemplateKey.FOLLOW_UP_POSTED, "[Guichet 0022928] Nouveau message du demandeur : " + SUMMARY),
            Map.entry(TemplateKey.REQUEST_REOPENED, "[Guichet 0022928] Demande rouverte : " + SUMMARY));

    private final int port = TestMail.freePort();
    private final GreenMail server = TestMail.greenMail(port);
    private NotificationChannel channel;

    @BeforeEach
    void start() {
        server.start();
        channel = TestMail.smtp(TestMail.config(port).build());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Nested
    class Contract extends NotificationChannelContract {
        @Override
        protected NotificationChannel channel() {
            return channel;
        }

        @Override
        protected int receivedBy(EmailAddress recipient) {
            return TestMail.receivedBy(server, recipient).size();
        }
    }

    @Test
    void each_template_about_a_request_reaches_its_recipient_with_subject_both_parts_accents_and_link()
            throws Exception {
        for (TemplateKey key : SUBJECTS.keySet()) {
            Person to = Fixtures.newRequester();
            OutboxEntry entry = OutboxEntry.queued(sample(key, to), NOW);

            assertInstanceOf(DeliveryResult.Delivered.class, channel.deliver(entry), key.name());

            List<MimeMessage> received = TestMail.receivedBy(server, to.email());
            assertEquals(1, received.size(), key.name());
            MimeMessage mail = received.get(0);
            String text = part(mail, "text/plain");
            String html = part(mail, "text/html");
            assertAll(key.name(),
                    () -> assertArrayEquals(new Address[] {new InternetAddress(to.email().value(), "Élise Ñúñez",
                            "UTF-8")}, mail.getRecipients(Message.RecipientType.TO)),
                    () -> assertNull(mail.getRecipients(Message.RecipientType.CC)),
                    () -> assertEquals(new InternetAddress(TestMail.FROM, "Guichet d'assistance", "UTF-8"),
                            mail.getFrom()[0]),
                    () -> assertEquals(TestMail.REPLY_TO, ((InternetAddress) mail.getReplyTo()[0]).getAddress()),
                    () -> assertEquals(SUBJECTS.get(key), mail.getSubject()),
                    () -> assertTrue(mail.isMimeType("multipart/alternative")),
                    () -> assertTrue(text.contains("Bonjour Élise Ñúñez,"), text),
                    () -> assertTrue(text.contains("Résumé : " + SUMMARY), text),
                    () -> assertTrue(text.contains("Sujet : EVE – 4.2 – Mathenpoche"), text),
                    () -> assertTrue(text.contains(LINK), text),
                    () -> assertTrue(html.contains("<p>Bonjour Élise Ñúñez,</p>"), html),
                    () -> assertTrue(html.contains("perte d&#39;identifiant « Mathenpoche » été"), html),
                    () -> assertTrue(html.contains("<a href=\"" + LINK + "\""), html),
                    () -> assertTrue(html.contains("<html lang=\"fr\">"), html),
                    () -> assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null)),
                    () -> assertEquals("<guichet." + entry.id() + "@ac-creteil.fr>", mail.getMessageID()));
        }
    }

    @Test
    void the_password_reset_mail_carries_its_link_in_both_parts_and_no_request_number() throws Exception {
        Person to = Fixtures.newRequester();
        ResetToken token = ResetToken.random();
        OutboxEntry entry = OutboxEntry.queued(Notification.passwordReset(to, token), NOW);

        assertInstanceOf(DeliveryResult.Delivered.class, channel.deliver(entry));

        MimeMessage mail = TestMail.receivedBy(server, to.email()).get(0);
        String link = "https://guichet.ac-creteil.fr/nouveau-mot-de-passe.html#" + token.value();
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertAll(() -> assertEquals("[Guichet] Choisir un nouveau mot de passe", mail.getSubject()),
                () -> assertTrue(text.startsWith("Bonjour Élise Ñúñez,"), text),
                () -> assertTrue(text.contains("\n" + link + "\n"), text),
                () -> assertTrue(text.contains("valable une heure et ne sert qu'une fois"), text),
                () -> assertTrue(html.contains("<a href=\"" + link + "\""), html),
                () -> assertTrue(html.contains("<meta name=\"referrer\" content=\"no-referrer\">"), html),
                () -> assertFalse(text.contains("/demandes/"), text),
                () -> assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null)));
    }

    @Test
    void an_answer_carries_its_body_and_author_in_both_parts() throws Exception {
        Person to = Fixtures.newRequester();
        channel.deliver(OutboxEntry.queued(sample(TemplateKey.ANSWER_POSTED, to), NOW));

        MimeMessage mail = TestMail.receivedBy(server, to.email()).get(0);
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertTrue(text.contains("Bonjour,\nvoici la réponse à votre demande.\nCordialement\n\nAlice Agent"), text);
        assertTrue(html.contains("Bonjour,<br>\nvoici la réponse à votre demande.<br>\nCordialement"), html);
        assertTrue(html.contains("<p>Alice Agent</p>"), html);
    }

    @Test
    void a_summary_with_crlf_and_a_bcc_line_adds_no_recipient_and_no_header() throws Exception {
        Person to = Fixtures.newRequester();
        Notification n = with(sample(TemplateKey.ANSWER_POSTED, to), "summary", "perte\r\nBcc: x@example.org");
        Notification injected = new Notification(n.template(), n.recipient(), "Élise\r\nBcc: y@example.org\r\n",
                n.request(), n.data());

        DeliveryResult result = channel.deliver(OutboxEntry.queued(injected, NOW));

        assertInstanceOf(DeliveryResult.Delivered.class, result);
        assertEquals(1, server.getReceivedMessages().length);
        assertEquals(0, server.getReceivedMessagesForDomain("example.org").length);
        MimeMessage mail = server.getReceivedMessages()[0];
        assertEquals(1, mail.getAllRecipients().length);
        assertNull(mail.getHeader("Bcc"));
        assertEquals("[Guichet 0022928] Réponse à votre demande : perte Bcc: x@example.org", mail.getSubject());
        assertEquals("Élise Bcc: y@example.org", ((InternetAddress) mail.getRecipients(
                Message.RecipientType.TO)[0]).getPersonal());
        String headers = GreenMailUtil.getHeaders(mail);
        assertFalse(headers.lines().anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith("bcc")), headers);
    }

    @Test
    void html_in_user_text_is_escaped_in_the_html_part_and_kept_as_is_in_the_text_part() throws Exception {
        Person to = Fixtures.newRequester();
        String hostile = "<script>alert(\"x\")</script> & <a href='javascript:x'>clic</a>";
        Notification n = with(with(sample(TemplateKey.ANSWER_POSTED, to), "summary", hostile), "body", hostile);

        channel.deliver(OutboxEntry.queued(n, NOW));

        MimeMessage mail = TestMail.receivedBy(server, to.email()).get(0);
        String html = part(mail, "text/html");
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<a href='javascript"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;a href=&#39;"), html);
        assertTrue(part(mail, "text/plain").contains(hostile));
    }

    @Test
    void soft_hyphen_right_to_left_override_and_nul_never_jam_a_mail() throws Exception {
        Person to = Fixtures.newRequester();
        String odd = "fac\u00ADture\u202Efdp.exe\u0000 été";
        Notification n = with(with(sample(TemplateKey.ANSWER_POSTED, to), "summary", odd), "body", odd);
        Notification named = new Notification(n.template(), n.recipient(), "Élise\u202E\u0000\u00AD Ñúñez",
                n.request(), n.data());

        assertInstanceOf(DeliveryResult.Delivered.class, channel.deliver(OutboxEntry.queued(named, NOW)));

        MimeMessage mail = TestMail.receivedBy(server, to.email()).get(0);
        assertEquals("[Guichet 0022928] Réponse à votre demande : facturefdp.exe été", mail.getSubject());
        assertEquals("Élise Ñúñez", ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0])
                .getPersonal());
        String text = part(mail, "text/plain");
        assertFalse(text.contains("\u0000") || text.contains("\u202E"), text);
        assertTrue(text.contains("fac\u00ADturefdp.exe été"), text);
    }

    @Test
    void the_message_id_comes_from_the_outbox_entry_and_stays_the_same_on_a_resend() throws Exception {
        Person to = Fixtures.newRequester();
        OutboxEntry entry = OutboxEntry.queued(sample(TemplateKey.REQUEST_RECEIVED, to), NOW);
        OutboxEntry other = OutboxEntry.queued(sample(TemplateKey.REQUEST_RECEIVED, to), NOW);

        channel.deliver(entry);
        channel.deliver(entry);
        channel.deliver(other);

        List<MimeMessage> received = TestMail.receivedBy(server, to.email());
        assertEquals(3, received.size());
        assertEquals("<guichet." + entry.id() + "@ac-creteil.fr>", received.get(0).getMessageID());
        assertEquals(received.get(0).getMessageID(), received.get(1).getMessageID());
        assertNotEquals(received.get(0).getMessageID(), received.get(2).getMessageID());
        for (MimeMessage m : received) {
            assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        }
    }

    @Test
    void the_helpdesk_itself_is_never_a_recipient() {
        for (String own : List.of(TestMail.FROM, "Guichet@AC-CRETEIL.fr", TestMail.REPLY_TO, TestMail.HELPDESK)) {
            Person person = Fixtures.newRequester();
            Notification n = sample(TemplateKey.NEW_REQUEST_FOR_GROUP, person);
            Notification toHelpdesk = new Notification(n.template(), EmailAddress.of(own), "Plateforme",
                    n.request(), n.data());

            DeliveryResult result = channel.deliver(OutboxEntry.queued(toHelpdesk, NOW));

            assertEquals(DeliveryResult.permanentFailure("recipient is the helpdesk itself: "
                    + EmailAddress.of(own).value()), result, own);
        }
        assertEquals(0, server.getReceivedMessages().length);
    }

    @Test
    void english_templates_are_used_when_configured() throws Exception {
        NotificationChannel english = TestMail.smtp(TestMail.config(port).locale(Locale.ENGLISH).build());
        Person to = Fixtures.newRequester();

        english.deliver(OutboxEntry.queued(sample(TemplateKey.ANSWER_POSTED, to), NOW));

        MimeMessage mail = TestMail.receivedBy(server, to.email()).get(0);
        assertEquals("[Guichet 0022928] Answer to your request: " + SUMMARY, mail.getSubject());
        assertTrue(part(mail, "text/plain").contains("Hello Élise Ñúñez,"));
        assertTrue(part(mail, "text/html").contains("<html lang=\"en\">"));
        assertEquals("en", mail.getHeader("Content-Language", null));
    }

    @Test
    void the_whole_mail_is_utf8_on_the_wire() throws Exception {
        Person to = Fixtures.newRequester();
        channel.deliver(OutboxEntry.queued(sample(TemplateKey.REQUEST_RESOLVED, to), NOW));

        MimeMessage mail = TestMail.receivedBy(server, to.email()).get(0);
        Multipart parts = (Multipart) mail.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).getContentType().toLowerCase(Locale.ROOT).contains("charset=utf-8"));
        assertTrue(parts.getBodyPart(1).getContentType().toLowerCase(Locale.ROOT).contains("charset=utf-8"));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.writeTo(raw);
        assertTrue(raw.toString(StandardCharsets.US_ASCII).contains("=?UTF-8?"), "subject encoded per RFC 2047");
    }

    static Notification with(Notification n, String key, String value) {
        Map<String, String> data = new HashMap<>(n.data());
        data.put(key, value);
        return new Notification(n.template(), n.recipient(), n.recipientName(), RequestNumber.of(22928), data);
    }

    static String part(MimeMessage mail, String type) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part p = parts.getBodyPart(i);
            if (p.isMimeType(type)) {
                return ((String) p.getContent()).replace("\r\n", "\n");
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
