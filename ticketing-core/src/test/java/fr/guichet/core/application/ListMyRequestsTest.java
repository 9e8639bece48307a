package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListMyRequestsTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());

    /** Files a request at {@code at} (a UTC instant) and returns its number. */
    private RequestNumber fileAt(String at, Person who) {
        world.clock.set(Instant.parse(at));
        return Scenario.file(world, who);
    }

    @Test
    void the_current_school_year_is_listed_by_default_newest_first() {
        RequestNumber lastYear = fileAt("2008-08-31T21:59:00Z", requester);
        RequestNumber firstDay = fileAt("2008-08-31T22:00:00Z", requester);
        RequestNumber later = fileAt("2008-10-15T09:00:00Z", requester);
        RequestNumber latest = fileAt("2009-08-31T21:00:00Z", requester);
        world.clock.set(Instant.parse("2009-01-10T10:00:00Z"));

        Page<RequestLine> page = world.ticketing.listMyRequests().list(requester, null, PageRequest.first());

        assertEquals(new SchoolYear(2008), world.ticketing.listMyRequests().currentSchoolYear());
        assertEquals(List.of(latest, later, firstDay), numbers(page));
        assertEquals(3, page.total());
        assertEquals(List.of(lastYear), numbers(world.ticketing.listMyRequests().list(requester,
                new SchoolYear(2007), PageRequest.first())));
    }

    @Test
    void a_line_shows_the_number_summary_subject_establishment_and_requester() {
        fileAt("2008-09-01T08:00:00Z", requester);

        RequestLine line = world.ticketing.listMyRequests().list(requester, null, PageRequest.first()).items().get(0);

        assertEquals("0000001", line.request().number().display());
        assertEquals("perte d'identifiant", line.request().summary().value());
        assertEquals("EVE \u2013 4.2 \u2013 Mathenpoche", line.subjectDisplay());
        assertEquals("difficulté d'utilisation/installation", line.typeLabel());
        assertEquals("0941295X", line.request().establishment().value());
        assertEquals("Ñúñez Élise", line.request().requester().name().listed());
    }

    @Test
    void the_list_comes_a_page_at_a_time_with_the_total() {
        RequestNumber[] filed = new RequestNumber[5];
        for (int i = 0; i < filed.length; i++) {
            filed[i] = fileAt("2008-09-0" + (i + 1) + "T09:00:00Z", requester);
        }
        world.clock.set(Instant.parse("2008-09-10T09:00:00Z"));

        Page<RequestLine> first = world.ticketing.listMyRequests().list(requester, null, new PageRequest(1, 2));
        Page<RequestLine> third = world.ticketing.listMyRequests().list(requester, null, new PageRequest(3, 2));
        Page<RequestLine> beyond = world.ticketing.listMyRequests().list(requester, null, new PageRequest(4, 2));

        assertEquals(List.of(filed[4], filed[3]), numbers(first));
        assertEquals(1, first.firstIndex());
        assertEquals(2, first.lastIndex());
        assertEquals(5, first.total());
        assertEquals(List.of(filed[0]), numbers(third));
        assertEquals(5, third.firstIndex());
        assertEquals(List.of(), numbers(beyond));
        assertEquals(5, beyond.total());
    }

    @Test
    void someone_elses_requests_are_not_in_my_list() {
        Person other = join(world, Fixtures.newRequester());
        RequestNumber mine = fileAt("2008-09-02T09:00:00Z", requester);
        fileAt("2008-09-03T09:00:00Z", other);

        assertEquals(List.of(mine), numbers(world.ticketing.listMyRequests().list(requester, null,
                PageRequest.first())));
    }

    private static List<RequestNumber> numbers(Page<RequestLine> page) {
        return page.items().stream().map(l -> l.request().number()).toList();
    }
}
