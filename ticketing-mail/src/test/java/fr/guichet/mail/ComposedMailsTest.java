package fr.guichet.mail;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.request.RequestNumber;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The mails {@link MailComposer} writes, byte for byte, against the golden files under
 * {@code src/test/resources/fr/guichet/mail/composed/}: every template in French and one in English, with accents,
 * lines longer than quoted-printable's 76 characters, HTML to escape, a message's files, a reply tag and a survey link,
 * on a fixed clock, entry ids and time zone (Europe/Paris). Only the multipart boundary, drawn by Jakarta Mail, is
 * masked ({@value #BOUNDARY}), and the files hold LF where the mails hold CRLF, which the test checks apart.
 *
 * <p>When a change to the mails is intended, write the files again and review their diff before committing it:
 * {@code mvn -B -o -pl ticketing-mail test -Dtest=ComposedMailsTest -Dguichet.mail.golden=write} (the property
 * rewrites the files in the source tree, from the module's folder, instead of comparing).
 */
class ComposedMailsTest {

    private static final String BOUNDARY = "BOUNDARY";
    private static final Pattern JAKARTA_BOUNDARY = Pattern.compile("----=_Part_\\d+_\\d+\\.\\d+");
    private static final Path GOLDEN = Path.of("src/test/resources/fr/guichet/mail/composed");
    private static final Instant NOW = Instant.parse("2026-03-16T08:30:05Z");
    private static final ReplyKeys KEYS = ReplyKeys.of(List.of("une clé de test des mails composés"));
    private static final String LONG_LINE = "Le manuel numérique « Mathenpoche » de la classe de 4e ne s'ouvre plus "
            + "depuis la mise à jour de l'ENT : l'élève voit une page blanche, puis « accès refusé » ; voyez la capture.";

    @Test
    void every_template_is_composed_as_its_golden_file() throws Exception {
        Map<String, String> composed = new LinkedHashMap<>();
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris"));
        try {
            MailComposer french = composer(Locale.FRENCH);
            for (TemplateKey key : TemplateKey.values()) {
                composed.put("fr-" + key.name().toLowerCase(Locale.ROOT), write(french, key));
            }
            composed.put("en-answer_posted", write(composer(Locale.ENGLISH), TemplateKey.ANSWER_POSTED));
        } finally {
            TimeZone.setDefault(zone);
        }
        if ("write".equals(System.getProperty("guichet.mail.golden"))) {
            Files.createDirectories(GOLDEN);
            for (Map.Entry<String, String> mail : composed.entrySet()) {
                Files.writeString(GOLDEN.resolve(mail.getKey() + ".eml"), golden(mail.getValue()));
            }
        }
        assertAll(composed.entrySet().stream().map(mail -> (Executable) () -> {
            assertFalse(Pattern.compile("[^\r]\n|\r[^\n]").matcher(mail.getValue()).find(),
                    mail.getKey() + ": a line not ended by CRLF");
            assertEquals(Files.readString(GOLDEN.resolve(mail.getKey() + ".eml")), golden(mail.getValue()),
                    mail.getKey());
        }));
    }

    private static MailComposer composer(Locale locale) {
        MailConfig config = TestMail.config(25).locale(locale).replyKeys(KEYS).build();
        return new MailComposer(config, Templates.load(locale, Optional.empty()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The mail of {@code key} to Élise Ñúñez about request 0022928, as sent. */
    private static String write(MailComposer composer, TemplateKey key) throws Exception {
        Notification n = new Notification(key, EmailAddress.of("elise.nunez@ac-creteil.fr"), "Élise Ñúñez",
                key.aboutNoRequest() ? null : RequestNumber.of(22928), data(key));
        OutboxEntry entry = new OutboxEntry(UUID.nameUUIDFromBytes(key.name().getBytes(StandardCharsets.UTF_8)), n,
                OutboxEntry.DeliveryState.PENDING, 0, NOW, NOW, null);
        MimeMessage mail = composer.mailOf(entry, Session.getInstance(new Properties()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        mail.writeTo(bytes);
        return JAKARTA_BOUNDARY.matcher(bytes.toString(StandardCharsets.UTF_8)).replaceAll(BOUNDARY);
    }

    /** What the golden file of {@code mail} holds: the mail with LF line ends. */
    private static String golden(String mail) {
        return mail.replace("\r\n", "\n");
    }

    /** What a mail of {@code key} is given: every name a template may use, the secrets of the two that hold one. */
    private static Map<String, String> data(TemplateKey key) {
        Map<String, String> data = new HashMap<>();
        data.put("recipientName", "Élise Ñúñez");
        if (key == TemplateKey.PASSWORD_RESET || key == TemplateKey.ACCOUNT_CREATED) {
            data.put("resetToken", "jeton-de-test-0123456789");
            data.put("identifier", "enunez");
            return data;
        }
        data.put("number", "0022928");
        data.put("summary", "Perte d'identifiant « Mathenpoche » – élève de 4e <b>urgent</b> & co");
        data.put("subject", "EVE – 4.2 – Mathenpoche");
        data.put("status", "résolue");
        data.put("requesterName", "Marc Montanès");
        data.put("body", "Bonjour,\n" + LONG_LINE + "\nCordialement,\n<script>alert('é')</script>");
        data.put("author", "Alice Agent-Dupré");
        data.put("group", "Spécialistes des applications disciplinaires");
        data.put("handledBy", "Samir Benali (Spécialistes des applications disciplinaires)");
        data.put("comment", "Merci de votre patience ; la mise à jour est prévue pour la rentrée.");
        data.put("attachments", "capture d'écran.png (340 Ko)\nprocès-verbal « ENT ».pdf (1,2 Mo)");
        data.put("resolvesOn", "21 mars 2026");
        data.put("personName", "Léa Müller");
        data.put("requests", "n° 0022928 – Perte d'identifiant « Mathenpoche »\nn° 0022931 – " + LONG_LINE);
        data.put("count", "2");
        data.put("numbers", "0022928,0022931");
        return data;
    }
}
