package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.establishment.Establishment;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManageEstablishmentsTest {

    private final TestWorld world = new TestWorld();
    private final Person admin = join(world, new Person(PersonId.of("admin"), EmailAddress.of("admin@ac-creteil.fr"),
            new PersonName("Ada", "Admin"), null, Set.of(Role.ADMIN), Set.of(), true));
    private final ManageEstablishments establishments = world.ticketing.manageEstablishments();

    private static String uai(int n) {
        String digits = String.format("%07d", n);
        return digits + Uai.checkLetter(digits);
    }

    private Optional<Establishment> stored(String uai) {
        return world.establishments.find(Uai.parse(uai));
    }

    private List<AuditEntry> audit() {
        return world.audit.newestFirst(new PageRequest(1, 100)).items();
    }

    private static List<ImportReport.Outcome> outcomes(ImportReport report) {
        return report.lines().stream().map(ImportReport.Line::outcome).toList();
    }

    @Test
    public void lines_are_added_then_updated_then_left_unchanged() {
        List<EstablishmentRow> first = List.of(
                new EstablishmentRow(2, "0941295x", "Collège Jean Moulin", "Collège", "Créteil", "094"),
                new EstablishmentRow(3, uai(9300001), "École Paul Bert", "Ecole", "Bobigny", "93"));
        ImportReport added = establishments.importEstablishments(admin, first);

        assertEquals(List.of(ImportReport.Outcome.CREATED, ImportReport.Outcome.CREATED), outcomes(added));
        assertEquals(Optional.of(new Establishment(new Uai("0941295X"), "Collège Jean Moulin", "Collège", "Créteil",
                new Department("94"))), stored("0941295X"));

        List<EstablishmentRow> second = List.of(
                new EstablishmentRow(2, "0941295X", "Collège Jean Moulin", "Collège", "Créteil", "94"),
                new EstablishmentRow(3, uai(9300001), "École élémentaire Paul Bert", "Ecole", "Bobigny", "93"));
        assertEquals(List.of(ImportReport.Outcome.UNCHANGED, ImportReport.Outcome.UPDATED),
                outcomes(establishments.importEstablishments(admin, second)));
        assertEquals("École élémentaire Paul Bert", stored(uai(9300001)).orElseThrow().name());

        int entries = audit().size();
        assertEquals(List.of(ImportReport.Outcome.UNCHANGED, ImportReport.Outcome.UNCHANGED),
                outcomes(establishments.importEstablishments(admin, second)));
        assertEquals(entries, audit().size(), "an import that changes nothing records nothing");
    }

    @Test
    public void a_refused_line_says_why_in_french_and_never_stops_the_others() {
        String wrongLetter = uai(7700001).substring(0, 7) + (uai(7700001).endsWith("A") ? "B" : "A");
        ImportReport report = establishments.importEstablishments(admin, List.of(
                new EstablishmentRow(2, wrongLetter, "École fausse", "Ecole", "Meaux", "77"),
                new EstablishmentRow(3, uai(7700002), "École bonne", "Ecole", "Meaux", "77"),
                new EstablishmentRow(4, uai(7700003), " ", "Ecole", "Meaux", "77"),
                new EstablishmentRow(5, uai(7700004), "École sans département", "Ecole", "Meaux", "7"),
                new EstablishmentRow(6, "", "École sans code", "Ecole", "Meaux", "77"),
                new EstablishmentRow(7, uai(7700002), "École bonne en double", "Ecole", "Meaux", "77")));

        assertEquals(List.of(ImportReport.Outcome.REFUSED, ImportReport.Outcome.CREATED,
                ImportReport.Outcome.REFUSED, ImportReport.Outcome.REFUSED, ImportReport.Outcome.REFUSED,
                ImportReport.Outcome.REFUSED), outcomes(report));
        assertEquals(List.of(2, 3, 4, 5, 6, 7), report.lines().stream().map(ImportReport.Line::number).toList());
        assertEquals("uai.invalid", report.lines().get(0).errors().get(0).code());
        assertTrue(report.lines().get(0).errors().get(0).message().contains("lettre de contrôle"));
        assertEquals("name.required", report.lines().get(2).errors().get(0).code());
        assertEquals("department.invalid", report.lines().get(3).errors().get(0).code());
        assertEquals("uai.required", report.lines().get(4).errors().get(0).code());
        assertEquals("establishment.duplicate", report.lines().get(5).errors().get(0).code());
        assertTrue(report.lines().get(5).errors().get(0).message().contains("ligne 3"));
        assertEquals("École bonne", stored(uai(7700002)).orElseThrow().name());
        assertEquals(Optional.empty(), world.establishments.find(Uai.parse(uai(7700004))));
    }

    @Test
    public void ten_thousand_lines_are_imported_a_batch_a_transaction_each_audited() {
        List<EstablishmentRow> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(new EstablishmentRow(i + 2, uai(9_400_000 + i), "École " + i, "Ecole", "Vitry-sur-Seine",
                    "94"));
        }

        ImportReport report = establishments.importEstablishments(admin, rows);

        assertEquals(10_000, report.count(ImportReport.Outcome.CREATED));
        assertEquals("École 9999", stored(uai(9_409_999)).orElseThrow().name());
        List<AuditEntry> entries = audit().stream().filter(e -> e.action().equals("establishment.import")).toList();
        assertEquals(10, entries.size());
        assertTrue(entries.get(0).after().fields().get("ajoutés").contains(uai(9_409_999)));
        assertEquals(10_000, establishments.importEstablishments(admin, rows).count(ImportReport.Outcome.UNCHANGED));
    }

    @Test
    public void only_administrators_import_and_anyone_signed_in_searches() {
        List<EstablishmentRow> rows = List.of(new EstablishmentRow(2, uai(9300005), "Lycée Jacques Brel", "Lycée",
                "La Courneuve", "93"));
        refused(ErrorKind.FORBIDDEN, () -> establishments.importEstablishments(Fixtures.agent(), rows));
        refused(ErrorKind.FORBIDDEN, () -> establishments.importEstablishments(Fixtures.montanes(), rows));
        establishments.importEstablishments(admin, rows);

        assertEquals(List.of(uai(9300005)), establishments.search(Fixtures.montanes(), "lycee brel").stream()
                .map(e -> e.uai().value()).toList());
        assertEquals(List.of(), establishments.search(Fixtures.montanes(), ""));
        refused(ErrorKind.INVALID, () -> establishments.search(Fixtures.montanes(), "x".repeat(201)));
    }

    @Test
    public void lists_and_views_name_an_establishment_once_the_directory_knows_it() {
        Person teacher = Fixtures.montanes();
        RequestNumber number = Scenario.file(world, teacher);
        assertNull(world.ticketing.listMyRequests().list(teacher, null, PageRequest.first()).items().get(0)
                .establishmentName());

        establishments.importEstablishments(admin, List.of(new EstablishmentRow(2, "0941295X", "Collège Jean Moulin",
                "Collège", "Créteil", "94")));

        assertEquals("Collège Jean Moulin", world.ticketing.listMyRequests().list(teacher, null, PageRequest.first())
                .items().get(0).establishmentName());
        assertEquals("Collège Jean Moulin", world.ticketing.listQueue().list(Fixtures.agent(), QueueFilter.everything(),
                PageRequest.first()).items().get(0).establishmentName());
        assertEquals("Collège Jean Moulin", world.ticketing.viewRequest().view(teacher, number).establishmentName());
    }

    @Test
    public void too_many_lines_are_refused_before_anything_changes() {
        List<EstablishmentRow> rows = new ArrayList<>();
        for (int i = 0; i <= ManageEstablishments.MAX_IMPORT_ROWS; i++) {
            rows.add(new EstablishmentRow(i + 2, "", "", "", "", ""));
        }
        refused(ErrorKind.INVALID, () -> establishments.importEstablishments(admin, rows));
    }
}
