package fr.guichet.mail;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.MailReceipt;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.MessageKind;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import jakarta.activation.DataHandler;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replies by mail end to end on real servers (GreenMail SMTP and IMAP) and the core over in-memory ports: the
 * acknowledgement of a filing goes out over SMTP with its reply tag, the teacher answers it from a mail client, the
 * poller reads the helpdesk's mailbox and the reply lands on the request.
 */
class MailRoundTripTest {

    static final ReplyKeys KEYS = ReplyKeys.of(List.of("la clé de signature des réponses"));

    private final TestMailbox mailbox = new TestMailbox();
    private final TestWorld world = new TestWorld();
    private final Ticketing ticketing = Ticketing.builder(world.ports()).clock(world.clock).replyKeys(KEYS)
            .ownAddresses(Set.of(EmailAddress.of(TestMailbox.ADDRESS))).build();
    private final NotificationChannel channel = TestMail.smtp(MailConfig.builder("127.0.0.1", TestMailbox.ADDRESS,
            "Guichet d'assistance", TestMail.BASE_URL).port(mailbox.smtpPort).replyKeys(KEYS).build());
    private final List<MailReceipt> receipts = Collections.synchronizedList(new ArrayList<>());
    private final MailboxPoller poller = node();
    private final Person teacher = Fixtures.newRequester();
    private int sent;

    @AfterEach
    void stop() {
        mailbox.close();
    }

    /** A node reading the helpdesk's mailbox into the shared core, noting each receipt. */
    private MailboxPoller node() {
        return new MailboxPoller(mailbox.config(Duration.ofSeconds(30)).build(), mail -> {
            MailReceipt receipt = ticketing.receiveMail().receive(mail);
            receipts.add(receipt);
            return receipt;
        }, ticketing.receiveMail()::keepUnreadable);
    }

    /** Files a request of {@code teacher} and sends what it queued; the acknowledgement the teacher received. */
    private MimeMessage filedAndAcknowledged() {
        world.people.save(teacher);
        ticketing.fileRequest().file(teacher, Fixtures.seedDraft(), List.of(), null);
        send();
        List<MimeMessage> received = TestMail.receivedBy(mailbox.server, teacher.email());
        assertEquals(1, received.size());
        return received.get(0);
    }

    private void send() {
        List<OutboxEntry> queued = world.outbox.all();
        for (OutboxEntry entry : queued.subList(sent, queued.size())) {
            assertInstanceOf(DeliveryResult.Delivered.class, channel.deliver(entry));
        }
        sent = queued.size();
    }

    /** The teacher's answer to {@code mail} as a mail client writes it: to its Reply-To, its subject after "RE: ". */
    private MimeMessage answer(MimeMessage mail, String messageId) throws Exception {
        MimeMessage reply = mailbox.message();
        reply.setFrom(new InternetAddress(teacher.email().value(), "Élise Ñúñez", "UTF-8"));
        reply.setRecipients(jakarta.mail.Message.RecipientType.TO, mail.getReplyTo());
        reply.setSubject("RE: " + mail.getSubject(), "UTF-8");
        reply.setHeader("In-Reply-To", mail.getMessageID());
        reply.setHeader("References", mail.getHeader("References", null) + " " + mail.getMessageID());
        reply.setHeader("Message-ID", messageId);
        return reply;
    }

    private RequestNumber number(MimeMessage acknowledgement) throws Exception {
        String subject = acknowledgement.getSubject();
        return RequestNumber.parse(subject.substring("[Guichet ".length(), subject.indexOf(']')));
    }

    private Request stored(RequestNumber number) {
        return world.requests.find(number).orElseThrow();
    }

    private Message last(RequestNumber number) {
        List<Message> messages = stored(number).messages();
        return messages.get(messages.size() - 1);
    }

    @Test
    void a_reply_to_the_acknowledgement_becomes_one_follow_up_without_its_quote_and_is_moved() throws Exception {
        MimeMessage acknowledgement = filedAndAcknowledged();
        RequestNumber number = number(acknowledgement);
        int messages = stored(number).messages().size();
        String text = "Bonjour,\n\nLe vidéoprojecteur s'allume de nouveau, merci.\n\nÉlise\n\n"
                + "Le 01/09/2008 à 10:12, Guichet d'assistance a écrit :\n> Bonjour Élise Ñúñez,\n"
                + "> votre demande a bien été enregistrée.\n";
        MimeMessage reply = answer(acknowledgement, "<reponse-1@ac-creteil.fr>");
        reply.setText(text, "UTF-8");
        mailbox.send(reply, TestMailbox.ADDRESS);

        assertEquals(new MailboxPoller.Poll(1, 0, 0, 0), poller.poll());

        Message posted = last(number);
        assertAll(() -> assertEquals(MailReceipt.Outcome.FOLLOW_UP, receipts.get(0).outcome()),
                () -> assertEquals(messages + 1, stored(number).messages().size()),
                () -> assertEquals(MessageKind.FOLLOW_UP, posted.kind()),
                () -> assertEquals("Bonjour,\n\nLe vidéoprojecteur s'allume de nouveau, merci.\n\nÉlise",
                        posted.body().value()));
        assertEquals(0, mailbox.folder("INBOX").size());
        assertEquals(1, mailbox.folder("Guichet-traites").size());

        MimeMessage again = answer(acknowledgement, "<reponse-1@ac-creteil.fr>");
        again.setText(text, "UTF-8");
        mailbox.send(again, TestMailbox.ADDRESS);

        assertEquals(new MailboxPoller.Poll(1, 0, 0, 0), poller.poll());

        assertEquals(MailReceipt.Outcome.DUPLICATE, receipts.get(1).outcome());
        assertEquals(messages + 1, stored(number).messages().size());
        assertEquals(0, mailbox.folder("INBOX").size());
    }

