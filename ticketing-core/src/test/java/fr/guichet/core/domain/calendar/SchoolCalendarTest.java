package fr.guichet.core.domain.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.TicketingException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SchoolCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void public_holidays_follow_easter() {
        assertEquals(LocalDate.of(2026, 4, 5), PublicHolidays.easterSunday(2026));
        assertEquals(LocalDate.of(2027, 3, 28), PublicHolidays.easterSunday(2027));
        assertEquals(LocalDate.of(2000, 4, 23), PublicHolidays.easterSunday(2000));
        for (String day : new String[] {"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14",
            "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"}) {
            assertTrue(PublicHolidays.contains(LocalDate.parse(day)), day);
        }
        assertEquals(11, PublicHolidays.of(2027).size());
        assertEquals(10, PublicHolidays.of(2008).size(), "Ascension fell on 1 May 2008");
        assertFalse(PublicHolidays.contains(LocalDate.of(2026, 4, 5)));
    }

    @Test
    void the_bundled_zone_c_holidays_run_from_their_first_day_to_the_day_before_classes_resume() {
        SchoolHolidays zoneC = SchoolHolidays.zoneC();
        assertTrue(zoneC.contains(LocalDate.of(2026, 2, 21)));
        assertTrue(zoneC.contains(LocalDate.of(2026, 3, 8)));
        assertFalse(zoneC.contains(LocalDate.of(2026, 3, 9)));
        assertTrue(zoneC.contains(LocalDate.of(2027, 8, 31)));
        assertFalse(zoneC.contains(LocalDate.of(2026, 9, 1)));
        assertEquals(LocalDate.of(2027, 9, 1), zoneC.knownUntil().orElseThrow());
        assertTrue(SchoolHolidays.NONE.knownUntil().isEmpty());
    }

    @Test
    void a_line_out_of_format_is_refused_with_its_number() {
        TicketingException e = assertThrows(TicketingException.class,
                () -> SchoolHolidays.parse("# vacances\n2026-02-21 2026-03-09 Hiver\n2026-04-18 Printemps\n"));
        assertTrue(e.getMessage().contains("Ligne 3"), e.getMessage());
        assertThrows(TicketingException.class, () -> SchoolHolidays.parse("2026-03-09 2026-02-21 Hiver"));
        assertEquals(2, SchoolHolidays.parse("\n# x\n2026-02-21 2026-03-09\n2026-04-18 2026-05-04 Printemps\n")
                .periods().size());
    }

    @Test
    void working_hours_skip_nights_weekends_holidays_and_school_holidays_unless_they_are_worked() {
        SchoolCalendar calendar = SchoolCalendar.defaults();
        assertEquals(paris("2026-01-12T10:00"), calendar.plus(paris("2026-01-09T16:00"), Duration.ofHours(4)));
        assertEquals(paris("2026-05-04T10:00"), calendar.plus(paris("2026-04-30T17:00"), Duration.ofHours(2)));
        assertEquals(paris("2026-03-09T12:00"), calendar.plus(paris("2026-02-20T18:00"), Duration.ofHours(4)));
        SchoolCalendar worked = new SchoolCalendar(OpeningHours.defaults(), SchoolHolidays.zoneC(), true);
        assertEquals(paris("2026-02-23T12:00"), worked.plus(paris("2026-02-20T18:00"), Duration.ofHours(4)));
        assertEquals(Duration.ofHours(10), calendar.between(paris("2026-01-09T16:00"), paris("2026-01-12T16:00")));
    }

    @Test
    void opening_hours_read_from_text() {
        OpeningHours hours = OpeningHours.parse(" 07:30-17:45 ", PARIS);
        assertEquals(LocalTime.of(7, 30), hours.opens());
        assertThrows(TicketingException.class, () -> OpeningHours.parse("18:00-08:00", PARIS));
        assertThrows(TicketingException.class, () -> OpeningHours.parse("8h-18h", PARIS));
    }

    @Test
    void a_calendar_too_short_for_the_longest_target_in_ten_years_is_refused_in_french() {
        TicketingException half = assertThrows(TicketingException.class, () -> new SchoolCalendar(
                OpeningHours.parse("08:00-08:30", PARIS), SchoolHolidays.zoneC(), false));
        assertEquals("calendar.too_little_time", half.code());
        assertTrue(half.errors().get(0).message().contains("moins de 2000 heures ouvrées en dix ans"),
                half.errors().get(0).message());
        SchoolHolidays decade = SchoolHolidays.parse("2025-09-01 2035-09-01 Fermeture\n2030-01-01 2031-01-01 Doublon");
        assertEquals(3652, decade.days());
        assertThrows(TicketingException.class, () -> new SchoolCalendar(OpeningHours.defaults(), decade, false));
        SchoolCalendar worked = new SchoolCalendar(OpeningHours.defaults(), decade, true);
        assertEquals(paris("2026-01-12T10:00"), worked.plus(paris("2026-01-09T16:00"), Duration.ofHours(4)));
    }
}
