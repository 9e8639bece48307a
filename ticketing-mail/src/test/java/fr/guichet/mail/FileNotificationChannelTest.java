package fr.guichet.mail;

import static fr.guichet.core.contract.NotificationChannelContract.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.contract.NotificationChannelContract;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.testing.Fixtures;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file channel: each mail an .eml file named after its outbox entry. */
class FileNotificationChannelTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path folder;

    private NotificationChannel channel() {
        return TestMail.files(folder.resolve("mails"), TestMail.config(25).build());
    }

    @Nested
    class Contract extends NotificationChannelContract {
        private NotificationChannel channel;

        @Override
        protected NotificationChannel channel() {
            if (channel == null) {
                channel = FileNotificationChannelTest.this.channel();
            }
            return channel;
        }

        @Override
        protected int receivedBy(EmailAddress recipient) {
            return (int) mails().stream().filter(m -> TestMail.addressedTo(m, recipient)).count();
        }
    }

    @Test
    void each_mail_is_written_as_an_eml_file_named_after_its_entry() throws Exception {
        Person to = Fixtures.newRequester();
        OutboxEntry entry = OutboxEntry.queued(sample(TemplateKey.ANSWER_POSTED, to), NOW);

        assertInstanceOf(DeliveryResult.Delivered.class, channel().deliver(entry));

        Path file = folder.resolve("mails").resolve(entry.id() + ".eml");
        assertTrue(Files.isRegularFile(file));
        MimeMessage mail = read(file);
        assertEquals("[Guichet 0022928] Réponse à votre demande : perte d'identifiant « Mathenpoche » été",
                mail.getSubject());
        assertEquals("<guichet." + entry.id() + "@ac-creteil.fr>", mail.getMessageID());
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
        assertTrue(SmtpNotificationChannelTest.part(mail, "text/html")
                .contains("https://guichet.ac-creteil.fr/demandes/0022928"));
        assertTrue(SmtpNotificationChannelTest.part(mail, "text/plain").contains("Bonjour Élise Ñúñez,"));
    }

    @Test
    void a_resend_overwrites_the_file_rather_than_adding_one() {
        OutboxEntry entry = OutboxEntry.queued(sample(TemplateKey.REQUEST_RECEIVED, Fixtures.newRequester()), NOW);
        NotificationChannel channel = channel();

        channel.deliver(entry);
        channel.deliver(entry);

        assertEquals(List.of(entry.id() + ".eml"), names());
    }

    @Test
    void a_header_injection_attempt_writes_no_bcc_line() throws Exception {
        Person to = Fixtures.newRequester();
        Notification n = SmtpNotificationChannelTest.with(sample(TemplateKey.ANSWER_POSTED, to), "summary",
                "perte\r\nBcc: x@example.org\nTo: y@example.org");
        OutboxEntry entry = OutboxEntry.queued(n, NOW);

        channel().deliver(entry);

        String raw = Files.readString(folder.resolve("mails").resolve(entry.id() + ".eml"),
                StandardCharsets.US_ASCII);
        String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertFalse(headers.lines().anyMatch(l -> l.startsWith("Bcc:")), headers);
        assertEquals(1, headers.lines().filter(l -> l.startsWith("To:")).count(), headers);
        assertEquals(1, read(folder.resolve("mails").resolve(entry.id() + ".eml")).getAllRecipients().length);
    }

    @Test
    void the_helpdesk_itself_gets_no_file() {
        Notification n = sample(TemplateKey.NEW_REQUEST_FOR_GROUP, Fixtures.newRequester());
        Notification toHelpdesk = new Notification(n.template(), EmailAddress.of(TestMail.HELPDESK), "Plateforme",
                n.request(), n.data());

        DeliveryResult result = channel().deliver(OutboxEntry.queued(toHelpdesk, NOW));

        assertInstanceOf(DeliveryResult.PermanentFailure.class, result);
        assertEquals(List.of(), names());
    }

    @Test
    void a_folder_that_cannot_be_written_is_a_transient_failure() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("plain-file"), "x");
        NotificationChannel channel = TestMail.files(notAFolder, TestMail.config(25).build());

        DeliveryResult result = channel.deliver(OutboxEntry.queued(
                sample(TemplateKey.REQUEST_RECEIVED, Fixtures.newRequester()), NOW));

        assertInstanceOf(DeliveryResult.TransientFailure.class, result);
    }

    private List<String> names() {
        Path mails = folder.resolve("mails");
        if (!Files.isDirectory(mails)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(mails)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<MimeMessage> mails() {
        return names().stream().filter(n -> n.endsWith(".eml")).map(n -> read(folder.resolve("mails").resolve(n)))
                .toList();
    }

    private static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
