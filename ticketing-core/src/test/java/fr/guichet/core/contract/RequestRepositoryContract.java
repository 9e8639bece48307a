package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Actor;
import fr.guichet.core.domain.request.Anonymised;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.Lifecycle;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.SatisfactionAnswer;
import fr.guichet.core.domain.request.ServiceLevel;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.Count;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.RequestRepository.Addition;
import fr.guichet.core.port.RequestSort;
import fr.guichet.core.port.StatusAge;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.EstablishmentFixtures;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.InMemoryRequestRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What every {@link RequestRepository} promises. Each test works on its own fresh requesters and groups. */
public abstract class RequestRepositoryContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract RequestRepository requests();

    private final Instant t0 = Instant.parse("2030-10-01T08:00:00Z");

    protected <T> T tx(Supplier<T> work) {
        return unitOfWork().inTransaction(work);
    }

    private Request file(Person requester, RequestDraft draft, GroupCode group, PersonId assignee, Instant at,
            List<Attachment> attachments, String key) {
        return tx(() -> {
            Request r = Request.file(requests().nextNumber(), requester, draft, group, assignee, attachments, key, at);
            assertEquals(Addition.ADDED, requests().add(r));
            return r;
        });
    }

    private Request file(Person requester, Instant at) {
        return file(requester, Fixtures.seedDraft(), Fixtures.PLATEFORME, null, at, List.of(), null);
    }

    private static void assertSameRequest(Request expected, Request actual) {
        assertEquals(expected.summaryLine(), actual.summaryLine());
        assertEquals(expected.description(), actual.description());
        assertEquals(expected.version(), actual.version());
        assertEquals(expected.resolvedAt(), actual.resolvedAt());
        assertEquals(expected.idempotencyKey(), actual.idempotencyKey());
        assertEquals(expected.parent(), actual.parent());
        assertEquals(expected.messages(), actual.messages());
        assertEquals(expected.attachments(), actual.attachments());
        assertEquals(expected.history(), actual.history());
    }

    @Test
    public void numbers_are_strictly_increasing() {
        List<RequestNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            numbers.add(tx(() -> requests().nextNumber()));
        }
        for (int i = 1; i < numbers.size(); i++) {
            assertTrue(numbers.get(i).value() > numbers.get(i - 1).value(), numbers.toString());
        }
    }

    @Test
    public void a_filed_request_reads_back_with_every_field() {
        Person requester = Fixtures.newRequester();
        Instant at = t0.truncatedTo(ChronoUnit.MILLIS);
        Request filed = file(requester, Fixtures.seedDraft(), Fixtures.PLATEFORME, PersonId.of("agent1"), at,
                List.of(Fixtures.attachment("capture d'écran.pdf", at), Fixtures.attachment("notes.txt", at)),
                "key-" + requester.id());
        assertSameRequest(filed, tx(() -> requests().find(filed.summaryLine().number())).orElseThrow());
    }

    @Test
    public void text_comes_back_exactly_as_given() {
        String summary = "Accès « ENT » refusé : l'élève 😀 voit \"rien\" ; 100% <b>vide</b>";
        String description = "Ligne 1 avec accents éèàùç ÉÈ œ\nLigne 2 'quotes' \"double\" \\ backslash\n"
                + "Tab\tdone; DROP TABLE requests; -- 🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢";
        RequestDraft draft = new RequestDraft(Fixtures.MATHENPOCHE, "USAGE", new Summary(summary),
                new Description(description), Visibility.PUBLIC);
        Request filed = file(Fixtures.newRequester(), draft, Fixtures.PLATEFORME, null, t0, List.of(), null);
        Request read = tx(() -> requests().find(filed.summaryLine().number())).orElseThrow();
        assertEquals(summary, read.summaryLine().summary().value());
        assertEquals(description, read.description().value());
    }

    @Test
    public void an_unknown_number_finds_nothing() {
        assertTrue(tx(() -> requests().find(RequestNumber.of(9_000_000_000L))).isEmpty());
    }

    @Test
    public void an_update_replaces_fields_and_appends_messages_and_history() {
        Person requester = Fixtures.newRequester();
        Request filed = file(requester, t0);
        Person agent = Fixtures.agent();
        RequestChange answered = filed.staffMessage(agent, new MessageBody("Voici votre nouveau mot de passe."), false,
                t0.plusSeconds(60));
        tx(() -> {
            requests().update(answered);
            return null;
        });
        RequestChange moved = answered.after().changeStatus(agent, Actor.STAFF, Status.IN_PROGRESS, null,
                Duration.ofDays(15), t0.plusSeconds(120));
        tx(() -> {
            requests().update(moved);
            return null;
        });
        RequestChange redirected = moved.after().redirect(agent, Fixtures.EVE, PersonId.of("specialiste-mep"),
                new MessageBody("Pour le spécialiste"), t0.plusSeconds(180));
        tx(() -> {
            requests().update(redirected);
            return null;
        });
        Request read = tx(() -> requests().find(filed.summaryLine().number())).orElseThrow();
        assertSameRequest(redirected.after(), read);
        assertEquals(4, read.version());
    }

    @Test
    public void the_first_public_staff_answer_and_the_dues_read_back() {
        Person requester = Fixtures.newRequester();
        Person agent = Fixtures.agent();
        Instant firstDue = t0.plus(Duration.ofHours(4));
        Instant resolutionDue = t0.plus(Duration.ofDays(3));
        Request filed = tx(() -> {
            Request r = Request.file(requests().nextNumber(), requester, Fixtures.seedDraft(), Fixtures.PLATEFORME,
                    null, List.of(), null, t0).withServiceLevel(ServiceLevel.due(firstDue, resolutionDue));
            requests().add(r);
            return r;
        });
        RequestNumber n = filed.summaryLine().number();
        assertEquals(ServiceLevel.due(firstDue, resolutionDue),
                tx(() -> requests().find(n)).orElseThrow().summaryLine().serviceLevel());
        RequestChange noted = filed.staffMessage(agent, new MessageBody("Note"), true, t0.plusSeconds(60));
        RequestChange answered = noted.after().staffMessage(agent, new MessageBody("Réponse"), false,
                t0.plusSeconds(120));
        RequestChange again = answered.after().staffMessage(agent, new MessageBody("Encore"), false,
                t0.plusSeconds(180));
        for (RequestChange change : List.of(noted, answered, again)) {
            assertTrue(tx(() -> requests().update(change)));
        }
        Request read = tx(() -> requests().find(n)).orElseThrow();
        assertEquals(new ServiceLevel(t0.plusSeconds(120), firstDue, resolutionDue), read.summaryLine().serviceLevel());
        assertEquals(read.summaryLine(), tx(() -> requests().list(RequestQuery.all().withRequester(requester.id()),
                PageRequest.first())).items().get(0));
    }

    @Test
    public void a_list_by_due_puts_the_earliest_due_first_and_what_is_due_nothing_last_page_after_page() {
        Person requester = Fixtures.newRequester();
        Person agent = Fixtures.agent();
        List<ServiceLevel> levels = List.of(ServiceLevel.due(t0.plusSeconds(500), t0.plusSeconds(9000)),
                ServiceLevel.NONE, ServiceLevel.due(null, t0.plusSeconds(300)),
                ServiceLevel.due(t0.plusSeconds(100), t0.plusSeconds(200)), ServiceLevel.due(t0.plusSeconds(700), null),
                ServiceLevel.NONE, ServiceLevel.due(t0.plusSeconds(500), null));
        List<Request> filed = new ArrayList<>();
        for (ServiceLevel level : levels) {
            filed.add(tx(() -> {
                Request r = Request.file(requests().nextNumber(), requester, Fixtures.seedDraft(),
                        Fixtures.PLATEFORME, null, List.of(), null, t0).withServiceLevel(level);
                requests().add(r);
                return r;
            }));
        }
        RequestChange answered = filed.get(0).staffMessage(agent, new MessageBody("Réponse"), false,
                t0.plusSeconds(50));
        RequestChange working = filed.get(4).changeStatus(agent, Actor.STAFF, Status.IN_PROGRESS, null,
                Duration.ofDays(15), t0.plusSeconds(60));
        RequestChange waiting = working.after().changeStatus(agent, Actor.STAFF, Status.WAITING_FOR_REQUESTER, null,
                Duration.ofDays(15), t0.plusSeconds(70));
        for (RequestChange change : List.of(answered, working, waiting)) {
            assertTrue(tx(() -> requests().update(change)));
        }
        List<Integer> expectedOrder = List.of(3, 2, 6, 0, 1, 4, 5);
        List<RequestNumber> expected = expectedOrder.stream().map(i -> filed.get(i).summaryLine().number()).toList();
        RequestQuery all = RequestQuery.all().withRequester(requester.id()).withSort(RequestSort.DUE);
        RequestQuery queue = all.withQueueOf(new RequestQuery.QueueOf(agent.id(), Set.of(Fixtures.PLATEFORME)));
        for (RequestQuery query : List.of(all, queue)) {
            List<RequestNumber> paged = new ArrayList<>();
            for (int page = 1; page <= 4; page++) {
                int p = page;
                Page<RequestSummary> got = tx(() -> requests().list(query, new PageRequest(p, 2)));
                assertEquals(expected.size(), got.total());
                got.items().forEach(line -> paged.add(line.number()));
            }
            assertEquals(expected, paged);
        }
    }

    @Test
    public void a_satisfaction_answer_is_stored_once_per_request_and_reads_back() {
        Request r = file(Fixtures.newRequester(), t0);
        RequestNumber n = r.summaryLine().number();
        assertTrue(tx(() -> requests().satisfaction(n)).isEmpty());
        SatisfactionAnswer first = new SatisfactionAnswer(n, 5, "Très bien « merci » 😀\nÀ bientôt", t0.plusSeconds(60));

        assertTrue(tx(() -> requests().addSatisfaction(first)));
        assertFalse(tx(() -> requests().addSatisfaction(new SatisfactionAnswer(n, 1, null, t0.plusSeconds(120)))));

        assertEquals(first, tx(() -> requests().satisfaction(n)).orElseThrow());
        RequestNumber other = file(Fixtures.newRequester(), t0).summaryLine().number();
        assertTrue(tx(() -> requests().addSatisfaction(new SatisfactionAnswer(other, 3, " ", t0))));
        assertEquals(null, tx(() -> requests().satisfaction(other)).orElseThrow().comment());
    }

    @Test
    public void the_files_of_each_message_read_back_with_it_apart_from_the_requests_own() {
        Person requester = Fixtures.newRequester();
        Person agent = Fixtures.agent();
        Request filed = file(requester, Fixtures.seedDraft(), Fixtures.PLATEFORME, null, t0,
                List.of(Fixtures.attachment("capture.pdf", t0)), null);
        RequestChange answered = filed.staffMessage(agent, new MessageBody("La procédure est jointe."), false,
                List.of(Fixtures.attachment("procédure.pdf", t0.plusSeconds(60)),
                        Fixtures.attachment("étapes.pdf", t0.plusSeconds(60))), t0.plusSeconds(60));
        RequestChange noted = answered.after().staffMessage(agent, new MessageBody("Journal du serveur"), true,
                List.of(Fixtures.attachment("journal.pdf", t0.plusSeconds(120))), t0.plusSeconds(120));
        RequestChange followedUp = noted.after().followUp(requester, new MessageBody("Merci"), List.of(),
                t0.plusSeconds(180));
        RequestChange again = followedUp.after().followUp(requester, new MessageBody("Une autre capture"),
                List.of(Fixtures.attachment("capture.pdf", t0.plusSeconds(240))), t0.plusSeconds(240));
        for (RequestChange change : List.of(answered, noted, followedUp, again)) {
            assertTrue(tx(() -> requests().update(change)));
        }

        Request read = tx(() -> requests().find(filed.summaryLine().number())).orElseThrow();
        assertSameRequest(again.after(), read);
        assertEquals(List.of(2, 1, 0, 1), read.messages().stream().map(m -> m.attachments().size()).toList());
        assertEquals(filed.attachments(), read.attachments());
        assertEquals(5, read.allAttachments().size());
    }

    @Test
    public void a_request_linked_to_an_incident_reads_back_with_it_and_is_among_its_children_until_unlinked() {
        Person agent = Fixtures.agent();
        Request incident = file(Fixtures.newRequester(), t0);
        Request first = file(Fixtures.newRequester(), t0);
        Request second = file(Fixtures.newRequester(), t0);
        RequestChange secondLinked = second.linkTo(agent, incident, t0.plusSeconds(60));
        RequestChange firstLinked = first.linkTo(agent, incident, t0.plusSeconds(60));
        assertTrue(tx(() -> requests().update(secondLinked)));
        assertTrue(tx(() -> requests().update(firstLinked)));
        RequestNumber parent = incident.summaryLine().number();

        assertSameRequest(firstLinked.after(), tx(() -> requests().find(first.summaryLine().number())).orElseThrow());
        assertEquals(List.of(first.summaryLine().number(), second.summaryLine().number()),
                tx(() -> requests().children(parent)));
        assertEquals(List.of(), tx(() -> requests().children(first.summaryLine().number())));

        RequestChange unlinked = firstLinked.after().unlink(agent, t0.plusSeconds(120));
        assertTrue(tx(() -> requests().update(unlinked)));
        assertNull(tx(() -> requests().find(first.summaryLine().number())).orElseThrow().parent());
        assertEquals(List.of(second.summaryLine().number()), tx(() -> requests().children(parent)));
    }

    @Test
    public void an_update_at_a_stale_version_answers_false_and_writes_nothing() {
        Request filed = file(Fixtures.newRequester(), t0);
        Person agent = Fixtures.agent();
        RequestChange first = filed.staffMessage(agent, new MessageBody("Première réponse"), false, t0.plusSeconds(1));
        RequestChange second = filed.staffMessage(agent, new MessageBody("Réponse concurrente"), true,
                t0.plusSeconds(2));
        assertTrue(tx(() -> requests().update(first)));
        assertFalse(tx(() -> requests().update(second)));
        assertSameRequest(first.after(), tx(() -> requests().find(filed.summaryLine().number())).orElseThrow());
    }

    @Test
    public void my_requests_are_those_of_the_requester_in_the_period_newest_first_with_the_total() {
        Person me = Fixtures.newRequester();
        Person other = Fixtures.newRequester();
        List<Request> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(file(me, t0.plus(Duration.ofDays(i))));
        }
        file(other, t0.plus(Duration.ofDays(2)));
        file(me, t0.minus(Duration.ofDays(400)));
        RequestQuery query = RequestQuery.all().withRequester(me.id())
                .withSubmittedBetween(t0.minus(Duration.ofDays(30)), t0.plus(Duration.ofDays(300)));
        Page<RequestSummary> first = tx(() -> requests().list(query, new PageRequest(1, 2)));
        assertEquals(5, first.total());
        assertEquals(List.of(mine.get(4).summaryLine().number(), mine.get(3).summaryLine().number()),
                first.items().stream().map(RequestSummary::number).toList());
        Page<RequestSummary> last = tx(() -> requests().list(query, new PageRequest(3, 2)));
        assertEquals(List.of(mine.get(0).summaryLine().number()),
                last.items().stream().map(RequestSummary::number).toList());
        assertEquals(mine.get(0).summaryLine(), last.items().get(0));
        assertEquals(0, tx(() -> requests().list(query, new PageRequest(9, 2))).items().size());
    }

    @Test
    public void requests_filed_at_the_same_instant_are_ordered_by_number() {
        Person me = Fixtures.newRequester();
        Request a = file(me, t0);
        Request b = file(me, t0);
        RequestQuery query = RequestQuery.all().withRequester(me.id());
        assertEquals(List.of(b.summaryLine().number(), a.summaryLine().number()),
                tx(() -> requests().list(query, PageRequest.first())).items().stream().map(RequestSummary::number)
                        .toList());
        assertEquals(List.of(a.summaryLine().number(), b.summaryLine().number()),
                tx(() -> requests().list(query.withSort(RequestSort.OLDEST), PageRequest.first())).items().stream()
                        .map(RequestSummary::number).toList());
    }

    @Test
    public void the_staff_queue_filters_by_group_assignee_status_and_subject() {
        GroupCode group = Fixtures.newGroup().code();
        Person staff = Fixtures.newStaff(group);
        Person requester = Fixtures.newRequester();
        Request inGroup = file(requester, Fixtures.seedDraft(), group, null, t0, List.of(), null);
        Request assigned = file(requester, Fixtures.seedDraft(), Fixtures.EVE, staff.id(), t0.plusSeconds(1),
                List.of(), null);
        RequestDraft webmail = new RequestDraft(Fixtures.WEBMAIL, "INCIDENT", new Summary("Webmail en panne"),
                new Description("Rien ne marche"), Visibility.PRIVATE);
        Request otherSubject = file(requester, webmail, group, null, t0.plusSeconds(2), List.of(), null);
        file(requester, t0.plusSeconds(3));

        RequestQuery base = RequestQuery.all().withRequester(requester.id());
        RequestQuery queue = base.withQueueOf(new RequestQuery.QueueOf(staff.id(), Set.of(group)));
        assertEquals(numbers(inGroup, assigned, otherSubject), numbers(queue));
        assertEquals(numbers(inGroup, otherSubject), numbers(base.withGroup(group)));
        assertEquals(numbers(assigned), numbers(base.withAssignee(staff.id())));
        assertEquals(numbers(assigned), numbers(base.withStatuses(Set.of(Status.ASSIGNED))));
        assertEquals(4, numbers(base.withStatuses(Set.of(Status.NEW, Status.ASSIGNED))).size());
        assertEquals(3, numbers(base.withSubject(Fixtures.EVE_4)).size());
        assertEquals(numbers(otherSubject), numbers(base.withSubject(SubjectCode.parse("MES-1"))));
        assertEquals(Set.of(), numbers(base.withSubject(SubjectCode.parse("EVE-4.20"))));
    }

    @Test
    public void a_search_finds_words_whatever_their_accents_case_and_punctuation_and_a_number_alone() {
        Person requester = Fixtures.newRequester();
        Request a = file(requester, new RequestDraft(Fixtures.MATHENPOCHE, "USAGE", new Summary("Imprimante HS"),
                new Description("Le pilote refuse 100% des tâches_en_cours"), Visibility.PRIVATE), Fixtures.PLATEFORME,
                null, t0, List.of(), null);
        Request b = file(requester, new RequestDraft(Fixtures.MATHENPOCHE, "USAGE", new Summary("Écran noir"),
                new Description("L'imprimante affiche 'erreur'"), Visibility.PRIVATE), Fixtures.PLATEFORME, null, t0,
                List.of(), null);
        RequestQuery base = RequestQuery.all().withRequester(requester.id());
        assertEquals(numbers(a, b), numbers(base.withWords("IMPRIMANTE")));
        assertEquals(numbers(a), numbers(base.withWords("imprimante pilote")));
        assertEquals(numbers(a), numbers(base.withWords("100%")));
        assertEquals(numbers(a), numbers(base.withWords("TACHES en_cours")));
        assertEquals(numbers(b), numbers(base.withWords("ecran 'ERREUR'")));
        assertEquals(Set.of(), numbers(base.withWords("imprimante introuvable")));
        assertEquals(numbers(b), numbers(base.withWords(Long.toString(b.summaryLine().number().value()))));
        assertEquals(numbers(a), numbers(base.withWords(" " + a.summaryLine().number().display() + " ")));
    }

    /**
     * The index of words a repository may keep follows the request's search text: a word of its summary, description,
     * public answer or follow-up finds it (whole, in another case, or in part) in a search of every request, of a queue
     * and of the requester's own, a word of an internal note never; once anonymised, none of them finds it.
     */
    @Test
    public void a_search_finds_a_request_by_the_words_it_holds_now_answered_followed_up_and_anonymised() {
        Person requester = Fixtures.newRequester();
        Person agent = Fixtures.agent();
        List<String> words = Stream.generate(EstablishmentFixtures::newWord).limit(5).toList();
        Request filed = file(requester, new RequestDraft(Fixtures.MATHENPOCHE, "USAGE", new Summary("Tableau "
                + words.get(0)), new Description("Il affiche " + words.get(1)), Visibility.PRIVATE),
                Fixtures.PLATEFORME, null, t0, List.of(), null);
        RequestChange answered = filed.staffMessage(agent, new MessageBody("Essayez " + words.get(2)), false,
                t0.plusSeconds(60));
        RequestChange noted = answered.after().staffMessage(agent, new MessageBody("Note " + words.get(3)), true,
                t0.plusSeconds(120));
        RequestChange followedUp = noted.after().followUp(requester, new MessageBody("Toujours " + words.get(4)),
                t0.plusSeconds(180));
        for (RequestChange change : List.of(answered, noted, followedUp)) {
            assertTrue(tx(() -> requests().update(change)));
        }
        List<RequestQuery> scopes = List.of(RequestQuery.all(), RequestQuery.all().withQueueOf(
                new RequestQuery.QueueOf(agent.id(), Set.of(Fixtures.PLATEFORME))),
                RequestQuery.all().withRequester(requester.id()));
        for (RequestQuery scope : scopes) {
            for (String found : List.of(words.get(0), words.get(1).toUpperCase(Locale.ROOT), words.get(2),
                    words.get(4).substring(2, 10), "tableau " + words.get(4))) {
                assertEquals(numbers(filed), numbers(scope.withWords(found)), found + " in " + scope);
            }
            assertEquals(Set.of(), numbers(scope.withWords(words.get(3))), "an internal note's word in " + scope);
        }
        tx(() -> requests().anonymise(List.of(filed.summaryLine().number()), t0.plusSeconds(240)));
        for (RequestQuery scope : scopes.subList(0, 2)) {
            for (String gone : words) {
                assertEquals(Set.of(), numbers(scope.withWords(gone)), gone + " anonymised, in " + scope);
            }
        }
    }

    private static Set<RequestNumber> numbers(Request... requests) {
        return Stream.of(requests).map(r -> r.summaryLine().number()).collect(Collectors.toSet());
    }

    private Set<RequestNumber> numbers(RequestQuery query) {
        Page<RequestSummary> page = tx(() -> requests().list(query, new PageRequest(1, 100)));
        Set<RequestNumber> numbers = new HashSet<>();
        page.items().forEach(s -> numbers.add(s.number()));
        assertEquals(page.total(), numbers.size());
        return numbers;
    }

    @Test
    public void an_idempotency_key_finds_the_request_of_that_requester_within_the_window() {
        Person requester = Fixtures.newRequester();
        Request filed = file(requester, Fixtures.seedDraft(), Fixtures.PLATEFORME, null, t0, List.of(), "double-clic");
        assertEquals(filed.summaryLine().number(), tx(() -> requests().findByIdempotencyKey(requester.id(),
                "double-clic", t0.minus(Duration.ofHours(24)))).orElseThrow());
        assertTrue(tx(() -> requests().findByIdempotencyKey(requester.id(), "double-clic", t0.plusSeconds(1)))
                .isEmpty());
        assertTrue(tx(() -> requests().findByIdempotencyKey(Fixtures.newRequester().id(), "double-clic",
                t0.minus(Duration.ofHours(24)))).isEmpty());
    }

    @Test
    public void the_same_idempotency_key_twice_for_one_requester_is_already_filed_and_the_caller_rolls_back() {
        Person requester = Fixtures.newRequester();
        Request first = file(requester, Fixtures.seedDraft(), Fixtures.PLATEFORME, null, t0, List.of(), "deux-fois");
        Request again = Request.file(tx(() -> requests().nextNumber()), requester, Fixtures.seedDraft(),
                Fixtures.PLATEFORME, null, List.of(), "deux-fois", t0.plusSeconds(1));
        Addition[] outcome = new Addition[1];
        RuntimeException rollBack = new IllegalStateException("roll back");
        assertSame(rollBack, assertThrows(IllegalStateException.class, () -> tx(() -> {
            outcome[0] = requests().add(again);
            throw rollBack;
        })));
        assertEquals(Addition.ALREADY_FILED, outcome[0]);
        assertTrue(tx(() -> requests().find(again.summaryLine().number())).isEmpty());
        assertEquals(first.summaryLine().number(), tx(() -> requests().findByIdempotencyKey(requester.id(),
                "deux-fois", t0)).orElseThrow());
        file(Fixtures.newRequester(), Fixtures.seedDraft(), Fixtures.PLATEFORME, null, t0, List.of(), "deux-fois");
    }

    @Test
    public void a_released_idempotency_key_serves_again() {
        Person requester = Fixtures.newRequester();
        Request first = file(requester, Fixtures.seedDraft(), Fixtures.PLATEFORME, null, t0, List.of(), "clé");
        tx(() -> {
            requests().releaseIdempotencyKey(requester.id(), "clé", t0);
            return null;
        });
        assertEquals(first.summaryLine().number(), tx(() -> requests().findByIdempotencyKey(requester.id(), "clé",
                t0.minusSeconds(1))).orElseThrow());
        tx(() -> {
            requests().releaseIdempotencyKey(requester.id(), "clé", t0.plus(Duration.ofHours(25)));
            return null;
        });
        assertTrue(tx(() -> requests().findByIdempotencyKey(requester.id(), "clé", t0.minusSeconds(1))).isEmpty());
        assertNull(tx(() -> requests().find(first.summaryLine().number())).orElseThrow().idempotencyKey());
        Request second = file(requester, Fixtures.seedDraft(), Fixtures.PLATEFORME, null,
                t0.plus(Duration.ofHours(25)), List.of(), "clé");
        assertEquals(second.summaryLine().number(), tx(() -> requests().findByIdempotencyKey(requester.id(), "clé",
                t0.plus(Duration.ofHours(1)))).orElseThrow());
    }

    @Test
    public void requests_in_a_status_since_before_an_instant_come_by_that_instant_then_number_page_after_page() {
        Instant t = Instant.parse("1971-03-01T08:00:00Z");
        Person requester = Fixtures.newRequester();
        Person agent = Fixtures.agent();
        Request a = file(requester, t);
        Request b = file(requester, t.plus(Duration.ofHours(1)));
        Request c = file(requester, t.plus(Duration.ofHours(1)));
        Request late = file(requester, t.plus(Duration.ofHours(3)));
        Request moved = file(requester, t);
        RequestChange started = moved.changeStatus(agent, Actor.STAFF, Status.IN_PROGRESS, null, Duration.ofDays(7),
                t.plus(Duration.ofMinutes(30)));
        RequestChange noted = started.after().staffMessage(agent, new MessageBody("Je regarde."), true,
                t.plus(Duration.ofMinutes(40)));
        tx(() -> requests().update(started) && requests().update(noted));
        Instant before = t.plus(Duration.ofHours(2));
        Set<RequestNumber> mine = numbers(a, b, c, late, moved);

        List<StatusAge> all = new ArrayList<>();
        StatusAge after = null;
        while (true) {
            StatusAge from = after;
            List<StatusAge> page = tx(() -> requests().inStatusBefore(Status.NEW, before, from, 1));
            assertTrue(page.size() <= 1);
            if (page.isEmpty()) {
                break;
            }
            all.addAll(page);
            after = page.get(0);
        }
        assertEquals(List.of(new StatusAge(a.summaryLine().number(), t),
                new StatusAge(b.summaryLine().number(), t.plus(Duration.ofHours(1))),
                new StatusAge(c.summaryLine().number(), t.plus(Duration.ofHours(1)))),
                all.stream().filter(x -> mine.contains(x.number())).toList());
        Comparator<StatusAge> order = Comparator.comparing(StatusAge::since).thenComparing(StatusAge::number);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(order.compare(all.get(i - 1), all.get(i)) < 0, "strictly after the one before");
        }
        assertTrue(all.stream().allMatch(x -> x.since().isBefore(before)));
        assertEquals(List.of(new StatusAge(moved.summaryLine().number(), t.plus(Duration.ofMinutes(30)))),
                tx(() -> requests().inStatusBefore(Status.IN_PROGRESS, before, null, 1000)).stream()
                        .filter(x -> mine.contains(x.number())).toList());
        assertEquals(t.plus(Duration.ofMinutes(30)), noted.after().statusSince());
    }

    @Test
    public void open_request_counts_ignore_resolved_and_closed_ones() {
        GroupCode group = Fixtures.newGroup().code();
        Person busy = Fixtures.newStaff(group);
        Person idle = Fixtures.newStaff(group);
        Person requester = Fixtures.newRequester();
        file(requester, Fixtures.seedDraft(), group, busy.id(), t0, List.of(), null);
        Request second = file(requester, Fixtures.seedDraft(), group, busy.id(), t0, List.of(), null);
        Request resolved = file(requester, Fixtures.seedDraft(), group, busy.id(), t0, List.of(), null);
        RequestChange working = resolved.changeStatus(busy, Actor.STAFF, Status.IN_PROGRESS, null,
                Duration.ofDays(1), t0);
        RequestChange done = working.after().changeStatus(busy, Actor.STAFF, Status.RESOLVED, null,
                Duration.ofDays(1), t0);
        tx(() -> {
            requests().update(working);
            requests().update(done);
            return null;
        });
        Map<PersonId, Long> counts = tx(() -> requests().openRequestCounts(List.of(busy.id(), idle.id())));
        assertEquals(2L, counts.get(busy.id()));
        assertEquals(0L, counts.getOrDefault(idle.id(), 0L));
        assertTrue(second.summaryLine().status().isOpen());
    }

    @Test
    public void open_request_counts_follow_every_redirection_take_and_status_change() {
        qt().withExamples(8).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 25))
                .checkAssert(steps -> {
                    GroupCode group = Fixtures.newGroup().code();
                    List<Person> staff = List.of(Fixtures.newStaff(group), Fixtures.newStaff(group),
                            Fixtures.newStaff(group));
                    Person requester = Fixtures.newRequester();
                    List<Request> requests = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        requests.add(file(requester, Fixtures.seedDraft(), group, i == 3 ? null : staff.get(i).id(),
                                t0, List.of(), null));
                    }
                    Instant now = t0;
                    for (int step : steps) {
                        now = now.plusSeconds(60);
                        int i = step % requests.size();
                        RequestChange change = someChange(requests.get(i), staff, group, step / requests.size(), now);
                        if (change != null) {
                            tx(() -> {
                                requests().update(change);
                                return null;
                            });
                            requests.set(i, change.after());
                        }
                        assertEquals(openCounts(requests), tx(() -> requests().openRequestCounts(
                                staff.stream().map(Person::id).toList())).entrySet().stream()
                                .filter(e -> e.getValue() != 0).collect(HashMap::new,
                                        (m, e) -> m.put(e.getKey(), e.getValue()), HashMap::putAll));
                    }
                });
    }

    @Test
    public void queue_counts_follow_every_redirection_take_status_change_reply_and_anonymised_assignee() {
        qt().withExamples(8).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 25))
                .checkAssert(steps -> {
                    GroupCode group = Fixtures.newGroup().code();
                    GroupCode other = Fixtures.newGroup().code();
                    List<Person> staff = List.of(Fixtures.newStaff(group), Fixtures.newStaff(group),
                            Fixtures.newStaff(other));
                    Person requester = Fixtures.newRequester();
                    List<Request> requests = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        requests.add(file(requester, Fixtures.seedDraft(), i == 4 ? other : group,
                                i >= 3 ? null : staff.get(i).id(), t0, List.of(), null));
                    }
                    Instant now = t0;
                    for (int step : steps) {
                        now = now.plusSeconds(60);
                        int i = step % requests.size();
                        Request r = requests.get(i);
                        int choice = step / requests.size();
                        RequestChange change = choice % 5 == 4 && r.summaryLine().status().isOpen()
                                ? r.followUp(requester, new MessageBody("Toujours en panne."), now)
                                : someChange(r, staff, choice % 3 == 2 ? other : group, choice, now);
                        if (change != null) {
                            tx(() -> {
                                requests().update(change);
                                return null;
                            });
                            requests.set(i, change.after());
                        }
                        assertQueueCounts(requests, staff, group, other);
                    }
                    Person placeholder = Anonymised.person(null);
                    unitOfWork().run(() -> requests().replacePerson(staff.get(0).id(), placeholder.ref()));
                    requests.replaceAll(r -> r.naming(staff.get(0).id(), placeholder.ref()));
                    assertQueueCounts(requests, staff, group, other);
                    assertEquals(InMemoryRequestRepository.counts(requests.stream().map(Request::summaryLine)
                                    .filter(r -> placeholder.id().equals(r.assignee())).toList(), placeholder.id(),
                                    Count.CAP),
                            tx(() -> requests().count(RequestQuery.all().withAssignee(placeholder.id()),
                                    placeholder.id())), "the placeholder holds the anonymised member's requests");
                });
    }

    /**
     * The counts of each staff member's queue, over their group and the other or their own requests alone, and of a
     * group's unassigned requests, are those of {@code requests} recounted.
     */
    private void assertQueueCounts(List<Request> requests, List<Person> staff, GroupCode group, GroupCode other) {
        List<RequestSummary> lines = requests.stream().map(Request::summaryLine).toList();
        for (Person p : staff) {
            for (Set<GroupCode> groups : List.of(Set.of(group, other), Set.of(p.groups().iterator().next()),
                    Set.<GroupCode>of())) {
                RequestQuery queue = RequestQuery.all().withQueueOf(new RequestQuery.QueueOf(p.id(), groups));
                List<RequestSummary> held = lines.stream().filter(r -> groups.contains(r.assignedGroup())
                        || p.id().equals(r.assignee())).toList();
                assertEquals(InMemoryRequestRepository.counts(held, p.id(), Count.CAP),
                        tx(() -> requests().count(queue, p.id())), () -> "counts of " + queue);
                assertEquals(held.size(), tx(() -> requests().list(queue, new PageRequest(1, 5))).total(),
                        () -> "total of " + queue);
            }
        }
        RequestQuery unassigned = RequestQuery.all().withGroup(group).withOnly(Set.of(RequestQuery.Only.UNASSIGNED));
        assertEquals(InMemoryRequestRepository.counts(lines.stream().filter(r -> r.assignedGroup().equals(group)
                        && r.assignee() == null).toList(), staff.get(0).id(), Count.CAP),
                tx(() -> requests().count(unassigned, staff.get(0).id())), () -> "counts of " + unassigned);
    }

    /**
     * A redirection, a take or a staff status move of {@code r} chosen by {@code choice}, or null when none is
     * possible.
     */
    private static RequestChange someChange(Request r, List<Person> staff, GroupCode group, int choice,
            Instant now) {
        Person by = staff.get(choice % staff.size());
        PersonId to = choice % 4 == 0 ? null : by.id();
        RequestSummary line = r.summaryLine();
        if (choice % 3 == 1 && Lifecycle.canTake(line.status()) && !by.id().equals(line.assignee())) {
            return r.take(by, now);
        }
        if (choice % 2 == 0 && Lifecycle.canRedirect(line.status())
                && !(line.assignedGroup().equals(group) && Objects.equals(line.assignee(), to))) {
            return r.redirect(by, group, to, null, now);
        }
        List<Status> moves = Lifecycle.next(Actor.STAFF, line.status()).stream().sorted(Comparator.naturalOrder())
                .toList();
        return moves.isEmpty() ? null : r.changeStatus(by, Actor.STAFF, moves.get(choice % moves.size()),
                new MessageBody("Suite du traitement."), Duration.ofDays(1), now);
    }

    private static Map<PersonId, Long> openCounts(List<Request> requests) {
        Map<PersonId, Long> counts = new HashMap<>();
        requests.stream().map(Request::summaryLine).filter(r -> r.status().isOpen() && r.assignee() != null)
                .forEach(r -> counts.merge(r.assignee(), 1L, Long::sum));
        return counts;
    }

    @Test
    public void a_queue_over_several_groups_pages_newest_first_and_counts_each_request_once() {
        GroupCode first = Fixtures.newGroup().code();
        GroupCode second = Fixtures.newGroup().code();
        GroupCode elsewhere = Fixtures.newGroup().code();
        Person staff = Fixtures.newStaff(first);
        Person colleague = Fixtures.newStaff(first);
        Person requester = Fixtures.newRequester();
        List<RequestNumber> expected = new ArrayList<>();
        Set<RequestNumber> mine = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            GroupCode group = List.of(first, second, elsewhere).get(i % 3);
            PersonId assignee = i % 4 == 0 ? staff.id() : i % 4 == 1 ? colleague.id() : null;
            Request r = file(requester, Fixtures.seedDraft(), group, assignee, t0.plusSeconds(i / 2), List.of(),
                    null);
            if (!group.equals(elsewhere) || staff.id().equals(assignee)) {
                expected.add(0, r.summaryLine().number());
            }
            if (staff.id().equals(assignee)) {
                mine.add(r.summaryLine().number());
            }
        }
        RequestQuery queue = RequestQuery.all().withRequester(requester.id())
                .withQueueOf(new RequestQuery.QueueOf(staff.id(), Set.of(first, second)));
        List<RequestNumber> newestFirst = tx(() -> requests().list(queue, new PageRequest(1, 100))).items().stream()
                .map(RequestSummary::number).toList();
        List<RequestNumber> paged = new ArrayList<>();
        for (int page = 1; page <= 4; page++) {
            int p = page;
            Page<RequestSummary> got = tx(() -> requests().list(queue, new PageRequest(p, 3)));
            assertEquals(expected.size(), got.total());
            got.items().forEach(s -> paged.add(s.number()));
        }
        assertEquals(expected, newestFirst);
        assertEquals(expected, paged);
        assertEquals(Set.copyOf(expected), numbers(queue.withStatuses(Set.of(Status.NEW, Status.ASSIGNED))));
        assertEquals(4, numbers(queue.withStatuses(Set.of(Status.NEW))).size());
        assertEquals(5, numbers(queue.withStatuses(Set.of(Status.ASSIGNED))).size());
        List<RequestNumber> oldestFirst = new ArrayList<>(expected);
        Collections.reverse(oldestFirst);
        assertEquals(oldestFirst, tx(() -> requests().list(queue.withSort(RequestSort.OLDEST), new PageRequest(1, 100)))
                .items().stream().map(RequestSummary::number).toList());
        RequestQuery ownOnly = RequestQuery.all().withRequester(requester.id())
                .withQueueOf(new RequestQuery.QueueOf(staff.id(), Set.of()));
        assertEquals(mine, numbers(ownOnly.withStatuses(Set.of(Status.ASSIGNED))));
        assertEquals(mine, numbers(ownOnly));
    }
}
