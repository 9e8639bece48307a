package fr.guichet.core.domain.notification;

import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.session.ResetToken;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One e-mail to one recipient, as queued: its template, recipient, the request it is about (null for a mail about no
 * request: a password reset) and data. The data of every notification about a request holds {@code number} (7
 * digits), {@code summary}, {@code subject} (display), {@code status} (French), {@code requesterName} and
 * {@code recipientName}; values are the user's text, unescaped.
 */
public record Notification(TemplateKey template, EmailAddress recipient, String recipientName,
        RequestNumber request, Map<String, String> data) {

    public Notification {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(recipientName, "recipientName");
        data = Map.copyOf(data);
    }

    /**
     * The same mail without the data of a template that holds a secret ({@link TemplateKey#holdsSecret()}), which an
     * outbox keeps no longer than the mail waits to be sent.
     */
    public Notification withoutSecrets() {
        return template.holdsSecret() ? new Notification(template, recipient, recipientName, request, Map.of())
                : this;
    }

    /** This mail with {@code value} under {@code key} in its data, in place of any former one. */
    public Notification with(String key, String value) {
        Map<String, String> more = new HashMap<>(data);
        more.put(key, value);
        return new Notification(template, recipient, recipientName, request, more);
    }

    /** The mail to {@code person}, whose local account was just created, with the link that sets their password. */
    public static Notification accountCreated(Person person, ResetToken token) {
        return new Notification(TemplateKey.ACCOUNT_CREATED, person.email(), person.name().display(), null,
                Map.of("recipientName", person.name().display(), "identifier", person.id().value(),
                        "resetToken", token.value()));
    }

    /**
     * The mail to {@code member} of the group labelled {@code groupLabel}: the requests of {@code lines} (one a line),
     * assigned to {@code deactivated} until now, wait unassigned in the group's queue.
     */
    public static Notification requestsReturned(Person member, String groupLabel, Person deactivated,
            List<String> lines) {
        return new Notification(TemplateKey.REQUESTS_RETURNED_TO_GROUP, member.email(), member.name().display(), null,
                Map.of("recipientName", member.name().display(), "group", groupLabel,
                        "personName", deactivated.name().display(), "requests", String.join("\n", lines)));
    }

    /** The mail to {@code person} with the link that sets a new password, {@code token} being the link's secret. */
    public static Notification passwordReset(Person person, ResetToken token) {
        return new Notification(TemplateKey.PASSWORD_RESET, person.email(), person.name().display(), null,
                Map.of("recipientName", person.name().display(), "resetToken", token.value()));
    }
}
