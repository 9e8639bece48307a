package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.ManageCatalog.CatalogNode;
import fr.guichet.core.application.ManageCatalog.NewSubject;
import fr.guichet.core.application.ManageCatalog.Own;
import fr.guichet.core.application.ManageCatalog.OwnHours;
import fr.guichet.core.application.ManageCatalog.SubjectChange;
import fr.guichet.core.application.ManageCatalog.TypeChange;
import fr.guichet.core.application.ManageCatalog.TypeEntry;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Routing;
import fr.guichet.core.domain.subject.ServiceTargets;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManageCatalogTest {

    private static final Person ADMIN = new Person(PersonId.of("admin"), EmailAddress.of("admin@ac-creteil.fr"),
            new PersonName("Anne", "Durand"), null, Set.of(Role.ADMIN), Set.of(), true);

    private final TestWorld world = new TestWorld();

    {
        join(world, ADMIN);
    }

    private final ManageCatalog catalog = world.ticketing.manageCatalog();
    private final Person teacher = join(world, Fixtures.newRequester());

    private List<AuditEntry> audit() {
        return world.ticketing.listAudit().list(ADMIN, new PageRequest(1, 50)).items();
    }

    private CatalogNode node(SubjectCode code) {
        List<CatalogNode> all = new ArrayList<>();
        catalog.tree(ADMIN).forEach(n -> flatten(n, all));
        return all.stream().filter(n -> n.subject().code().equals(code)).findFirst().orElseThrow();
    }

    private static void flatten(CatalogNode node, List<CatalogNode> out) {
        out.add(node);
        node.children().forEach(c -> flatten(c, out));
    }

    private Request file(SubjectCode subject, String type) {
        return world.ticketing.fileRequest().file(teacher, new RequestDraft(subject, type,
                new Summary("Exercices introuvables"), new Description("La page reste blanche."),
                Visibility.PRIVATE), List.of(), null).details().request();
    }

    private List<SubjectCode> offered(SubjectCode parent) {
        return world.ticketing.browseCatalog().activeTree().stream().flatMap(n -> n.children().stream())
                .filter(n -> n.subject().code().parent().orElseThrow().equals(parent))
                .map(n -> n.subject().code()).toList();
    }

    @Test
    void an_administrator_reads_the_whole_tree_with_inactive_subjects_and_what_each_inherits() {
        List<CatalogNode> tree = catalog.tree(ADMIN);

        CatalogNode eve = tree.get(0);
        assertEquals(Fixtures.EVE_4, eve.subject().code());
        assertEquals(List.of("EVE-4.1", "EVE-4.2", "EVE-4.3"),
                eve.children().stream().map(c -> c.subject().code().value()).toList());
        CatalogNode sesamath = eve.children().get(0);
        assertFalse(sesamath.subject().active());
        assertFalse(sesamath.offered());
        CatalogNode mathenpoche = node(Fixtures.MATHENPOCHE);
        assertEquals(2, mathenpoche.position());
        assertNull(mathenpoche.ownGroup());
        assertEquals(Fixtures.PLATEFORME, mathenpoche.group().code());
        assertEquals(Routing.FEWEST_OPEN, mathenpoche.routing());
        assertEquals(List.of("Sam Spécialiste"), mathenpoche.specialists().stream().map(NamedPerson::displayName)
                .toList());
        assertEquals(Map.of("code", "EVE-4.2", "label", "Mathenpoche", "active", "oui", "position", "2",
                "group", "hérité : Plateforme d'assistance du rectorat",
                "specialists", "Sam Spécialiste (specialiste-mep)",
                "routing", "hérité : Au membre le moins chargé", "firstAnswerHours", "aucun",
                "resolutionHours", "aucun"),
                mathenpoche.snapshot().fields());
    }

    @Test
    void a_subject_added_with_a_specialist_is_offered_at_once_and_its_first_request_goes_to_the_specialist() {
        CatalogNode added = catalog.addSubject(ADMIN, new NewSubject("EVE-4", null, "LaboMEP nouvelle version",
                "EVE", List.of("specialiste-mep"), "FEWEST_OPEN"));

        SubjectCode code = SubjectCode.parse("EVE-4.4");
        assertEquals(code, added.subject().code());
        assertEquals(4, added.position());
        assertTrue(offered(Fixtures.EVE_4).contains(code));
        Request filed = file(code, "USAGE");
        assertEquals(Status.ASSIGNED, filed.summaryLine().status());
        assertEquals(Fixtures.specialist().id(), filed.summaryLine().assignee());
        AuditEntry entry = audit().get(0);
        assertEquals("subject.create", entry.action());
        assertEquals("EVE – 4.4 – LaboMEP nouvelle version", entry.target().label());
        assertEquals("Spécialistes des applications disciplinaires", entry.after().fields().get("group"));
        assertEquals("Sam Spécialiste (specialiste-mep)", entry.after().fields().get("specialists"));
    }

    @Test
    void an_administrator_may_give_the_new_subjects_code_under_its_parent() {
        CatalogNode added = catalog.addSubject(ADMIN, new NewSubject("EVE-4", "EVE-4.9", "Éduthèque", null, null,
                null));

        assertEquals("EVE-4.9", added.subject().code().value());
        assertEquals(Fixtures.PLATEFORME, added.group().code());
        assertEquals(Routing.FEWEST_OPEN, added.routing());
        assertEquals(SubjectCode.parse("EVE-4.10"), catalog.addSubject(ADMIN,
                new NewSubject("EVE-4", null, "Suivant", null, null, null)).subject().code());
    }

    @Test
    void a_faulty_new_subject_is_refused_on_its_fields_and_nothing_is_stored_or_audited() {
        Person requester = Fixtures.montanes();
        Map<String, NewSubject> faulty = Map.of(
                "code", new NewSubject("EVE-4", "MES-1.9", "Ailleurs", null, null, null),
                "parent", new NewSubject("EVE-7", null, "Sans parent", null, null, null),
                "label", new NewSubject("EVE-4", null, " ", null, null, null),
                "group", new NewSubject("EVE-4", null, "Groupe inconnu", "NOPE", null, null),
                "specialists", new NewSubject("EVE-4", null, "Pas du personnel", null,
                        List.of(requester.id().value()), null),
                "routing", new NewSubject("EVE-4", null, "Acheminement", null, null, "RANDOM"));
        faulty.forEach((field, draft) -> {
            TicketingException e = refused(ErrorKind.INVALID, () -> catalog.addSubject(ADMIN, draft));
            assertEquals(field, e.errors().get(0).field(), field);
        });
        TicketingException taken = refused(ErrorKind.INVALID, () -> catalog.addSubject(ADMIN,
                new NewSubject("EVE-4", "EVE-4.2", "Doublon", null, null, null)));
        assertEquals("subject.code.taken", taken.errors().get(0).code());
        TicketingException root = refused(ErrorKind.INVALID, () -> catalog.addSubject(ADMIN,
                new NewSubject(null, "ABC-1", "Racine", null, null, null)));
        assertEquals("group", root.errors().get(0).field());
        assertEquals(Fixtures.catalog().all(), world.catalog.catalog().all());
        assertTrue(audit().isEmpty());
    }

    @Test
    void a_deactivated_subject_is_no_longer_offered_and_its_requests_keep_their_subject() {
        Request before = file(Fixtures.LABOMEP, "USAGE");

        catalog.changeSubject(ADMIN, "EVE-4.3", null, new SubjectChange(null, false, null, null, null, null));

        assertFalse(offered(Fixtures.EVE_4).contains(Fixtures.LABOMEP));
        TicketingException e = refused(ErrorKind.INVALID, () -> file(Fixtures.LABOMEP, "USAGE"));
        assertEquals("subject", e.errors().get(0).field());
        assertEquals("EVE – 4.3 – LaboMep", world.ticketing.viewRequest()
                .view(teacher, before.summaryLine().number()).subjectDisplay());
        AuditEntry entry = audit().get(0);
        assertEquals("subject.update", entry.action());
        assertEquals("oui", entry.before().fields().get("active"));
        assertEquals("non", entry.after().fields().get("active"));
    }

    @Test
    void a_subject_gets_its_own_group_specialists_and_routing_and_gives_them_back_to_inherit() {
        String seen = node(Fixtures.MATHENPOCHE).snapshot().fingerprint();
        CatalogNode own = catalog.changeSubject(ADMIN, "EVE-4.2", seen, new SubjectChange("Mathenpoche 2", null,
                new Own("EVE"), List.of(), new Own("GROUP_QUEUE"), null));

        assertEquals(Fixtures.EVE, own.ownGroup().code());
        assertEquals(Routing.GROUP_QUEUE, own.subject().routing());
        assertEquals(List.of(), own.subject().specialists());
        assertEquals(Status.NEW, file(Fixtures.MATHENPOCHE, "USAGE").summaryLine().status());

        CatalogNode inherited = catalog.changeSubject(ADMIN, "EVE-4.2", own.snapshot().fingerprint(),
                new SubjectChange(null, null, new Own(null), null, new Own(null), null));
        assertNull(inherited.ownGroup());
        assertNull(inherited.subject().routing());
        assertEquals(Fixtures.PLATEFORME, inherited.group().code());
        assertEquals("Mathenpoche 2", world.catalog.catalog().find(Fixtures.MATHENPOCHE).orElseThrow().label());
    }

    @Test
    void a_subject_gets_its_own_targets_which_its_children_inherit_and_gives_them_back() {
        catalog.changeSubject(ADMIN, "EVE-4", null, new SubjectChange(null, null, null, null, null, null,
                new OwnHours(8), new OwnHours(40)));
        CatalogNode child = catalog.changeSubject(ADMIN, "EVE-4.2", null, new SubjectChange(null, null, null, null,
                null, null, new OwnHours(4), null));

        assertEquals(new ServiceTargets(4, null), child.subject().targets());
        assertEquals(new ServiceTargets(4, 40), child.targets());
        assertEquals("hérité : 40 h ouvrées", child.snapshot().fields().get("resolutionHours"));
        assertEquals("4 h ouvrées", child.snapshot().fields().get("firstAnswerHours"));

        CatalogNode inherited = catalog.changeSubject(ADMIN, "EVE-4.2", null, new SubjectChange(null, null, null,
                null, null, null, new OwnHours(null), null));
        assertEquals(new ServiceTargets(8, 40), inherited.targets());
        TicketingException e = refused(ErrorKind.INVALID, () -> catalog.changeSubject(ADMIN, "EVE-4.2", null,
                new SubjectChange(null, null, null, null, null, null, new OwnHours(0), null)));
        assertEquals("firstAnswerHours", e.errors().get(0).field());
    }

    @Test
    void a_specialist_who_left_does_not_stop_the_subject_from_changing_but_cannot_be_added_again() {
        world.people.save(Fixtures.specialist().deactivated());
        String seen = node(Fixtures.MATHENPOCHE).snapshot().fingerprint();

        CatalogNode renamed = catalog.changeSubject(ADMIN, "EVE-4.2", seen, new SubjectChange("Mathenpoche 2", null,
                null, List.of("specialiste-mep"), null, null));

        assertEquals("Mathenpoche 2", renamed.subject().label());
        TicketingException e = refused(ErrorKind.INVALID, () -> catalog.changeSubject(ADMIN, "EVE-4.1", null,
                new SubjectChange(null, null, null, List.of("specialiste-mep"), null, null)));
        assertEquals("specialists", e.errors().get(0).field());
    }

    @Test
    void a_root_cannot_inherit_a_group() {
        TicketingException e = refused(ErrorKind.INVALID, () -> catalog.changeSubject(ADMIN, "EVE-4", null,
                new SubjectChange(null, null, new Own(null), null, null, null)));
        assertEquals("group", e.errors().get(0).field());
    }

    @Test
    void reordering_moves_a_subject_among_its_siblings_and_the_public_list_follows() {
        catalog.changeSubject(ADMIN, "EVE-4.3", null, new SubjectChange(null, null, null, null, null, 1));

        assertEquals(List.of(Fixtures.LABOMEP, Fixtures.MATHENPOCHE), offered(Fixtures.EVE_4));
        assertEquals(1, node(Fixtures.LABOMEP).position());
        assertEquals(3, node(Fixtures.MATHENPOCHE).position());
        TicketingException e = refused(ErrorKind.INVALID, () -> catalog.changeSubject(ADMIN, "EVE-4.3", null,
                new SubjectChange(null, null, null, null, null, 4)));
        assertEquals("position", e.errors().get(0).field());
        catalog.changeSubject(ADMIN, "MES-1", null, new SubjectChange(null, null, null, null, null, 1));
        assertEquals(List.of("MES-1", "EVE-4", "RES-5"), world.ticketing.browseCatalog().activeTree().stream()
                .map(n -> n.subject().code().value()).toList());
    }

    @Test
    void a_change_from_a_stale_view_is_refused_and_an_unknown_subject_is_not_found() {
        String seen = node(Fixtures.LABOMEP).snapshot().fingerprint();
        catalog.changeSubject(ADMIN, "EVE-4.2", null, new SubjectChange(null, null, null, null, null, 3));

        refused(ErrorKind.STALE, () -> catalog.changeSubject(ADMIN, "EVE-4.3", seen,
                new SubjectChange("Autre", null, null, null, null, null)));
        refused(ErrorKind.NOT_FOUND, () -> catalog.changeSubject(ADMIN, "EVE-4.7", null,
                new SubjectChange("Autre", null, null, null, null, null)));
        refused(ErrorKind.NOT_FOUND, () -> catalog.changeSubject(ADMIN, "n'importe quoi", null,
                new SubjectChange("Autre", null, null, null, null, null)));
        assertEquals("LaboMep", world.catalog.catalog().find(Fixtures.LABOMEP).orElseThrow().label());
    }

    @Test
    void request_types_are_added_renamed_reordered_and_a_deactivated_one_is_no_longer_offered_but_still_named() {
        Request before = file(Fixtures.MATHENPOCHE, "INFO");
        TypeEntry added = catalog.addRequestType(ADMIN, "FORMATION", "demande de formation");
        assertEquals(4, added.position());

        TypeEntry moved = catalog.changeRequestType(ADMIN, "FORMATION", added.snapshot().fingerprint(),
                new TypeChange("formation", null, 1));
        catalog.changeRequestType(ADMIN, "INFO", null, new TypeChange(null, false, null));

        assertEquals(1, moved.position());
        assertEquals(List.of("FORMATION", "USAGE", "INCIDENT"), world.ticketing.browseCatalog().requestTypes()
                .stream().map(RequestType::code).toList());
        assertEquals(List.of("FORMATION", "USAGE", "INCIDENT", "INFO"), catalog.requestTypes(ADMIN).stream()
                .map(t -> t.type().code()).toList());
        TicketingException e = refused(ErrorKind.INVALID, () -> file(Fixtures.MATHENPOCHE, "INFO"));
        assertEquals("request_type.inactive", e.errors().get(0).code());
        assertEquals("demande d'information", world.ticketing.viewRequest()
                .view(teacher, before.summaryLine().number()).typeLabel());
        assertEquals(List.of("request-type.update", "request-type.update", "request-type.create"),
                audit().stream().map(AuditEntry::action).toList());
        refused(ErrorKind.STALE, () -> catalog.changeRequestType(ADMIN, "FORMATION", added.snapshot().fingerprint(),
                new TypeChange("autre", null, null)));
    }

    @Test
    void the_last_subject_and_the_last_request_type_offered_stay_offered() {
        for (SubjectCode root : List.of(Fixtures.EVE_4, Fixtures.MAIL)) {
            catalog.changeSubject(ADMIN, root.value(), null, new SubjectChange(null, false, null, null, null, null));
        }
        TicketingException subject = refused(ErrorKind.INVALID, () -> catalog.changeSubject(ADMIN,
                Fixtures.NETWORK.value(), null, new SubjectChange(null, false, null, null, null, null)));
        assertEquals("subject.last_offered", subject.errors().get(0).code());
        assertEquals("active", subject.errors().get(0).field());

        for (String code : List.of("USAGE", "INCIDENT")) {
            catalog.changeRequestType(ADMIN, code, null, new TypeChange(null, false, null));
        }
        TicketingException type = refused(ErrorKind.INVALID, () -> catalog.changeRequestType(ADMIN, "INFO", null,
                new TypeChange(null, false, null)));
        assertEquals("request_type.last_offered", type.errors().get(0).code());
        assertTrue(world.catalog.catalog().isActive(Fixtures.NETWORK));
        assertEquals(1, world.catalog.catalog().activeRequestTypes().size());
    }

    @Test
    void a_faulty_request_type_is_refused_on_its_field() {
        assertEquals("code", refused(ErrorKind.INVALID, () -> catalog.addRequestType(ADMIN, "usage", "x"))
                .errors().get(0).field());
        assertEquals("code", refused(ErrorKind.INVALID, () -> catalog.addRequestType(ADMIN, "USAGE", "x"))
                .errors().get(0).field());
        assertEquals("label", refused(ErrorKind.INVALID, () -> catalog.addRequestType(ADMIN, "NEW", ""))
                .errors().get(0).field());
        assertEquals("position", refused(ErrorKind.INVALID, () -> catalog.changeRequestType(ADMIN, "USAGE", null,
                new TypeChange(null, null, 0))).errors().get(0).field());
        refused(ErrorKind.NOT_FOUND, () -> catalog.changeRequestType(ADMIN, "NOPE", null,
                new TypeChange("x", null, null)));
        assertTrue(audit().isEmpty());
    }

    @Test
    void only_an_administrator_reads_or_changes_the_catalog() {
        refused(ErrorKind.FORBIDDEN, () -> catalog.tree(Fixtures.agent()));
        refused(ErrorKind.FORBIDDEN, () -> catalog.requestTypes(Fixtures.specialist()));
        refused(ErrorKind.FORBIDDEN, () -> catalog.addSubject(Fixtures.agent(),
                new NewSubject("EVE-4", null, "x", null, null, null)));
        refused(ErrorKind.FORBIDDEN, () -> catalog.changeRequestType(Fixtures.agent(), "USAGE", null,
                new TypeChange("x", null, null)));
        assertEquals(Fixtures.catalog().all(), world.catalog.catalog().all());
    }

    @Test
    void a_catalog_that_is_not_a_store_is_read_but_not_changed() {
        Ticketing readOnly = Ticketing.builder(world.ports().withCatalog(Fixtures::catalog)).build();

        assertEquals(3, readOnly.manageCatalog().tree(ADMIN).size());
        refused(ErrorKind.CONFLICT, () -> readOnly.manageCatalog().changeSubject(ADMIN, "EVE-4", null,
                new SubjectChange("x", null, null, null, null, null)));
    }

    @Test
    void a_subject_keeps_its_own_fields_when_another_is_changed() {
        catalog.changeSubject(ADMIN, "EVE-4.3", null, new SubjectChange("LaboMEP", null, null, null, null, null));

        Subject mathenpoche = world.catalog.catalog().find(Fixtures.MATHENPOCHE).orElseThrow();
        assertEquals(Fixtures.catalog().find(Fixtures.MATHENPOCHE).orElseThrow(), mathenpoche);
    }
}
