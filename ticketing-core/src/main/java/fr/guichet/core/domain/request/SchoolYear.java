package fr.guichet.core.domain.request;

import fr.guichet.core.domain.DomainError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school year, {@code 2008-2009}: from 1 September of its first year to 31 August of the next, inclusive. */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    private static final Pattern FORMAT = Pattern.compile("([0-9]{4})-([0-9]{4})");

    public SchoolYear {
        if (startYear < 1900 || startYear > 9998) {
            throw invalid();
        }
    }

    public static SchoolYear parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw invalid();
        }
        return new SchoolYear(Integer.parseInt(m.group(1)));
    }

    private static RuntimeException invalid() {
        return DomainError.invalid("schoolYear", "school_year.invalid",
                "L'année scolaire est invalide (par exemple 2008-2009).").exception();
    }

    public static SchoolYear of(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1);
    }

    public static SchoolYear of(Instant instant, ZoneId zone) {
        return of(LocalDate.ofInstant(instant, zone));
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.SEPTEMBER, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.AUGUST, 31);
    }

    /** The first instant of the year in {@code zone}. */
    public Instant start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    /** The first instant after the year in {@code zone}. */
    public Instant end(ZoneId zone) {
        return next().start(zone);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public SchoolYear next() {
        return new SchoolYear(startYear + 1);
    }

    public SchoolYear previous() {
        return new SchoolYear(startYear - 1);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1);
    }
}
