package fr.guichet.core.domain.request;

import static fr.guichet.core.domain.request.RequestGenerators.dates;
import static fr.guichet.core.domain.request.RequestGenerators.years;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class SchoolYearPropertiesTest {

    @Test
    void the_31st_of_august_ends_a_school_year_and_the_1st_of_september_begins_the_next() {
        qt().forAll(years()).checkAssert(year -> {
            LocalDate lastDay = LocalDate.of(year, 8, 31);
            LocalDate firstDay = LocalDate.of(year, 9, 1);
            assertEquals(new SchoolYear(year - 1), SchoolYear.of(lastDay));
            assertEquals(new SchoolYear(year), SchoolYear.of(firstDay));
            assertEquals(SchoolYear.of(lastDay).next(), SchoolYear.of(firstDay));
            assertEquals(lastDay, SchoolYear.of(lastDay).lastDay());
            assertEquals(firstDay, SchoolYear.of(firstDay).firstDay());
            assertEquals(year - 1 + "-" + year, SchoolYear.of(lastDay).toString());
            assertEquals(year + "-" + (year + 1), SchoolYear.of(firstDay).toString());
        });
    }

    @Test
    void the_school_year_of_a_day_contains_it_and_its_neighbours_do_not() {
        qt().forAll(dates()).checkAssert(date -> {
            SchoolYear year = SchoolYear.of(date);
            assertTrue(year.contains(date));
            assertFalse(year.next().contains(date));
            assertFalse(year.previous().contains(date));
            assertFalse(year.contains(year.firstDay().minusDays(1)));
            assertFalse(year.contains(year.lastDay().plusDays(1)));
        });
    }

    @Test
    void formatting_then_parsing_gives_the_same_year() {
        qt().forAll(integers().between(1900, 9998)).checkAssert(start -> {
            SchoolYear year = new SchoolYear(start);
            assertTrue(year.toString().matches("[0-9]{4}-[0-9]{4}"), year::toString);
            assertEquals(year, SchoolYear.parse(year.toString()));
        });
    }

    @Test
    void a_year_whose_two_halves_do_not_follow_each_other_is_refused() {
        qt().forAll(integers().between(1900, 9998), integers().between(0, 9999))
                .assuming((first, second) -> second != first + 1)
                .checkAssert((first, second) -> assertRefused(String.format("%04d-%04d", first, second)));
    }

    @Test
    void junk_is_refused() {
        qt().forAll(integers().between(1900, 9998), Generate.pick(List.of("%d-%d ", " %d-%d", "%d/%d", "%d–%d",
                "%d--%d", "%d-%d-", "%d%d", "+%d-%d"))).checkAssert((first, format) ->
                        assertRefused(String.format(format, first, first + 1)));
    }

    @Test
    void an_instant_belongs_to_the_school_year_between_its_start_and_end_in_the_zone() {
        List<ZoneId> zones = List.of(ZoneId.of("Europe/Paris"), ZoneId.of("UTC"), ZoneId.of("Pacific/Noumea"),
                ZoneId.of("America/Cayenne"), ZoneId.of("Indian/Reunion"));
        long from = Instant.parse("1901-09-02T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9997-08-30T00:00:00Z").getEpochSecond();
        qt().forAll(org.quicktheories.generators.SourceDSL.longs().between(from, to), Generate.pick(zones))
                .checkAssert((seconds, zone) -> {
                    Instant instant = Instant.ofEpochSecond(seconds);
                    SchoolYear year = SchoolYear.of(instant, zone);
                    assertFalse(instant.isBefore(year.start(zone)));
                    assertTrue(instant.isBefore(year.end(zone)));
                    assertEquals(year.next().start(zone), year.end(zone));
                });
    }

    private static void assertRefused(String text) {
        TicketingException e = assertThrows(TicketingException.class, () -> SchoolYear.parse(text), text);
        assertEquals(ErrorKind.INVALID, e.kind());
        assertEquals("schoolYear", e.errors().get(0).field());
    }
}
