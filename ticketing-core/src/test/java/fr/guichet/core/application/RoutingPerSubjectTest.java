package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.queuedSince;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;

import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.Routing;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.domain.subject.SubjectGenerators;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoutingPerSubjectTest {

    private final TestWorld world = new TestWorld();
    private final Person requester = join(world, Fixtures.newRequester());
    private final Person agent = Fixtures.agent();

    private Request file(SubjectCode subject) {
        return world.ticketing.fileRequest().file(requester, Scenario.draft(subject, "Imprimante de la salle 12",
                "Bourrage papier permanent.", Visibility.PRIVATE), List.of(), null).details().request();
    }

    @Test
    void a_request_about_a_group_queue_subject_waits_new_in_its_groups_queue_and_the_group_hears_of_it() {
        Person colleague = join(world, Fixtures.newStaff(Fixtures.PLATEFORME));

        Request filed = file(Fixtures.PRINTERS);

        assertEquals(Status.NEW, filed.summaryLine().status());
        assertNull(filed.summaryLine().assignee());
        assertEquals(Fixtures.PLATEFORME, filed.summaryLine().assignedGroup());
        assertEquals(Map.of(requester.email().value(), TemplateKey.REQUEST_RECEIVED,
                agent.email().value(), TemplateKey.NEW_REQUEST_FOR_GROUP,
                colleague.email().value(), TemplateKey.NEW_REQUEST_FOR_GROUP), queuedSince(world, 0));
        QueueFilter newOnes = new QueueFilter(true, Set.of(Status.NEW), null, null, null, null, null);
        assertEquals(List.of(filed.summaryLine().number()), world.ticketing.listQueue()
                .list(agent, newOnes, new PageRequest(1, 20)).items().stream().map(l -> l.request().number())
                .toList());
    }

    @Test
    void a_request_about_a_fewest_open_subject_goes_straight_to_a_member() {
        Request filed = file(Fixtures.LABOMEP);

        assertEquals(Status.ASSIGNED, filed.summaryLine().status());
        assertEquals(Fixtures.specialist().id(), filed.summaryLine().assignee());
    }

    @Test
    void a_subjects_own_routing_wins_over_its_parents_and_a_subject_without_one_follows_its_parent() {
        world.catalog.replace(SubjectCatalog.of(List.of(
                new Subject(Fixtures.EVE_4, "Applications Disciplinaires", true, Fixtures.PLATEFORME, List.of(),
                        Routing.GROUP_QUEUE),
                new Subject(Fixtures.MATHENPOCHE, "Mathenpoche", true, null, List.of(), Routing.FEWEST_OPEN),
                new Subject(Fixtures.LABOMEP, "LaboMep", true, null, List.of())),
                Fixtures.catalog().requestTypes()));

        assertEquals(Status.ASSIGNED, file(Fixtures.MATHENPOCHE).summaryLine().status());
        assertEquals(Status.NEW, file(Fixtures.LABOMEP).summaryLine().status());
    }

    @Test
    void a_redirection_to_a_group_without_a_named_person_follows_the_subjects_routing() {
        Request filed = file(Fixtures.PRINTERS);

        Request redirected = world.ticketing.redirectRequest().redirect(agent, filed.summaryLine().number(),
                Fixtures.EVE, null, "Pour les spécialistes.", null).request();

        assertEquals(Fixtures.EVE, redirected.summaryLine().assignedGroup());
        assertEquals(Status.NEW, redirected.summaryLine().status());
        assertNull(redirected.summaryLine().assignee());
    }

    @Test
    void in_any_catalog_a_request_waits_in_the_queue_exactly_when_its_subject_inherits_group_queue() {
        qt().withExamples(60).forAll(SubjectGenerators.trees()).checkAssert(subjects -> {
            TestWorld here = new TestWorld();
            for (GroupCode g : SubjectGenerators.GROUPS) {
                here.people.saveGroup(new SupportGroup(g, "Groupe " + g.value()));
                join(here, Fixtures.newStaff(g));
            }
            SubjectCatalog catalog = SubjectCatalog.of(subjects, Fixtures.catalog().requestTypes());
            here.catalog.replace(catalog);
            Map<SubjectCode, Subject> byCode = subjects.stream()
                    .collect(Collectors.toMap(Subject::code, Function.identity()));
            Person teacher = join(here, Fixtures.newRequester());
            for (Subject leaf : subjects) {
                if (!offered(leaf.code(), byCode, subjects)) {
                    continue;
                }
                RequestSummary filed = here.ticketing.fileRequest().file(teacher, Scenario.draft(leaf.code(),
                        "Sujet " + leaf.code(), "Description", Visibility.PRIVATE), List.of(), null)
                        .details().request().summaryLine();
                boolean queued = inherited(leaf.code(), byCode) == Routing.GROUP_QUEUE;
                assertEquals(queued ? Status.NEW : Status.ASSIGNED, filed.status(), leaf.code()::value);
                assertEquals(catalog.supportGroupOf(leaf).orElseThrow(), filed.assignedGroup());
                assertEquals(!queued, filed.assignee() != null
                        && here.people.find(filed.assignee()).orElseThrow().groups().contains(filed.assignedGroup()),
                        leaf.code()::value);
            }
        });
    }

    /** The nearest routing set on the subject or an ancestor, else straight to a member. */
    private static Routing inherited(SubjectCode code, Map<SubjectCode, Subject> byCode) {
        for (Optional<SubjectCode> c = Optional.of(code); c.isPresent(); c = c.get().parent()) {
            if (byCode.get(c.get()).routing() != null) {
                return byCode.get(c.get()).routing();
            }
        }
        return Routing.FEWEST_OPEN;
    }

    /** An active subject under active ancestors with no active child: one a request may be filed under. */
    private static boolean offered(SubjectCode code, Map<SubjectCode, Subject> byCode, List<Subject> subjects) {
        for (Optional<SubjectCode> c = Optional.of(code); c.isPresent(); c = c.get().parent()) {
            if (!byCode.get(c.get()).active()) {
                return false;
            }
        }
        return subjects.stream().noneMatch(s -> s.active() && s.code().parent().equals(Optional.of(code)));
    }
}
