package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.guichet.core.application.ManageCatalog.CatalogNode;
import fr.guichet.core.application.ManageCatalog.NewSubject;
import fr.guichet.core.application.ManageCatalog.SubjectChange;
import fr.guichet.core.application.PersonForm;
import fr.guichet.core.application.PersonSheet;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two nodes administering at once, through the core's use cases: subjects added under one parent at the same moment
 * get distinct numbers and are all kept, each with its audit entry; of two changes made from the same revision of a
 * subject, one is made and the other refused as stale; the other node serves each change at once. Two administrators
 * taking each other's role away or deactivating each other at the same moment leave the one who changed first.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class CatalogAdministrationTest {

    private static final int ROUNDS = 5;
    private static final Person ADMIN = new Person(PersonId.of("admin-catalogue"),
            EmailAddress.of("admin.catalogue@ac-creteil.fr"), new PersonName("Anne", "Durand"), null,
            Set.of(Role.ADMIN), Set.of(), true);

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase.Node first;
    private TestDatabase.Node second;
    private ExecutorService threads;

    @BeforeEach
    void startTwoNodes() {
        first = TestDatabase.of(kind).node().withFixtures();
        first.people().save(ADMIN);
        second = TestDatabase.of(kind).newNode();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopSecondNode() throws Exception {
        threads.shutdownNow();
        second.close();
        first.withFixtures();
    }

    private <T> List<Object> together(List<Callable<T>> calls) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(calls.size());
        List<Callable<Object>> waiting = new ArrayList<>();
        for (Callable<T> call : calls) {
            waiting.add(() -> {
                barrier.await();
                try {
                    return call.call();
                } catch (TicketingException e) {
                    return e.kind();
                }
            });
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : threads.invokeAll(waiting)) {
            outcomes.add(f.get());
        }
        return outcomes;
    }

    @Test
    void subjects_added_under_one_parent_at_once_on_two_nodes_get_distinct_numbers_and_are_all_kept()
            throws Exception {
        List<Ticketing> nodes = List.of(Ticketing.builder(first.ports()).build(),
                Ticketing.builder(second.ports()).build());
        long audited = audited(nodes.get(0));
        for (int round = 0; round < ROUNDS; round++) {
            List<Callable<CatalogNode>> adds = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                Ticketing node = nodes.get(n);
                String label = "Ajout " + round + "-" + n;
                adds.add(() -> node.manageCatalog().addSubject(ADMIN, new NewSubject("EVE-4", null, label, null,
                        null, null)));
            }
            together(adds);
        }

        List<Subject> children = second.catalog().catalog().children(Fixtures.EVE_4);
        assertEquals(3 + ROUNDS * nodes.size(), children.size());
        assertEquals(children.size(), Set.copyOf(children.stream().map(Subject::code).toList()).size());
        assertEquals(List.of("EVE-4.1", "EVE-4.2", "EVE-4.3"), children.subList(0, 3).stream()
                .map(s -> s.code().value()).toList());
        assertEquals(audited + ROUNDS * nodes.size(), audited(nodes.get(1)));
    }

    @Test
    void of_two_changes_from_the_same_revision_on_two_nodes_one_is_made_and_the_other_is_stale() throws Exception {
        List<Ticketing> nodes = List.of(Ticketing.builder(first.ports()).build(),
                Ticketing.builder(second.ports()).build());
        for (int round = 0; round < ROUNDS; round++) {
            String seen = nodes.get(0).manageCatalog().tree(ADMIN).get(0).snapshot().fingerprint();
            List<Callable<CatalogNode>> changes = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                Ticketing node = nodes.get(n);
                String label = "Applications " + round + "-" + n;
                changes.add(() -> node.manageCatalog().changeSubject(ADMIN, "EVE-4", seen,
                        new SubjectChange(label, null, null, null, null, null)));
            }
            List<Object> outcomes = together(changes);

            assertEquals(1, outcomes.stream().filter(CatalogNode.class::isInstance).count(), outcomes.toString());
            String made = ((CatalogNode) outcomes.stream().filter(CatalogNode.class::isInstance).findFirst()
                    .orElseThrow()).subject().label();
            assertEquals(made, first.catalog().catalog().find(SubjectCode.parse("EVE-4")).orElseThrow().label());
            assertEquals(made, second.catalog().catalog().find(SubjectCode.parse("EVE-4")).orElseThrow().label());
        }
    }

    @Test
    void two_administrators_removing_each_other_at_once_on_two_nodes_leave_one_active_administrator()
            throws Exception {
        List<Ticketing> nodes = List.of(Ticketing.builder(first.ports()).build(),
                Ticketing.builder(second.ports()).build());
        for (int round = 0; round < 2 * ROUNDS; round++) {
            Person anne = newAdmin();
            Person bruno = newAdmin();
            PersonForm removal = round % 2 == 0
                    ? new PersonForm(null, null, null, null, null, List.of("Agent"), null, null)
                    : new PersonForm(null, null, null, null, null, null, null, false);
            List<Object> outcomes = together(List.<Callable<PersonSheet>>of(
                    () -> nodes.get(0).administerPeople().update(anne, bruno.id(), removal, null),
                    () -> nodes.get(1).administerPeople().update(bruno, anne.id(), removal, null)));

            assertEquals(1, outcomes.stream().filter(ErrorKind.FORBIDDEN::equals).count(), outcomes.toString());
            PersonId kept = outcomes.get(0) == ErrorKind.FORBIDDEN ? bruno.id() : anne.id();
            assertEquals(List.of(kept), Stream.of(anne.id(), bruno.id()).map(id -> first.people().find(id))
                    .map(Optional::orElseThrow).filter(p -> p.active() && p.has(Role.ADMIN)).map(Person::id)
                    .toList(), "round " + round);
        }
    }

    private Person newAdmin() {
        Person staff = Fixtures.newStaff(Fixtures.PLATEFORME);
        Person admin = new Person(staff.id(), staff.email(), staff.name(), null, Set.of(Role.AGENT, Role.ADMIN),
                staff.groups(), true);
        first.people().save(admin);
        return admin;
    }

    private static long audited(Ticketing node) {
        return node.listAudit().list(ADMIN, new PageRequest(1, 1)).total();
    }
}