    @Test
    void an_html_only_reply_becomes_a_plain_text_follow_up() throws Exception {
        MimeMessage acknowledgement = filedAndAcknowledged();
        RequestNumber number = number(acknowledgement);
        MimeMessage reply = answer(acknowledgement, "<reponse-html@ac-creteil.fr>");
        reply.setText("<html><body><p>Bonjour,</p><p>c'est <b>réparé</b>.<br>Merci&nbsp;!</p>"
                + "<script>document.location='https://pirate.example/'</script>"
                + "<div class=\"gmail_quote\">Le lun. 1 sept. 2008 à 10:12, Guichet &lt;guichet@ac-creteil.fr&gt; a"
                + " écrit :<blockquote><p>Bonjour Élise</p></blockquote></div></body></html>", "UTF-8", "html");
        mailbox.send(reply, TestMailbox.ADDRESS);

        poller.poll();

        assertEquals(MailReceipt.Outcome.FOLLOW_UP, receipts.get(0).outcome());
        assertEquals("Bonjour,\nc'est réparé.\nMerci !", last(number).body().value());
    }

    @Test
    void a_file_attached_to_a_reply_is_a_file_of_the_follow_up() throws Exception {
        MimeMessage acknowledgement = filedAndAcknowledged();
        RequestNumber number = number(acknowledgement);
        MimeMessage reply = answer(acknowledgement, "<reponse-pdf@ac-creteil.fr>");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Voici la capture de l'erreur.\n\nOn Mon, Sep 1, 2008 at 10:12 AM Guichet wrote:\n> Bonjour",
                "UTF-8");
        MimeBodyPart pdf = new MimeBodyPart();
        byte[] content = new byte[3 * 1024 * 1024];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        System.arraycopy("%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, content, 0, 9);
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(content, "application/pdf")));
        pdf.setFileName("capture écran.pdf");
        pdf.setDisposition(Part.ATTACHMENT);
        reply.setContent(new MimeMultipart(text, pdf));
        mailbox.send(reply, TestMailbox.ADDRESS);

        poller.poll();

        Message posted = last(number);
        assertAll(() -> assertEquals(MailReceipt.Outcome.FOLLOW_UP, receipts.get(0).outcome()),
                () -> assertEquals("Voici la capture de l'erreur.", posted.body().value()),
                () -> assertEquals(List.of("capture écran.pdf"),
                        posted.attachments().stream().map(a -> a.name()).toList()),
                () -> assertEquals(content.length, posted.attachments().get(0).size()));
        assertTrue(world.outbox.all().stream().skip(sent)
                .anyMatch(e -> e.notification().template() == TemplateKey.FOLLOW_UP_POSTED
                        || e.notification().template() == TemplateKey.NEW_REQUEST_FOR_GROUP),
                "staff told of the follow-up");
    }

    @Test
    void a_reply_from_another_address_is_kept_unattached_and_an_auto_reply_is_ignored() throws Exception {
        MimeMessage acknowledgement = filedAndAcknowledged();
        RequestNumber number = number(acknowledgement);
        int messages = stored(number).messages().size();
        Person stranger = Fixtures.newRequester();
        world.people.save(stranger);
        MimeMessage forwarded = answer(acknowledgement, "<transfert@ac-creteil.fr>");
        forwarded.setFrom(new InternetAddress(stranger.email().value()));
        forwarded.setText("Je réponds à la place d'Élise.", "UTF-8");
        mailbox.send(forwarded, TestMailbox.ADDRESS);
        MimeMessage away = answer(acknowledgement, "<absence@ac-creteil.fr>");
        away.setHeader("Auto-Submitted", "auto-replied");
        away.setText("Je suis absente jusqu'au 15 septembre.", "UTF-8");
        mailbox.send(away, TestMailbox.ADDRESS);

        assertEquals(new MailboxPoller.Poll(2, 0, 0, 0), poller.poll());

        assertEquals(List.of(MailReceipt.Outcome.UNATTACHED, MailReceipt.Outcome.IGNORED),
                receipts.stream().map(MailReceipt::outcome).toList());
        assertEquals(messages, stored(number).messages().size());
        assertEquals(sent, world.outbox.all().size(), "nothing answered");
        assertEquals(2, mailbox.folder("Guichet-traites").size());
    }

    @Test
    void two_nodes_reading_the_mailbox_at_once_import_each_reply_once() throws Exception {
        MimeMessage acknowledgement = filedAndAcknowledged();
        RequestNumber number = number(acknowledgement);
        int messages = stored(number).messages().size();
        int replies = 10;
        for (int i = 0; i < replies; i++) {
            MimeMessage reply = answer(acknowledgement, "<reponse-" + i + "@ac-creteil.fr>");
            reply.setText("Précision n° " + i, "UTF-8");
            mailbox.send(reply, TestMailbox.ADDRESS);
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> polls = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                MailboxPoller node = node();
                polls.add(nodes.submit(() -> {
                    go.await();
                    mailbox.drainWith(node);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> poll : polls) {
                poll.get();
            }
        } finally {
            nodes.shutdownNow();
        }

        assertEquals(messages + replies, stored(number).messages().size());
        assertEquals(replies, receipts.stream().filter(r -> r.outcome() == MailReceipt.Outcome.FOLLOW_UP).count());
        assertEquals(0, mailbox.folder("INBOX").size());
        assertEquals(replies, mailbox.folder("Guichet-traites").size());
    }
}
