package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An import whose administrator is removed on another node while it runs keeps what it wrote before and says so: its
 * report holds the lines done and why it stopped at the next one, which it did not write; one removed before it starts
 * is refused and writes nothing.
 */
class ImportStoppedTest {

    private final TestWorld world = new TestWorld();
    private final Person anne = join(world, admin("anne"));
    private final Person bruno = join(world, admin("bruno"));
    /** Another node over the same store. */
    private final Ticketing elsewhere = Ticketing.builder(world.ports()).clock(world.clock).build();
    /** This node, whose transactions remove Anne elsewhere once the first one that was audited has committed. */
    private final Ticketing here = Ticketing.builder(removingAnneAfterFirstAuditedWrite()).clock(world.clock).build();

    private static Person admin(String id) {
        return new Person(PersonId.of("admin-" + id), EmailAddress.of(id + ".admin@ac-creteil.fr"),
                new PersonName(id, "Admin"), null, Set.of(Role.AGENT, Role.ADMIN), Set.of(), true);
    }

    private static String uai(int n) {
        String digits = String.format("%07d", n);
        return digits + Uai.checkLetter(digits);
    }

    private long audited() {
        return world.audit.newestFirst(new PageRequest(1, 1)).total();
    }

    private void removeAnne() {
        elsewhere.administerPeople().update(bruno, anne.id(),
                new PersonForm(null, null, null, null, null, List.of("Agent"), null, null), null);
    }

    @Test
    void an_establishments_import_stopped_by_the_administrators_removal_reports_the_batches_it_kept() {
        long before = audited();
        List<EstablishmentRow> rows = IntStream.range(0, ManageEstablishments.BATCH + 500)
                .mapToObj(i -> new EstablishmentRow(i + 2, uai(9400000 + i), "Collège n° " + i, "Collège", "Créteil",
                        "094"))
                .toList();

        ImportReport report = here.manageEstablishments().importEstablishments(anne, rows);

        DomainError stop = report.stopped().orElseThrow();
        assertEquals(ErrorKind.FORBIDDEN, stop.kind());
        assertEquals("import.stopped", stop.code());
        int next = ManageEstablishments.BATCH + 2;
        assertTrue(stop.message().contains("plus administrateur") && stop.message().contains("ligne " + next)
                && stop.message().contains("ajoutées : " + ManageEstablishments.BATCH), stop.message());
        assertEquals(ManageEstablishments.BATCH, report.lines().size());
        assertEquals(ManageEstablishments.BATCH, report.count(ImportReport.Outcome.CREATED));
        assertTrue(world.establishments.find(Uai.parse(uai(9400000 + next - 3))).isPresent(), "the first batch kept");
        assertTrue(world.establishments.find(Uai.parse(uai(9400000 + next - 2))).isEmpty(), "nothing after it");
        assertEquals(before + 2, audited(), "the first batch and the removal");
    }

    @Test
    void a_people_import_stopped_by_the_administrators_removal_reports_the_lines_it_kept() {
        List<ImportReport.Row> rows = IntStream.rangeClosed(2, 4).mapToObj(n -> new ImportReport.Row(n,
                new PersonForm("import-" + n, "import" + n + "@ac-creteil.fr", "Paul", "Import" + n, null,
                        List.of("Agent"), null, null))).toList();

        ImportReport report = here.administerPeople().importPeople(anne, rows);

        DomainError stop = report.stopped().orElseThrow();
        assertEquals("import.stopped", stop.code());
        assertTrue(stop.message().contains("ligne 3") && stop.message().contains("ajoutées : 1"), stop.message());
        assertEquals(List.of(2), report.lines().stream().map(ImportReport.Line::number).toList());
        assertEquals(ImportReport.Outcome.CREATED, report.lines().get(0).outcome());
        assertTrue(world.people.find(PersonId.of("import-2")).isPresent());
        assertTrue(world.people.find(PersonId.of("import-3")).isEmpty());
        assertTrue(world.people.find(PersonId.of("import-4")).isEmpty());
    }

    @Test
    void an_import_by_an_administrator_removed_before_it_starts_is_refused_and_writes_nothing() {
        removeAnne();
        long before = audited();

        assertEquals("person.admin.removed", refused(ErrorKind.FORBIDDEN, () -> here.manageEstablishments()
                .importEstablishments(anne, List.of(new EstablishmentRow(2, uai(9300000), "École", "Ecole", "Bobigny",
                        "93")))).code());
        assertEquals("person.admin.removed", refused(ErrorKind.FORBIDDEN, () -> here.administerPeople()
                .importPeople(anne, List.of(new ImportReport.Row(2, new PersonForm("import-9",
                        "import9@ac-creteil.fr", "Paul", "Import", null, List.of("Agent"), null, null)))))
                .code());
        assertTrue(world.establishments.find(Uai.parse(uai(9300000))).isEmpty());
        assertTrue(world.people.find(PersonId.of("import-9")).isEmpty());
        assertEquals(before, audited());
    }

    /** The world's ports, but for a unit of work that removes Anne once a transaction of its own was audited. */
    private Ports removingAnneAfterFirstAuditedWrite() {
        Ports ports = world.ports();
        UnitOfWork store = ports.unitOfWork();
        long[] auditedAtStart = {-1};
        UnitOfWork removing = new UnitOfWork() {
            private int depth;

            @Override
            public <T> T inTransaction(Supplier<T> work) {
                if (auditedAtStart[0] < 0) {
                    auditedAtStart[0] = audited();
                }
                depth++;
                try {
                    return store.inTransaction(work);
                } finally {
                    depth--;
                    if (depth == 0 && auditedAtStart[0] >= 0 && audited() > auditedAtStart[0]) {
                        auditedAtStart[0] = Long.MAX_VALUE;
                        removeAnne();
                    }
                }
            }
        };
        return new Ports(removing, ports.requests(), ports.people(), ports.registry(), ports.catalog(),
                ports.attachments(), ports.outbox(), ports.sessions(), ports.credentials(), ports.cannedAnswers(),
                ports.passwordResets(), ports.audit(), ports.storedSettings(), ports.mailLog(), ports.establishments(),
                ports.statistics());
    }
}
