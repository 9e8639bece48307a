package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestSort;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListQueueTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();
    private final Person specialist = Fixtures.specialist();

    private final RequestNumber password = fileAt(Fixtures.MATHENPOCHE, "perte d'identifiant",
            "Je ne me souviens plus de mon mot de passe");
    private final RequestNumber exercise = fileAt(Fixtures.LABOMEP, "exercice bloqué",
            "L'exercice de géométrie ne se charge pas");
    private final RequestNumber webmail = fileAt(Fixtures.WEBMAIL, "webmail lent",
            "Le webmail met une minute à s'ouvrir, le mot de passe est accepté");

    private RequestNumber fileAt(SubjectCode subject, String summary, String description) {
        world.clock.advance(Duration.ofMinutes(5));
        return Scenario.file(world, requester, Scenario.draft(subject, summary, description, Visibility.PRIVATE));
    }

    @Test
    void a_requester_may_not_list_the_queue() {
        refused(ErrorKind.FORBIDDEN, () -> world.ticketing.listQueue().list(requester, QueueFilter.everything(),
                PageRequest.first()));
    }

    @Test
    void everything_is_listed_newest_first_or_in_the_order_asked() {
        assertEquals(List.of(webmail, exercise, password), list(agent, QueueFilter.everything()));
        assertEquals(List.of(password, exercise, webmail), list(agent, new QueueFilter(false, null, null, null, null,
                null, RequestSort.OLDEST)));
    }

    @Test
    void a_staff_members_queue_holds_their_groups_requests() {
        assertEquals(List.of(webmail, password), list(agent, QueueFilter.queue()));
        assertEquals(List.of(exercise), list(specialist, QueueFilter.queue()));
    }

    @Test
    void requests_are_filtered_by_status() {
        Scenario.moveTo(world, webmail, Status.RESOLVED);

        assertEquals(List.of(webmail), list(agent, filter(Set.of(Status.RESOLVED), null, null, null, null)));
        assertEquals(List.of(exercise, password), list(agent, filter(Set.of(Status.ASSIGNED, Status.NEW), null,
                null, null, null)));
    }

    @Test
    void requests_are_filtered_by_subject_including_those_under_it() {
        assertEquals(List.of(exercise, password), list(agent, filter(null, Fixtures.EVE_4, null, null, null)));
        assertEquals(List.of(webmail), list(agent, filter(null, Fixtures.WEBMAIL, null, null, null)));
    }

    @Test
    void requests_are_filtered_by_group_and_by_assignee() {
        assertEquals(List.of(exercise), list(agent, filter(null, null, Fixtures.EVE, null, null)));
        assertEquals(List.of(webmail, password), list(agent, filter(null, null, null, agent.id(), null)));
        assertEquals(List.of(exercise), list(agent, filter(null, null, null, specialist.id(), null)));
    }

    @Test
    void requests_are_filtered_by_words_in_their_summary_or_description_whatever_the_case() {
        assertEquals(List.of(webmail, password), list(agent, filter(null, null, null, null, "MOT de passe")));
        assertEquals(List.of(webmail), list(agent, filter(null, null, null, null, "passe webmail")));
        assertEquals(List.of(), list(agent, filter(null, null, null, null, "imprimante")));
    }

    @Test
    void a_search_ignores_accents_and_case_and_a_number_alone_finds_that_request_with_or_without_its_zeros() {
        assertEquals(List.of(exercise), list(agent, filter(null, null, null, null, "GEOMETRIE exercice bloque")));
        assertEquals(List.of(exercise), list(agent, filter(null, null, null, null, exercise.display())));
        assertEquals(List.of(exercise), list(agent, filter(null, null, null, null,
                Long.toString(exercise.value()))));
    }

    @Test
    void a_search_finds_the_requester_by_identifier_or_name_and_the_school_by_its_code() {
        List<RequestNumber> all = List.of(webmail, exercise, password);
        assertEquals(all, list(agent, filter(null, null, null, null, requester.id().value())));
        assertEquals(all, list(agent, filter(null, null, null, null, "elise nunez")));
        assertEquals(all, list(agent, filter(null, null, null, null, "0941295x")));
    }

    @Test
    void a_search_reads_public_messages_but_never_internal_notes() {
        world.ticketing.postMessage().post(agent, webmail, "Videz le cache du navigateur.", false, null);
        world.ticketing.postMessage().post(agent, password, "Le cache serveur est plein.", true, null);
        assertEquals(List.of(webmail), list(agent, filter(null, null, null, null, "cache")));
    }

    @Test
    void a_requesters_search_stays_inside_their_own_requests() {
        Person other = join(world, Fixtures.newRequester());
        Scenario.file(world, other, Scenario.draft(Fixtures.LABOMEP, "exercice bloqué", "Géométrie",
                Visibility.PUBLIC));
        assertEquals(List.of(exercise), world.ticketing.listMyRequests().search(requester, null, "geometrie",
                PageRequest.first()).items().stream().map(l -> l.request().number()).toList());
    }

    @Test
    void a_search_longer_than_two_hundred_characters_is_refused() {
        var e = refused(ErrorKind.INVALID, () -> list(agent, filter(null, null, null, null, "a".repeat(201))));
        assertEquals("q", e.errors().get(0).field());
    }

    private static QueueFilter filter(Set<Status> statuses, SubjectCode subject, fr.guichet.core.domain.person.GroupCode group,
            fr.guichet.core.domain.person.PersonId assignee, String words) {
        return new QueueFilter(false, statuses, subject, group, assignee, words, null);
    }

    private List<RequestNumber> list(Person staff, QueueFilter filter) {
        return world.ticketing.listQueue().list(staff, filter, PageRequest.first()).items().stream()
                .map(l -> l.request().number()).toList();
    }
}
