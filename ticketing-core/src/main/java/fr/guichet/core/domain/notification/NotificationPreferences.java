package fr.guichet.core.domain.notification;

import fr.guichet.core.domain.DomainError;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * What a staff member chose to receive: for the new requests of their groups ({@code newInGroups}: each, digest or
 * none) and for the requests assigned to them ({@code assignedToMe}: each or digest, never none), and the hour of the
 * day (0 to 23, in the authority's time zone) their digest leaves. Refuses anything else with the field at fault.
 */
public record NotificationPreferences(Delivery newInGroups, Delivery assignedToMe, int digestHour) {

    /** What a person who never chose receives: every mail at once, a digest (if they pick one) at 8 o'clock. */
    public static final NotificationPreferences DEFAULT = new NotificationPreferences(Delivery.EACH, Delivery.EACH, 8);

    public NotificationPreferences {
        if (newInGroups == null) {
            throw DomainError.invalid("newInGroups", "notifications.required",
                    "Choisissez comment recevoir les nouvelles demandes de vos groupes.").exception();
        }
        if (assignedToMe == null || assignedToMe == Delivery.NONE) {
            throw DomainError.invalid("assignedToMe", "notifications.assigned",
                    "Les demandes qui vous sont attribuées vous sont envoyées à chaque fois ou dans le récapitulatif.")
                    .exception();
        }
        if (digestHour < 0 || digestHour > 23) {
            throw DomainError.invalid("digestHour", "notifications.hour",
                    "L'heure du récapitulatif est une heure entière de 0 à 23.").exception();
        }
    }

    /** True when one kind or the other goes to the digest. */
    public boolean digest() {
        return newInGroups == Delivery.DIGEST || assignedToMe == Delivery.DIGEST;
    }

    /**
     * The start of the digest period that {@code now} closes: the last time it was {@code digestHour} o'clock in
     * {@code zone}, at or before {@code now}. A digest gathers what was held before it.
     */
    public Instant lastDigestTime(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = ZonedDateTime.of(local.toLocalDate(), LocalTime.of(digestHour, 0), zone);
        return (today.isAfter(local) ? today.minusDays(1) : today).toInstant();
    }

    /** The delivery chosen for a mail of {@code template} to its staff recipient; EACH for mail not chosen here. */
    public Delivery deliveryOf(TemplateKey template) {
        if (template == TemplateKey.NEW_REQUEST_FOR_GROUP) {
            return newInGroups;
        }
        return template.aboutAssignedRequest() ? assignedToMe : Delivery.EACH;
    }
}
