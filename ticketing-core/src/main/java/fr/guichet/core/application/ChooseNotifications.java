package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.notification.Delivery;
import fr.guichet.core.domain.notification.NotificationPreferences;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import java.util.List;
import java.util.Locale;

/**
 * A staff member reads and changes what they are mailed: each mail, a daily digest or nothing for their groups' new
 * requests, each mail or the digest for the requests assigned to them, and the digest's hour. Staff only.
 */
public final class ChooseNotifications {

    private final UnitOfWork unitOfWork;
    private final PersonRegistry registry;

    ChooseNotifications(UnitOfWork unitOfWork, PersonRegistry registry) {
        this.unitOfWork = unitOfWork;
        this.registry = registry;
    }

    /** What {@code viewer} receives: their choice, or the default when they never chose. */
    public NotificationPreferences current(Person viewer) {
        Access.requireActive(viewer);
        Access.requireStaff(viewer);
        return unitOfWork.inTransaction(() -> registry.preferences(List.of(viewer.id()))
                .getOrDefault(viewer.id(), NotificationPreferences.DEFAULT));
    }

    /**
     * Records what {@code viewer} chose, given as the codes {@code EACH}, {@code DIGEST} or {@code NONE} and an hour;
     * an unknown code or a missing value is refused with its field.
     */
    public NotificationPreferences choose(Person viewer, String newInGroups, String assignedToMe, Integer digestHour) {
        Access.requireActive(viewer);
        Access.requireStaff(viewer);
        if (digestHour == null) {
            throw DomainError.invalid("digestHour", "notifications.hour",
                    "L'heure du récapitulatif est une heure entière de 0 à 23.").exception();
        }
        NotificationPreferences chosen = new NotificationPreferences(delivery("newInGroups", newInGroups),
                delivery("assignedToMe", assignedToMe), digestHour);
        unitOfWork.run(() -> registry.savePreferences(viewer.id(), chosen));
        return chosen;
    }

    private static Delivery delivery(String field, String code) {
        try {
            return code == null ? null : Delivery.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainError.invalid(field, "notifications.delivery",
                    "Choisissez : chaque courriel, le récapitulatif quotidien ou aucun courriel.").exception();
        }
    }
}
