package fr.guichet.core.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The working time of the support platform: the opening hours of its working days, a working day being an opening
 * day that is no public holiday and, unless {@code schoolHolidaysWorked}, falls in no school holidays. Counts working
 * time in real elapsed time, so that an opening window crossing a daylight-saving change is an hour shorter or longer
 * that day. Immutable and thread-safe.
 */
public record SchoolCalendar(OpeningHours hours, SchoolHolidays schoolHolidays, boolean schoolHolidaysWorked) {

    /** How far {@link #plus} looks for working days before it gives up: ten years. */
    private static final int MAX_DAYS = 3660;

    public SchoolCalendar {
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(schoolHolidays, "schoolHolidays");
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
     * day's window exactly.
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
