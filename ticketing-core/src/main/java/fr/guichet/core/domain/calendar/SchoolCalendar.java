package fr.guichet.core.domain.calendar;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.subject.ServiceTargets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The working time of the support platform: the opening hours of its working days, a working day being an opening
 * day that is no public holiday and, unless {@code schoolHolidaysWorked}, falls in no school holidays. Counts working
 * time in real elapsed time, so that an opening window crossing a daylight-saving change is an hour shorter or longer
 * that day. Holds at least {@link ServiceTargets#MAX_HOURS} working hours in any ten years, so that every target a
 * subject may have falls due: a calendar that would not is refused. Immutable and thread-safe.
 */
public record SchoolCalendar(OpeningHours hours, SchoolHolidays schoolHolidays, boolean schoolHolidaysWorked) {

    /** How far {@link #plus} looks for working days before it gives up: ten years. */
    private static final int MAX_DAYS = 3660;

    /** Public holidays in the at most eleven calendar years that {@link #MAX_DAYS} days touch. */
    private static final int MAX_PUBLIC_HOLIDAYS = 11 * 11;

    /** Days whose opening window a daylight-saving change may shorten in those years, two a year. */
    private static final int MAX_CHANGES = 2 * 11;

    public SchoolCalendar {
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(schoolHolidays, "schoolHolidays");
        if (leastWorkingTime(hours, schoolHolidaysWorked ? 0 : schoolHolidays.days())
                .compareTo(Duration.ofHours(ServiceTargets.MAX_HOURS)) < 0) {
            throw DomainError.invalid("openingHours", "calendar.too_little_time", "Les horaires d'ouverture et "
                    + "les vacances scolaires laissent moins de " + ServiceTargets.MAX_HOURS + " heures ouvrées en "
                    + "dix ans : les échéances des objectifs de service ne pourraient pas toutes être calculées.")
                    .exception();
        }
    }

    /**
     * A floor of the working time in any {@link #MAX_DAYS} days: the opening days of the week each come 522 times
     * at least, less the first (begun late), the public holidays, the days of a daylight-saving change and
     * {@code holidayDays}, each counted as a whole window lost.
     */
    private static Duration leastWorkingTime(OpeningHours hours, long holidayDays) {
        long days = (long) (MAX_DAYS / 7) * hours.days().size() - 1 - MAX_PUBLIC_HOLIDAYS - MAX_CHANGES
                - holidayDays;
        return Duration.between(hours.opens(), hours.closes()).multipliedBy(Math.max(0, days));
    }

    /** Monday to Friday 8:00–18:00 Europe/Paris, public holidays and the bundled zone C school holidays off. */
    public static SchoolCalendar defaults() {
        return new SchoolCalendar(OpeningHours.defaults(), SchoolHolidays.zoneC(), false);
    }

    /** True when the platform works on {@code day}. */
    public boolean isWorkingDay(LocalDate day) {
        return hours.days().contains(day.getDayOfWeek()) && !PublicHolidays.contains(day)
                && (schoolHolidaysWorked || !schoolHolidays.contains(day));
    }

    /** True when {@code at} falls in the opening hours of a working day, both ends included. */
    public boolean isOpen(Instant at) {
        LocalDate day = at.atZone(hours.zone()).toLocalDate();
        return isWorkingDay(day) && !at.isBefore(opening(day)) && !at.isAfter(closing(day));
    }

    /**
     * The instant {@code workingTime} (not negative) of working time after {@code from}: {@code from} itself for none,
     * else an instant within the opening hours of a working day, the closing time itself when the time left fills that
     * day's window exactly. Always found for up to {@link ServiceTargets#MAX_HOURS} hours, which the calendar holds.
     */
    public Instant plus(Instant from, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("negative working time: " + workingTime);
        }
        if (workingTime.isZero()) {
            return from;
        }
        Duration left = workingTime;
        LocalDate day = from.atZone(hours.zone()).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant close = closing(day);
            Instant start = from.isAfter(opening(day)) ? from : opening(day);
            if (!start.isBefore(close)) {
                continue;
            }
            Duration open = Duration.between(start, close);
            if (left.compareTo(open) <= 0) {
                return start.plus(left);
            }
            left = left.minus(open);
        }
        throw new IllegalStateException("no working day in " + MAX_DAYS + " days after " + from);
    }

    /** The working time between {@code from} and {@code to}; none when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        LocalDate last = to.atZone(hours.zone()).toLocalDate();
        for (LocalDate day = from.atZone(hours.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant start = from.isAfter(opening(day)) ? from : opening(day);
            Instant end = to.isBefore(closing(day)) ? to : closing(day);
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /** The instant {@code hours} working hours after {@code from}, or null when {@code hours} is null (no target). */
    public Instant plusHours(Instant from, Integer workingHours) {
        return workingHours == null ? null : plus(from, Duration.ofHours(workingHours));
    }

    private Instant opening(LocalDate day) {
        return ZonedDateTime.of(day, hours.opens(), hours.zone()).toInstant();
    }

    private Instant closing(LocalDate day) {
        return ZonedDateTime.of(day, hours.closes(), hours.zone()).toInstant();
    }
}
