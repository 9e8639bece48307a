package fr.guichet.core.domain.calendar;

import fr.guichet.core.domain.DomainError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The school holidays of an académie's zone, as data: periods from the first day without classes to the day classes
 * resume (excluded), as the ministry publishes them. Read from text, one period a line:
 * {@code 2025-10-18 2025-11-03 Vacances de la Toussaint} (first day, day of return, label); blank lines and lines
 * starting with {@code #} are skipped. Immutable.
 */
public record SchoolHolidays(List<Period> periods) {

    /** The bundled file of zone C (Créteil, Paris, Versailles, Montpellier, Toulouse), 2025-2026 and 2026-2027. */
    public static final String ZONE_C = "vacances-zone-c.txt";

    /** None: every day is a school day. */
    public static final SchoolHolidays NONE = new SchoolHolidays(List.of());

    public SchoolHolidays {
        periods = List.copyOf(periods);
    }

    /** One period of holidays: from {@code first} to {@code resumes} (excluded), named {@code label}. */
    public record Period(LocalDate first, LocalDate resumes, String label) {

        public Period {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(resumes, "resumes");
            Objects.requireNonNull(label, "label");
            if (!resumes.isAfter(first)) {
                throw new IllegalArgumentException("holidays end before they begin: " + first + " " + resumes);
            }
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(first) && day.isBefore(resumes);
        }
    }

    /** How many days the periods cover, a day in several periods counted once. */
    public long days() {
        List<Period> sorted = periods.stream().sorted(Comparator.comparing(Period::first)).toList();
        long days = 0;
        LocalDate counted = LocalDate.MIN;
        for (Period p : sorted) {
            LocalDate first = p.first().isAfter(counted) ? p.first() : counted;
            if (p.resumes().isAfter(first)) {
                days += ChronoUnit.DAYS.between(first, p.resumes());
                counted = p.resumes();
            }
        }
        return days;
    }

    /**
     * The last day of return of the periods: after it, nothing is known of the holidays and every day counts as a
     * school day; none without periods.
     */
    public Optional<LocalDate> knownUntil() {
        return periods.stream().map(Period::resumes).max(Comparator.naturalOrder());
    }

    /** True when {@code day} falls in one of the periods. */
    public boolean contains(LocalDate day) {
        return periods.stream().anyMatch(p -> p.contains(day));
    }

    /** The periods in {@code text}, in the format above; a line that does not follow it is refused with its number. */
    public static SchoolHolidays parse(String text) {
        List<Period> periods = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s+", 3);
            try {
                periods.add(new Period(LocalDate.parse(cells[0]), LocalDate.parse(cells[1]),
                        cells.length > 2 ? cells[2] : ""));
            } catch (ArrayIndexOutOfBoundsException | DateTimeParseException | IllegalArgumentException e) {
                throw DomainError.invalid("schoolHolidays", "calendar.holidays.invalid", "Ligne " + (i + 1)
                        + " du calendrier des vacances : « " + line + " » n'est pas « premier-jour jour-de-reprise "
                        + "libellé » (dates AAAA-MM-JJ, reprise après le premier jour).").exception();
            }
        }
        return new SchoolHolidays(periods);
    }

    /** The bundled zone C holidays ({@link #ZONE_C}). */
    public static SchoolHolidays zoneC() {
        try (InputStream in = SchoolHolidays.class.getResourceAsStream(ZONE_C)) {
            return parse(new String(Objects.requireNonNull(in, ZONE_C).readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
