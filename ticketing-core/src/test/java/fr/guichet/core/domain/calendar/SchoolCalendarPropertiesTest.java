package fr.guichet.core.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.subject.ServiceTargets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Working-time arithmetic of the school calendar, on instants spread over 2025–2028 (weekends, public holidays, zone C
 * school holidays and eight daylight-saving changes), with the default calendar and with one open every day across
 * the night of the changes.
 */
class SchoolCalendarPropertiesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final SchoolCalendar DEFAULT = SchoolCalendar.defaults();
    /** Open every day from 1:00 to 4:00, Paris time: the daylight-saving changes at 2:00 or 3:00 fall inside. */
    private static final SchoolCalendar NIGHTS = new SchoolCalendar(new OpeningHours(EnumSet.allOf(DayOfWeek.class),
            LocalTime.of(1, 0), LocalTime.of(4, 0), PARIS), SchoolHolidays.zoneC(), true);
    private static final Instant FROM = Instant.parse("2025-08-25T00:00:00Z");
    private static final Instant TO = Instant.parse("2028-06-30T00:00:00Z");

    /** The Sundays of the daylight-saving changes between {@link #FROM} and {@link #TO}. */
    private static final List<LocalDate> CHANGES = List.of(LocalDate.of(2025, 10, 26), LocalDate.of(2026, 3, 29),
            LocalDate.of(2026, 10, 25), LocalDate.of(2027, 3, 28), LocalDate.of(2027, 10, 31),
            LocalDate.of(2028, 3, 26));

    /** Instants to the minute between {@link #FROM} and {@link #TO}, a third of them on the days of a change. */
    private static Gen<Instant> instants() {
        Gen<Instant> any = longs().between(0, Duration.between(FROM, TO).toMinutes())
                .map(m -> FROM.plus(Duration.ofMinutes(m)));
        Gen<Instant> changeDays = integers().between(0, CHANGES.size() - 1).zip(integers().between(0, 25 * 60 - 1),
                (i, minute) -> CHANGES.get(i).atStartOfDay(PARIS).toInstant().plus(Duration.ofMinutes(minute)));
        return any.mix(changeDays, 33);
    }

    /** Working times from none to 300 hours, to the minute. */
    private static Gen<Duration> workingTimes() {
        return integers().between(0, 300 * 60).map(Duration::ofMinutes);
    }

    @Test
    void adding_lands_within_opening_hours_of_a_working_day() {
        for (SchoolCalendar calendar : new SchoolCalendar[] {DEFAULT, NIGHTS}) {
            qt().forAll(instants(), workingTimes().assuming(d -> !d.isZero())).checkAssert((t, d) -> {
                Instant due = calendar.plus(t, d);
                assertTrue(calendar.isOpen(due), t + " + " + d + " = " + due);
            });
        }
    }

    @Test
    void adding_is_monotonic_in_the_start_and_in_the_working_time() {
        for (SchoolCalendar calendar : new SchoolCalendar[] {DEFAULT, NIGHTS}) {
            qt().forAll(instants(), instants(), workingTimes(), workingTimes()).checkAssert((a, b, d, e) -> {
                Instant early = a.isBefore(b) ? a : b;
                Instant late = a.isBefore(b) ? b : a;
                assertFalse(calendar.plus(early, d).isAfter(calendar.plus(late, d)), early + " " + late + " " + d);
                Duration less = d.compareTo(e) < 0 ? d : e;
                Duration more = d.compareTo(e) < 0 ? e : d;
                assertFalse(calendar.plus(a, less).isAfter(calendar.plus(a, more)), a + " " + less + " " + more);
            });
        }
    }

    @Test
    void adding_twice_is_adding_the_sum() {
        for (SchoolCalendar calendar : new SchoolCalendar[] {DEFAULT, NIGHTS}) {
            qt().forAll(instants(), workingTimes(), workingTimes()).checkAssert((t, a, b) ->
                    assertEquals(calendar.plus(t, a.plus(b)), calendar.plus(calendar.plus(t, a), b), t + " " + a + " "
                            + b));
        }
    }

    @Test
    void between_undoes_adding() {
        for (SchoolCalendar calendar : new SchoolCalendar[] {DEFAULT, NIGHTS}) {
            qt().forAll(instants(), workingTimes()).checkAssert((t, d) ->
                    assertEquals(d, calendar.between(t, calendar.plus(t, d)), t + " + " + d));
        }
    }

    @Test
    void adding_the_time_between_reaches_the_end_in_working_time() {
        for (SchoolCalendar calendar : new SchoolCalendar[] {DEFAULT, NIGHTS}) {
            qt().forAll(instants(), instants()).checkAssert((a, b) -> {
                Instant from = a.isBefore(b) ? a : b;
                Instant to = a.isBefore(b) ? b : a;
                Duration worked = calendar.between(from, to);
                Instant reached = calendar.plus(from, worked);
                assertFalse(reached.isAfter(to), from + " " + to);
                assertEquals(Duration.ZERO, calendar.between(reached, to), from + " " + to);
            });
        }
    }

    @Test
    void between_adds_up_over_a_middle_instant() {
        for (SchoolCalendar calendar : new SchoolCalendar[] {DEFAULT, NIGHTS}) {
            qt().forAll(instants(), instants(), instants()).checkAssert((a, b, c) -> {
                Instant[] s = Stream.of(a, b, c).sorted().toArray(Instant[]::new);
                assertEquals(calendar.between(s[0], s[2]),
                        calendar.between(s[0], s[1]).plus(calendar.between(s[1], s[2])), a + " " + b + " " + c);
            });
        }
    }

    @Test
    void a_night_of_daylight_saving_change_is_an_hour_shorter_in_spring_and_longer_in_autumn() {
        Instant spring = LocalDate.of(2026, 3, 29).atStartOfDay(PARIS).toInstant();
        Instant autumn = LocalDate.of(2026, 10, 25).atStartOfDay(PARIS).toInstant();
        assertEquals(Duration.ofHours(2), NIGHTS.between(spring, spring.plus(Duration.ofDays(1))));
        assertEquals(Duration.ofHours(4), NIGHTS.between(autumn, autumn.plus(Duration.ofDays(1))));
        assertEquals(Duration.ofHours(3), NIGHTS.between(spring.minus(Duration.ofDays(1)), spring));
    }

    /**
     * Calendars of any opening days, window and school holidays (up to three periods of up to six years, from 2025 to
     * 2034): each is refused, or reaches the longest target a subject may have from any instant of those years.
     */
    @Test
    void a_calendar_accepted_reaches_the_longest_target_from_any_instant() {
        Gen<OpeningHours> hours = integers().between(1, 127).zip(integers().between(0, 23 * 60 - 1),
                integers().between(1, 600), (mask, opens, minutes) -> new OpeningHours(
                        EnumSet.copyOf(Stream.of(DayOfWeek.values()).filter(d -> (mask >> d.ordinal() & 1) == 1)
                                .toList()), LocalTime.ofSecondOfDay(opens * 60L),
                        LocalTime.ofSecondOfDay(Math.min(24 * 60 - 1, opens + minutes) * 60L), PARIS));
        Gen<SchoolHolidays.Period> period = integers().between(0, 3650).zip(integers().between(1, 6 * 366),
                (start, length) -> new SchoolHolidays.Period(LocalDate.of(2025, 1, 1).plusDays(start),
                        LocalDate.of(2025, 1, 1).plusDays(start + length), "Vacances"));
        Gen<SchoolHolidays> holidays = lists().of(period).ofSizeBetween(0, 3).map(SchoolHolidays::new);
        Gen<Instant> from = longs().between(0, Duration.ofDays(3650).toMinutes())
                .map(m -> Instant.parse("2025-01-01T00:00:00Z").plus(Duration.ofMinutes(m)));
        qt().withExamples(300).forAll(hours, holidays, booleans().all(), from).checkAssert((h, s, worked, t) -> {
            SchoolCalendar calendar;
            try {
                calendar = new SchoolCalendar(h, s, worked);
            } catch (TicketingException refused) {
                assertEquals("calendar.too_little_time", refused.code());
                return;
            }
            Instant due = calendar.plus(t, Duration.ofHours(ServiceTargets.MAX_HOURS));
            assertEquals(Duration.ofHours(ServiceTargets.MAX_HOURS), calendar.between(t, due));
        });
    }
}
