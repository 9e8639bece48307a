package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.ServiceLevel;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.ServiceTargets;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dues from the subjects' targets in working hours (Monday to Friday, 8:00–18:00 Paris), the first public staff
 * answer, the clock stopped while the request waits on its requester or is resolved, late and breached.
 */
class ServiceLevelsTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final ServiceLevels levels = world.ticketing.serviceLevels();

    /** 1 September 2008 was a Monday. */
    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Paris")).toInstant();
    }

    private void target(SubjectCode code, Integer firstAnswerHours, Integer resolutionHours) {
        SubjectCatalog catalog = world.catalog.catalog();
        world.catalog.replace(catalog.with(catalog.find(code).orElseThrow()
                .withTargets(new ServiceTargets(firstAnswerHours, resolutionHours))));
    }

    private RequestNumber file(SubjectCode subject) {
        return world.ticketing.fileRequest().file(requester, Scenario.draft(subject, "Mathenpoche bloqué",
                "La page ne s'affiche plus.", Visibility.PRIVATE), List.of(), null).details().request().summaryLine()
                .number();
    }

    private Request read(RequestNumber n) {
        return world.requests.find(n).orElseThrow();
    }

    private void at(String localDateTime) {
        world.clock.set(paris(localDateTime));
    }

    @Test
    void a_request_is_due_as_the_targets_its_subject_sets_or_inherits_in_working_hours() {
        target(Fixtures.EVE_4, 4, 40);
        target(Fixtures.MATHENPOCHE, null, 16);
        at("2008-09-01T10:00");

        RequestNumber n = file(Fixtures.MATHENPOCHE);

        assertEquals(ServiceLevel.due(paris("2008-09-01T14:00"), paris("2008-09-02T16:00")),
                read(n).summaryLine().serviceLevel());
        assertEquals(ServiceLevel.NONE, read(file(Fixtures.PRINTERS)).summaryLine().serviceLevel());
    }

    @Test
    void the_first_public_staff_answer_meets_the_first_due_and_a_note_does_not() {
        target(Fixtures.MATHENPOCHE, 4, 16);
        at("2008-09-01T10:00");
        RequestNumber n = file(Fixtures.MATHENPOCHE);
        at("2008-09-01T11:00");
        world.ticketing.postMessage().post(agent, n, "Je regarde.", true, null);
        assertNull(read(n).summaryLine().serviceLevel().firstAnswerAt());
        at("2008-09-01T15:00");
        assertTrue(levels.late(read(n).summaryLine()));

        world.ticketing.postMessage().post(agent, n, "Videz le cache du navigateur.", false, null);

        Request answered = read(n);
        assertEquals(paris("2008-09-01T15:00"), answered.summaryLine().serviceLevel().firstAnswerAt());
        assertFalse(levels.late(answered.summaryLine()));
        assertTrue(levels.breached(answered));
    }

    @Test
    void waiting_on_the_requester_stops_the_resolution_clock_until_they_answer() {
        target(Fixtures.MATHENPOCHE, 4, 16);
        at("2008-09-01T10:00");
        RequestNumber n = file(Fixtures.MATHENPOCHE);
        at("2008-09-01T12:00");
        world.ticketing.changeStatus().change(agent, n, Status.IN_PROGRESS, null, null);
        world.ticketing.changeStatus().change(agent, n, Status.WAITING_FOR_REQUESTER,
                "Quel navigateur utilisez-vous ?", null);
        at("2008-09-10T09:00");
        assertFalse(levels.late(read(n).summaryLine()), "no one waits on the staff");
        assertFalse(levels.breached(read(n)));

        at("2008-09-03T12:00");
        world.ticketing.postMessage().post(requester, n, "Firefox.", false, null);

        Request back = read(n);
        assertEquals(Status.IN_PROGRESS, back.summaryLine().status());
        assertEquals(paris("2008-09-04T16:00"), back.summaryLine().serviceLevel().resolutionDue());
        at("2008-09-04T16:01");
        assertTrue(levels.late(read(n).summaryLine()));
    }

    @Test
    void a_reopened_request_has_what_was_left_of_its_resolution_time_when_it_was_resolved() {
        target(Fixtures.MATHENPOCHE, null, 16);
        at("2008-09-01T10:00");
        RequestNumber n = file(Fixtures.MATHENPOCHE);
        at("2008-09-01T16:00");
        world.ticketing.changeStatus().change(agent, n, Status.IN_PROGRESS, null, null);
        world.ticketing.changeStatus().change(agent, n, Status.RESOLVED, "Corrigé.", null);
        assertFalse(levels.breached(read(n)));

        at("2008-09-08T10:00");
        world.ticketing.changeStatus().change(requester, n, Status.IN_PROGRESS, "Toujours bloqué.", null);

        assertEquals(paris("2008-09-09T10:00"), read(n).summaryLine().serviceLevel().resolutionDue());
    }
}
