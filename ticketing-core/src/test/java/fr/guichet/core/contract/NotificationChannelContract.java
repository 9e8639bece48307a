package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link NotificationChannel} promises: each template is delivered once to its one recipient. */
public abstract class NotificationChannelContract {

    protected abstract NotificationChannel channel();

    /** How many messages {@code recipient} has received through the channel so far. */
    protected abstract int receivedBy(EmailAddress recipient);

    /** A notification of {@code key} to {@code to}, with every data key any template uses. */
    public static Notification sample(TemplateKey key, Person to) {
        if (key == TemplateKey.PASSWORD_RESET) {
            return Notification.passwordReset(to, ResetToken.random());
        }
        Map<String, String> data = new HashMap<>();
        data.put("number", "0022928");
        data.put("summary", "perte d'identifiant « Mathenpoche » été");
        data.put("subject", "EVE – 4.2 – Mathenpoche");
        data.put("status", "résolue");
        data.put("requesterName", "Marc Montanes");
        data.put("recipientName", to.name().display());
        data.put("body", "Bonjour,\nvoici la réponse à votre demande.\nCordialement");
        data.put("author", "Alice Agent");
        data.put("group", "Spécialistes des applications disciplinaires");
        data.put("handledBy", "Samir Benali (Spécialistes des applications disciplinaires)");
        data.put("comment", "Merci de votre patience.");
        return new Notification(key, to.email(), to.name().display(), RequestNumber.of(22928), data);
    }

    @Test
    public void every_template_is_delivered_once_to_its_recipient() {
        for (TemplateKey key : TemplateKey.values()) {
            Person to = Fixtures.newRequester();
            OutboxEntry entry = OutboxEntry.queued(sample(key, to), Instant.parse("2030-01-01T00:00:00Z"));
            DeliveryResult result = channel().deliver(entry);
            assertInstanceOf(DeliveryResult.Delivered.class, result, key + ": " + result);
            assertEquals(1, receivedBy(to.email()), key.name());
        }
    }
}
