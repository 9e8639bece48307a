package fr.guichet.core.domain.calendar;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.TicketingException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When the support platform works on a working day: from {@code opens} to {@code closes} (local time of {@code zone}),
 * on {@code days}. Immutable.
 */
public record OpeningHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone) {

    public OpeningHours {
        Objects.requireNonNull(zone, "zone");
        days = Set.copyOf(days);
        if (days.isEmpty() || opens == null || closes == null || !closes.isAfter(opens)) {
            throw DomainError.invalid("openingHours", "calendar.hours.invalid",
                    "Les horaires d'ouverture doivent compter au moins un jour et fermer après l'ouverture.")
                    .exception();
        }
    }

    /** Monday to Friday, 8:00 to 18:00, Europe/Paris. */
    public static OpeningHours defaults() {
        return new OpeningHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0),
                LocalTime.of(18, 0), ZoneId.of("Europe/Paris"));
    }

    /** Monday to Friday in {@code zone}, at the hours {@code text} gives as {@code HH:MM-HH:MM} ("08:00-18:00"). */
    public static OpeningHours parse(String text, ZoneId zone) {
        String[] ends = text.strip().split("-", -1);
        if (ends.length != 2) {
            throw unreadable();
        }
        try {
            return new OpeningHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.parse(ends[0].strip()),
                    LocalTime.parse(ends[1].strip()), zone);
        } catch (DateTimeParseException e) {
            throw unreadable();
        }
    }

    private static TicketingException unreadable() {
        return DomainError.invalid("openingHours", "calendar.hours.invalid",
                "Les horaires d'ouverture s'écrivent HH:MM-HH:MM, par exemple 08:00-18:00.").exception();
    }
}
