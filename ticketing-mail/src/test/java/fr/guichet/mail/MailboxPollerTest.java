package fr.guichet.mail;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.InboundMail;
import fr.guichet.core.application.MailReceipt;
import fr.guichet.core.application.Upload;
import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.domain.mail.MailOutcome;
import fr.guichet.core.domain.mail.MailReasons;
import fr.guichet.core.testing.TestWorld;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mailbox poller against a real IMAP server (GreenMail): what it reads of a mail, and that a mail leaves the
 * inbox only once the core took it in.
 */
class MailboxPollerTest {

    private static final String DONE = "Guichet-traites";
    private static final String ERRORS = "Guichet-erreurs";
    private static final byte[] PDF = "%PDF-1.4\n%\u00E2\u00E3\u00CF\u00D3\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final TestMailbox mailbox = new TestMailbox();
    private final List<InboundMail> received = Collections.synchronizedList(new ArrayList<>());
    private final List<String> kept = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        mailbox.close();
    }

    private MailboxPoller poller(Function<InboundMail, MailReceipt> receive) {
        return new MailboxPoller(mailbox.config(Duration.ofSeconds(30)).build(), receive, this::keep);
    }

    private MailReceipt keep(InboundMail mail, String reason) {
        kept.add(reason);
        return new MailReceipt(MailReceipt.Outcome.UNATTACHED, Optional.empty(), reason);
    }

    private MailboxPoller recording() {
        return poller(mail -> {
            received.add(mail);
            return new MailReceipt(MailReceipt.Outcome.UNATTACHED, Optional.empty(), "no-token");
        });
    }

    private MimeMessage reply(String text) throws MessagingException {
        MimeMessage m = mailbox.message();
        m.setFrom(new InternetAddress("marie.curie@ac-creteil.fr"));
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, "Guichet <guichet+0022928-K3J9X2M4Q8@ac-creteil.fr>");
        m.setSubject("Re: Demande reçue : vidéoprojecteur en panne", "UTF-8");
        if (text != null) {
            m.setText(text, "UTF-8");
        }
        return m;
    }

    private static String read(Upload upload) {
        try {
            return new String(upload.content().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_reply_is_read_with_its_addresses_subject_text_and_headers_then_moved() throws Exception {
        MimeMessage m = reply("Merci, c'est réparé.\n\nLe 03/09/2026 à 10:12, Guichet a écrit :\n> Bonjour");
        m.setHeader("Message-ID", "<reponse-1@ac-creteil.fr>");
        m.addRecipients(jakarta.mail.Message.RecipientType.CC, "Paul Langevin <paul.langevin@ac-creteil.fr>");
        m.setHeader("X-Original-To", "guichet+0022928-K3J9X2M4Q8@ac-creteil.fr");
        m.setHeader("Delivered-To", "guichet@ac-creteil.fr");
        m.setHeader("In-Reply-To", "<guichet.request.0022928@ac-creteil.fr>");
        m.setHeader("References", "<guichet.request.0022928@ac-creteil.fr>");
        m.setHeader("Auto-Submitted", "no");
        m.setHeader("X-Mailer", "Thunderbird");
        m.setHeader("Authentication-Results", "mx.ac-creteil.fr; dmarc=pass header.from=ac-creteil.fr");
        mailbox.send(m, TestMailbox.ADDRESS);

        assertEquals(new MailboxPoller.Poll(1, 0, 0, 0), recording().poll());

        InboundMail mail = received.get(0);
        assertAll(() -> assertEquals("<reponse-1@ac-creteil.fr>", mail.messageId()),
                () -> assertEquals("marie.curie@ac-creteil.fr", mail.from()),
                () -> assertEquals(List.of("guichet+0022928-K3J9X2M4Q8@ac-creteil.fr",
                        "paul.langevin@ac-creteil.fr", "guichet@ac-creteil.fr",
                        "guichet+0022928-K3J9X2M4Q8@ac-creteil.fr"), mail.recipients()),
                () -> assertEquals("Re: Demande reçue : vidéoprojecteur en panne", mail.subject()),
                () -> assertTrue(mail.text().startsWith("Merci, c'est réparé.\n"), mail.text()),
                () -> assertEquals(List.of("no"), mail.header("auto-submitted")),
                () -> assertEquals(List.of("mx.ac-creteil.fr; dmarc=pass header.from=ac-creteil.fr"),
                        mail.header("authentication-results")),
                () -> assertEquals(List.of("<guichet.request.0022928@ac-creteil.fr>"), mail.header("in-reply-to")),
                () -> assertTrue(mail.firstHeader("content-type").orElseThrow().startsWith("text/plain")),
                () -> assertTrue(mail.firstHeader("date").isPresent()),
                () -> assertTrue(mail.header("x-mailer").isEmpty()),
                () -> assertTrue(mail.files().isEmpty()));
        assertEquals(0, mailbox.folder("INBOX").size());
        assertEquals(1, mailbox.folder(DONE).size());
        assertEquals("<reponse-1@ac-creteil.fr>", mailbox.folder(DONE).get(0).getMessageID());
    }

    @Test
    void an_html_only_mail_becomes_plain_text_without_tags_scripts_or_styles() throws Exception {
        MimeMessage m = reply(null);
        m.setText("<html><head><style>p{color:red}</style><title>titre</title></head><body>"
                + "<script>alert('x')</script><p>Bonjour,</p><div>c'est <b>réparé</b>&nbsp;!<br>Merci</div>"
                + "<ul><li>un</li><li>deux</li></ul><a href=\"https://pirate.example/\">lien</a>"
                + "<div class=\"gmail_quote\">Le mar. 3 sept. 2026 à 10:12, Guichet a écrit :"
                + "<blockquote><p>Votre demande</p><p>est reçue</p></blockquote></div></body></html>",
                "UTF-8", "html");
        mailbox.send(m, TestMailbox.ADDRESS);

        recording().poll();

        assertEquals("Bonjour,\nc'est réparé !\nMerci\nun\ndeux\nlien\n"
                + "Le mar. 3 sept. 2026 à 10:12, Guichet a écrit :\n> Votre demande\n> est reçue",
                received.get(0).text());
    }

    @Test
    void the_plain_alternative_is_preferred_to_the_html_one() throws Exception {
        MimeMessage m = reply(null);
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("Texte brut", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>Texte <b>riche</b></p>", "UTF-8", "html");
        m.setContent(new MimeMultipart("alternative", plain, html));
        mailbox.send(m, TestMailbox.ADDRESS);

        recording().poll();

        assertEquals("Texte brut", received.get(0).text());
    }

    @Test
    void attached_files_and_inline_images_arrive_as_files_with_their_names_and_bytes() throws Exception {
        MimeMessage m = reply(null);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Voici le PDF.", "UTF-8");
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(PDF, "application/pdf")));
        pdf.setFileName("procédure écrite.pdf");
        pdf.setDisposition(Part.ATTACHMENT);
        MimeBodyPart image = new MimeBodyPart();
        image.setDataHandler(new DataHandler(new ByteArrayDataSource(PNG, "image/png")));
        image.setDisposition(Part.INLINE);
        image.setContentID("<capture@ac-creteil.fr>");
        MimeBodyPart note = new MimeBodyPart();
        note.setText("une note jointe", "UTF-8");
        note.setFileName("note.txt");
        m.setContent(new MimeMultipart(text, pdf, image, note));
        mailbox.send(m, TestMailbox.ADDRESS);

        recording().poll();

        InboundMail mail = received.get(0);
        assertEquals("Voici le PDF.", mail.text());
        assertEquals(List.of("procédure écrite.pdf", "piece-jointe-2.png", "note.txt"),
                mail.files().stream().map(Upload::name).toList());
        assertArrayEquals(PDF, read(mail.files().get(0)).getBytes(StandardCharsets.ISO_8859_1));
        assertArrayEquals(PNG, read(mail.files().get(1)).getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("une note jointe", read(mail.files().get(2)));
    }

    @Test
    void a_mail_whose_import_fails_stays_until_its_fifth_failure_then_goes_to_the_error_folder() throws Exception {
        mailbox.send(reply("Bonjour"), TestMailbox.ADDRESS);
        MailboxPoller failing = poller(mail -> {
            throw new IllegalStateException("a fault of this mail");
        });

        for (int attempt = 1; attempt < 5; attempt++) {
            assertEquals(new MailboxPoller.Poll(0, 1, 0, 0), failing.poll(), "attempt " + attempt);
            assertEquals(1, mailbox.folder("INBOX").size());
        }
        assertEquals(new MailboxPoller.Poll(0, 0, 1, 0), failing.poll());
        assertEquals(List.of("unreadable"), kept);
        assertEquals(0, mailbox.folder("INBOX").size());
        assertEquals(0, mailbox.folder(DONE).size());
        assertEquals(1, mailbox.folder(ERRORS).size());
    }

    @Test
    void a_failure_of_the_core_ends_the_poll_and_leaves_the_next_mails_untouched() throws Exception {
        mailbox.send(reply("Premier"), TestMailbox.ADDRESS);
        mailbox.send(reply("Second"), TestMailbox.ADDRESS);
        List<String> tried = new ArrayList<>();
        MailboxPoller failing = poller(mail -> {
            tried.add(mail.text());
            throw new IllegalStateException("database unavailable");
        });

        assertEquals(new MailboxPoller.Poll(0, 1, 0, 0), failing.poll());
        assertEquals(List.of("Premier"), tried);
        assertEquals(2, mailbox.folder("INBOX").size());

        assertEquals(new MailboxPoller.Poll(2, 0, 0, 0), recording().poll());
        assertEquals(2, mailbox.folder(DONE).size());
    }

    @Test
    void a_polls_mails_leave_together_after_their_imports_and_those_imported_before_a_core_failure_leave_too()
            throws Exception {
        for (String text : List.of("Premier", "Deuxième", "Troisième")) {
            mailbox.send(reply(text), TestMailbox.ADDRESS);
        }
        List<Integer> inboxDuringImports = new ArrayList<>();
        MailboxPoller poller = poller(mail -> {
            try {
                inboxDuringImports.add(mailbox.folder("INBOX").size());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
            if (mail.text().equals("Troisième")) {
                throw new IllegalStateException("database unavailable");
            }
            return new MailReceipt(MailReceipt.Outcome.UNATTACHED, Optional.empty(), "no-token");
        });

        assertEquals(new MailboxPoller.Poll(2, 1, 0, 0), poller.poll());
        assertEquals(List.of(3, 3, 3), inboxDuringImports);
        assertEquals(List.of("Troisième"), mailbox.folder("INBOX").stream().map(MailboxPollerTest::text).toList());
        assertEquals(2, mailbox.folder(DONE).size());
    }

    private static String text(MimeMessage m) {
        try {
            return ((String) m.getContent()).strip();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_mail_that_cannot_be_read_does_not_stop_the_others() throws Exception {
        mailbox.deliverRaw("From: marie.curie@ac-creteil.fr\r\nTo: guichet@ac-creteil.fr\r\nSubject: cassé\r\n"
                + "Message-ID: <casse@ac-creteil.fr>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"absente\"\r\n\r\nsans aucune limite\r\n");
        mailbox.send(reply("Lisible"), TestMailbox.ADDRESS);

        assertEquals(new MailboxPoller.Poll(1, 1, 0, 0), recording().poll());
        assertEquals(List.of("Lisible"), received.stream().map(InboundMail::text).toList());
        assertEquals(1, mailbox.folder("INBOX").size());
    }

    @Test
    void a_mail_another_node_moved_meanwhile_is_no_error() throws Exception {
        mailbox.send(reply("Bonjour"), TestMailbox.ADDRESS);
        MailboxPoller poller = poller(mail -> {
            try {
                mailbox.moveAll(DONE);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
            return new MailReceipt(MailReceipt.Outcome.DUPLICATE, Optional.empty(), "");
        });

        MailboxPoller.Poll poll = poller.poll();
        assertEquals(0, poll.failed() + poll.rejected(), poll.toString());
        assertEquals(0, mailbox.folder("INBOX").size());
        assertEquals(1, mailbox.folder(DONE).size());
        assertEquals(0, mailbox.folder(ERRORS).size());
    }

    @Test
    void two_nodes_polling_at_once_leave_every_mail_imported_once_in_the_done_folder() throws Exception {
        int mails = 30;
        for (int i = 0; i < mails; i++) {
            MimeMessage m = reply("Message " + i);
            m.setHeader("Message-ID", "<noeuds-" + i + "@ac-creteil.fr>");
            mailbox.send(m, TestMailbox.ADDRESS);
        }
        Set<String> imported = Collections.synchronizedSet(new HashSet<>());
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        Function<InboundMail, MailReceipt> core = mail -> {
            boolean first = imported.add(mail.messageId());
            if (!first) {
                duplicates.add(mail.messageId());
            }
            return new MailReceipt(first ? MailReceipt.Outcome.UNATTACHED : MailReceipt.Outcome.DUPLICATE,
                    Optional.empty(), "");
        };
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> polls = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                MailboxPoller poller = poller(core);
                polls.add(nodes.submit(() -> {
                    go.await();
                    mailbox.drainWith(poller);
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

        assertEquals(mails, imported.size());
        assertEquals(0, mailbox.folder("INBOX").size());
        assertEquals(mails, new HashSet<>(mailbox.folder(DONE).stream().map(MailboxPollerTest::id).toList()).size());
        assertEquals(0, mailbox.folder(ERRORS).size());
        assertFalse(duplicates.size() > mails);
    }

    private static String id(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_mail_larger_than_the_limit_goes_to_the_error_folder_unread() throws Exception {
        mailbox.send(reply("x".repeat(5_000)), TestMailbox.ADDRESS);
        MailboxPoller small = new MailboxPoller(mailbox.config(Duration.ofSeconds(30)).maxMessageBytes(1_000).build(),
                mail -> {
                    received.add(mail);
                    return new MailReceipt(MailReceipt.Outcome.UNATTACHED, Optional.empty(), "");
                }, this::keep);

        assertEquals(new MailboxPoller.Poll(0, 0, 1, 0), small.poll());
        assertTrue(received.isEmpty());
        assertEquals(List.of("too-large"), kept);
        assertEquals(1, mailbox.folder(ERRORS).size());
    }

    /** A mail whose parts are nested {@code levels} multiparts deep, its text at the bottom. */
    private static String nested(int levels) {
        StringBuilder mail = new StringBuilder("From: marie.curie@ac-creteil.fr\r\nTo: guichet@ac-creteil.fr\r\n"
                + "Subject: poupées russes\r\nMessage-ID: <gigogne@ac-creteil.fr>\r\nMIME-Version: 1.0\r\n");
        for (int level = 0; level < levels; level++) {
            mail.append("Content-Type: multipart/mixed; boundary=\"b").append(level).append("\"\r\n\r\n--b")
                    .append(level).append("\r\n");
        }
        mail.append("Content-Type: text/plain\r\n\r\ntout au fond\r\n");
        for (int level = levels - 1; level >= 0; level--) {
            mail.append("--b").append(level).append("--\r\n");
        }
        return mail.toString();
    }

    @Test
    void a_mail_nested_thousands_of_multiparts_deep_is_read_to_a_bounded_depth_and_the_next_one_imported()
            throws Exception {
        mailbox.deliverRaw(nested(4_000));
        mailbox.send(reply("Lisible"), TestMailbox.ADDRESS);
        MailboxPoller poller = new MailboxPoller(mailbox.config(Duration.ofSeconds(30))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(60)).build(), mail -> {
                    received.add(mail);
                    return new MailReceipt(MailReceipt.Outcome.UNATTACHED, Optional.empty(), "no-token");
                }, this::keep);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread smallStack = new Thread(null, () -> {
            try {
                outcome.set(poller.poll());
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "petite-pile", 136 * 1024);
        smallStack.start();
        smallStack.join();

        assertEquals(new MailboxPoller.Poll(2, 0, 0, 0), outcome.get());
        assertEquals(List.of("", "Lisible"), received.stream().map(InboundMail::text).toList());
        assertEquals(2, mailbox.folder(DONE).size());
    }

    @Test
    void an_error_thrown_while_importing_a_mail_neither_stops_the_polls_nor_the_next_mails() throws Exception {
        mailbox.send(reply("Premier"), TestMailbox.ADDRESS);
        mailbox.send(reply("Second"), TestMailbox.ADDRESS);
        AtomicInteger calls = new AtomicInteger();
        try (MailboxPoller poller = MailboxPoller.start(mailbox.config(Duration.ofMillis(100)).build(), mail -> {
            if (calls.incrementAndGet() == 1) {
                throw new StackOverflowError();
            }
            received.add(mail);
            return new MailReceipt(MailReceipt.Outcome.UNATTACHED, Optional.empty(), "no-token");
        }, this::keep)) {
            for (int wait = 0; wait < 300 && mailbox.folder(DONE).size() < 2; wait++) {
                Thread.sleep(100);
            }
        }

        assertEquals(List.of("Premier", "Second"), received.stream().map(InboundMail::text).toList());
        assertEquals(2, mailbox.folder(DONE).size());
    }

    @Test
    void a_core_unavailable_for_longer_than_the_attempts_leaves_the_mail_in_the_inbox_until_it_is_back()
            throws Exception {
        mailbox.send(reply("Bonjour"), TestMailbox.ADDRESS);
        TestWorld world = new TestWorld();
        MailboxPoller poller = new MailboxPoller(mailbox.config(Duration.ofSeconds(30)).build(),
                world.ticketing.receiveMail()::receive, world.ticketing.receiveMail()::keepUnreadable);
        world.db.setDown(true);

        for (int attempt = 1; attempt <= 8; attempt++) {
            assertEquals(new MailboxPoller.Poll(0, 1, 0, 0), poller.poll(), "attempt " + attempt);
        }
        assertEquals(1, mailbox.folder("INBOX").size());
        assertEquals(0, mailbox.folder(ERRORS).size());

        world.db.setDown(false);
        assertEquals(new MailboxPoller.Poll(1, 0, 0, 0), poller.poll());
        assertEquals(0, mailbox.folder("INBOX").size());
        assertEquals(1, mailbox.folder(DONE).size());
    }

    @Test
    void on_a_server_without_move_nor_uidplus_every_mail_is_imported_past_the_first_batch() throws Exception {
        int mails = 205;
        for (int i = 0; i < mails; i++) {
            mailbox.deliverRaw("From: marie.curie@ac-creteil.fr\r\nTo: guichet@ac-creteil.fr\r\nSubject: n° " + i
                    + "\r\nMessage-ID: <ancien-" + i + "@ac-creteil.fr>\r\n\r\nMessage " + i + "\r\n");
        }
        try (CapabilityHidingProxy old = new CapabilityHidingProxy(mailbox.imapPort, List.of("MOVE", "UIDPLUS"))) {
            MailboxPoller poller = new MailboxPoller(ImapConfig.builder("imap://127.0.0.1:" + old.port() + "/INBOX",
                    TestMailbox.LOGIN, TestMailbox.PASSWORD).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30))
                    .build(), mail -> {
                        received.add(mail);
                        return new MailReceipt(MailReceipt.Outcome.UNATTACHED, Optional.empty(), "no-token");
                    }, this::keep);

            assertEquals(new MailboxPoller.Poll(200, 0, 0, 0), poller.poll());
            assertEquals(new MailboxPoller.Poll(5, 0, 0, 0), poller.poll());
        }

        assertEquals(mails, new HashSet<>(received.stream().map(InboundMail::messageId).toList()).size());
        assertEquals(mails, mailbox.folder(DONE).size());
        assertEquals(0, mailbox.folder("INBOX").size());
    }

    @Test
    void a_mail_too_large_or_unreadable_is_kept_unattached_for_staff_from_its_headers_before_leaving_the_inbox()
            throws Exception {
        MimeMessage large = reply("x".repeat(5_000));
        large.setHeader("Message-ID", "<volumineux@ac-creteil.fr>");
        mailbox.send(large, TestMailbox.ADDRESS);
        mailbox.deliverRaw("From: paul.langevin@ac-creteil.fr\r\nTo: guichet@ac-creteil.fr\r\nSubject: illisible\r\n"
                + "Message-ID: <casse@ac-creteil.fr>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"absente\"\r\n\r\nsans aucune limite\r\n");
        TestWorld world = new TestWorld();
        MailboxPoller poller = new MailboxPoller(mailbox.config(Duration.ofSeconds(30)).maxMessageBytes(2_000)
                .build(), world.ticketing.receiveMail()::receive, world.ticketing.receiveMail()::keepUnreadable);

        for (int attempt = 1; attempt <= 5; attempt++) {
            poller.poll();
        }

        assertEquals(0, mailbox.folder("INBOX").size());
        assertEquals(2, mailbox.folder(ERRORS).size());
        List<LoggedMail> log = world.mailLog.all();
        assertEquals(List.of("too-large", "unreadable"), log.stream().map(LoggedMail::reason).toList());
        assertAll(() -> assertTrue(log.stream().allMatch(m -> m.outcome() == MailOutcome.UNATTACHED)),
                () -> assertEquals(List.of("marie.curie@ac-creteil.fr", "paul.langevin@ac-creteil.fr"),
                        log.stream().map(LoggedMail::sender).toList()),
                () -> assertEquals(List.of("Re: Demande reçue : vidéoprojecteur en panne", "illisible"),
                        log.stream().map(LoggedMail::subject).toList()),
                () -> assertTrue(log.get(0).text().contains("dossier Guichet-erreurs"), log.get(0).text()),
                () -> assertEquals("courriel illisible, laissé dans le dossier Guichet-erreurs",
                        MailReasons.french(log.get(1).reason())));
    }
}
