package fr.guichet.core.domain.notification;

import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.request.RequestNumber;
import java.util.Map;
import java.util.Objects;

/**
 * One e-mail to one recipient, as queued: its template, recipient and data. Every notification's data holds
 * {@code number} (7 digits), {@code summary}, {@code subject} (display), {@code status} (French),
 * {@code requesterName} and {@code recipientName}; values are the user's text, unescaped.
 */
public record Notification(TemplateKey template, EmailAddress recipient, String recipientName,
        RequestNumber request, Map<String, String> data) {

    public Notification {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(recipientName, "recipientName");
        Objects.requireNonNull(request, "request");
        data = Map.copyOf(data);
    }
}
