package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonField;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.LastActivity;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.testing.DecidingDirectory;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AdministerPeopleTest {

    private final TestWorld world = new TestWorld();
    private final Person admin = join(world, new Person(PersonId.of("admin"), EmailAddress.of("admin@ac-creteil.fr"),
            new PersonName("Ada", "Admin"), null, Set.of(Role.ADMIN), Set.of(), true));
    private final AdministerPeople people = world.ticketing.administerPeople();

    private static PersonForm form(String id, String email, String given, String family, String uai,
            List<String> roles, List<String> groups) {
        return new PersonForm(id, email, given, family, uai, roles, groups, null);
    }

    private static PersonForm patch() {
        return new PersonForm(null, null, null, null, null, null, null, null);
    }

    private List<AuditEntry> audit() {
        return world.audit.newestFirst(new PageRequest(1, 100)).items();
    }

    private List<Notification> mails(TemplateKey key) {
        return world.outbox.all().stream().map(e -> e.notification()).filter(n -> n.template() == key).toList();
    }

    private static Map<String, String> fields(TicketingException e) {
        return e.errors().stream().collect(Collectors.toMap(DomainError::field, DomainError::message));
    }

    @Test
    void an_administrator_creates_a_local_account_whose_person_chooses_a_password_with_the_mailed_link() {
        PersonSheet sheet = people.create(admin, form("nbernard", "nina.bernard@ac-creteil.fr", " Nina ", "Bernard",
                "0941295x", List.of("Agent", "ADMIN"), List.of("PLATEFORME")));

        Person nina = world.people.find(PersonId.of("nbernard")).orElseThrow();
        assertEquals(sheet.person(), nina);
        assertEquals(new PersonName("Nina", "Bernard"), nina.name());
        assertEquals(Uai.parse("0941295X"), nina.establishment());
        assertEquals(Set.of(Role.AGENT, Role.ADMIN), nina.roles());
        assertEquals(Set.of(Fixtures.PLATEFORME), nina.groups());
        assertTrue(sheet.readOnly().isEmpty());
        AuditEntry entry = audit().get(0);
        assertEquals("person.create", entry.action());
        assertEquals("nbernard", entry.target().key());
        assertTrue(entry.before().isNone());
        assertEquals("Administrateur, Agent", entry.after().fields().get("roles"));
        assertEquals("Plateforme d'assistance du rectorat", entry.after().fields().get("groups"));
        assertEquals(sheet.snapshot(), entry.after());

        Notification mail = mails(TemplateKey.ACCOUNT_CREATED).get(0);
        assertEquals("nina.bernard@ac-creteil.fr", mail.recipient().value());
        assertEquals("nbernard", mail.data().get("identifier"));
        world.clock.advance(AdministerPeople.FIRST_LINK_VALIDITY.minus(Duration.ofMinutes(1)));
        world.ticketing.resetPassword().reset(mail.data().get("resetToken"), "une phrase de passe assez longue");
        assertTrue(world.accounts.verify("nbernard", "une phrase de passe assez longue").isPresent());
    }

    @Test
    void a_creation_is_refused_field_by_field_and_leaves_nothing() {
        int audited = audit().size();
        TicketingException taken = refused(ErrorKind.INVALID, () -> people.create(admin, form("mmontanes",
                "x@ac-creteil.fr", "Marc", "Montanes", null, List.of(), List.of())));
        assertEquals(Set.of("identifier"), fields(taken).keySet());
        TicketingException reserved = refused(ErrorKind.INVALID, () -> people.create(admin, form("$guichet",
                "guichet@ac-creteil.fr", "Faux", "Guichet", null, List.of(), List.of())));
        assertEquals("person.identifier.reserved", reserved.errors().get(0).code());

        TicketingException many = refused(ErrorKind.INVALID, () -> people.create(admin, form("", "pas une adresse",
                " ", "Nom", "0941295A", List.of("Chef"), List.of("NULLE-PART"))));
        assertEquals(Set.of("identifier", "email", "givenName", "establishment", "roles", "groups"),
                fields(many).keySet());
        assertTrue(fields(many).get("roles").contains("Demandeur, Agent, Spécialiste ou Administrateur"));

        TicketingException outside = refused(ErrorKind.INVALID, () -> people.create(admin, form("jdoe",
                "john.doe@gmail.com", "John", "Doe", null, List.of("Demandeur"), List.of())));
        assertEquals("person.email.not_eligible", outside.code());
        assertTrue(outside.getMessage().contains("ac-creteil.fr"));
        assertEquals(audited, audit().size());
        assertTrue(world.people.find(PersonId.of("jdoe")).isEmpty());
        assertTrue(mails(TemplateKey.ACCOUNT_CREATED).isEmpty());

        people.create(admin, form("jdoe", "john.doe@prestataire.fr", "John", "Doe", null, List.of("Spécialiste"),
                List.of("EVE")));
        assertTrue(world.people.find(PersonId.of("jdoe")).isPresent(), "staff may have any address");
    }

    @Test
    void only_an_administrator_reads_or_changes_people() {
        Person agent = Fixtures.agent();
        refused(ErrorKind.FORBIDDEN, () -> people.search(agent, "", PageRequest.first()));
        refused(ErrorKind.FORBIDDEN, () -> people.view(agent, PersonId.of("mmontanes")));
        refused(ErrorKind.FORBIDDEN, () -> people.create(agent, form("x", "x@ac-creteil.fr", "X", "Y", null,
                List.of(), List.of())));
        refused(ErrorKind.FORBIDDEN, () -> people.importPeople(agent, List.of()));
        refused(ErrorKind.NOT_FOUND, () -> people.view(admin, PersonId.of("personne")));
        TicketingException tooLong = refused(ErrorKind.INVALID, () -> people.search(admin,
                "a ".repeat(AdministerPeople.MAX_SEARCH_LENGTH), PageRequest.first()));
        assertEquals(Set.of("q"), fields(tooLong).keySet());
    }

    @Test
    void a_change_touches_only_the_fields_it_gives_and_needs_the_revision_the_administrator_saw() {
        PersonSheet before = people.view(admin, PersonId.of("mmontanes"));
        PersonForm rename = new PersonForm(null, null, "Marcel", null, null, null, List.of("EVE"), null);

        PersonSheet after = people.update(admin, PersonId.of("mmontanes"), rename, before.snapshot().fingerprint());

        Person marcel = after.person();
        assertEquals(new PersonName("Marcel", "Montanes"), marcel.name());
        assertEquals(Set.of(GroupCode.of("EVE")), marcel.groups());
        assertEquals(before.person().email(), marcel.email());
        assertEquals(before.person().establishment(), marcel.establishment());
        assertEquals("person.update", audit().get(0).action());
        assertEquals("Marc", audit().get(0).before().fields().get("givenName"));

        refused(ErrorKind.STALE, () -> people.update(admin, PersonId.of("mmontanes"),
                new PersonForm(null, null, "Marc", null, null, null, null, null), before.snapshot().fingerprint()));
        TicketingException outside = refused(ErrorKind.INVALID, () -> people.update(admin,
                PersonId.of("mmontanes"), new PersonForm(null, "marc@gmail.com", null, null, "", null, null, null),
                null));
        assertEquals(Set.of("email"), fields(outside).keySet());
        PersonSheet noSchool = people.update(admin, PersonId.of("mmontanes"),
                new PersonForm(null, null, null, null, "", null, null, null), null);
        assertNull(noSchool.person().establishment());
    }

    @Test
    void an_administrator_neither_deactivates_themself_nor_takes_their_own_role_away() {
        TicketingException off = refused(ErrorKind.INVALID, () -> people.update(admin, admin.id(),
                new PersonForm(null, null, null, null, null, null, null, false), null));
        assertEquals(Set.of("active"), fields(off).keySet());
        TicketingException demoted = refused(ErrorKind.INVALID, () -> people.update(admin, admin.id(),
                new PersonForm(null, null, null, null, null, List.of("Agent"), null, null), null));
        assertEquals(Set.of("roles"), fields(demoted).keySet());
        ImportReport report = people.importPeople(admin, List.of(new ImportReport.Row(2, form("admin",
                "admin@ac-creteil.fr", "Ada", "Admin", null, List.of("Demandeur"), List.of()))));
        assertEquals(ImportReport.Outcome.REFUSED, report.lines().get(0).outcome());
        assertTrue(world.people.find(admin.id()).orElseThrow().has(Role.ADMIN));
    }

    @Test
    void an_administrator_removed_by_another_cannot_remove_them_in_turn_with_the_rights_they_signed_in_with() {
        Person other = join(world, new Person(PersonId.of("badmin"), EmailAddress.of("bruno.admin@ac-creteil.fr"),
                new PersonName("Bruno", "Admin"), null, Set.of(Role.AGENT, Role.ADMIN), Set.of(), true));
        people.update(admin, other.id(), new PersonForm(null, null, null, null, null, List.of("Agent"), null, null),
                null);

        TicketingException demoting = refused(ErrorKind.FORBIDDEN, () -> people.update(other, admin.id(),
                new PersonForm(null, null, null, null, null, List.of("Agent"), null, null), null));
        assertEquals("person.admin.removed", demoting.errors().get(0).code());
        refused(ErrorKind.FORBIDDEN, () -> people.update(other, admin.id(),
                new PersonForm(null, null, null, null, null, null, null, false), null));
        refused(ErrorKind.FORBIDDEN, () -> people.importPeople(other, List.of(new ImportReport.Row(2, form("admin",
                "admin@ac-creteil.fr", "Ada", "Admin", null, List.of("Agent"), List.of())))));
        Person kept = world.people.find(admin.id()).orElseThrow();
        assertTrue(kept.active() && kept.has(Role.ADMIN));
    }

    @Test
    void deactivating_ends_the_sessions_and_sends_the_open_requests_back_to_the_group_which_is_told() {
        Person agent = Fixtures.agent();
        Person colleague = join(world, Fixtures.newStaff(Fixtures.PLATEFORME));
        SignedIn session = world.ticketing.signIn().signIn("agent1", TestWorld.PASSWORD, false);
        RequestNumber taken = Scenario.file(world, Fixtures.montanes(), Scenario.draft(Fixtures.PRINTERS,
                "Imprimante en panne", "Plus rien ne sort.", Visibility.PRIVATE));
        RequestNumber working = Scenario.file(world, Fixtures.dupont(), Scenario.draft(Fixtures.PRINTERS,
                "Wifi lent", "Très lent.", Visibility.PRIVATE));
        RequestNumber resolved = Scenario.file(world, Fixtures.dupont(), Scenario.draft(Fixtures.PRINTERS,
                "Câble", "Débranché.", Visibility.PRIVATE));
        world.ticketing.takeRequest().take(agent, taken, null);
        world.ticketing.takeRequest().take(agent, working, null);
        world.ticketing.changeStatus().change(agent, working, Status.IN_PROGRESS, null, null);
        world.ticketing.takeRequest().take(agent, resolved, null);
        Scenario.moveTo(world, resolved, Status.RESOLVED);
        int mailsBefore = world.outbox.all().size();
        LastActivity worked = Scenario.stored(world, working).summaryLine().lastActivity();
        world.clock.advance(Duration.ofHours(2));

        people.update(admin, agent.id(), new PersonForm(null, null, null, null, null, null, null, false), null);

        assertEquals(world.clock.instant(), Scenario.stored(world, working).summaryLine().updatedAt(),
                "lists by last change see the request back in the queue");
        assertEquals(worked, Scenario.stored(world, working).summaryLine().lastActivity(), "nobody acted on it");
        assertFalse(world.people.find(agent.id()).orElseThrow().active());
        assertTrue(world.ticketing.authenticate().person(session.token()).isEmpty());
        assertNull(Scenario.stored(world, taken).summaryLine().assignee());
        assertEquals(Status.NEW, Scenario.stored(world, taken).summaryLine().status());
        assertEquals(Status.IN_PROGRESS, Scenario.stored(world, working).summaryLine().status());
        assertNull(Scenario.stored(world, working).summaryLine().assignee());
        assertEquals(Fixtures.PLATEFORME, Scenario.stored(world, working).summaryLine().assignedGroup());
        assertEquals(agent.id(), Scenario.stored(world, resolved).summaryLine().assignee(), "closed work stays");
        HistoryEntry last = Scenario.stored(world, working).history().get(
                Scenario.stored(world, working).history().size() - 1);
        assertEquals(HistoryEvent.ASSIGNED, last.event());
        assertEquals(admin.id(), last.by());
        assertEquals("agent1", last.from());
        assertNull(last.to());
        assertEquals("person.deactivate", audit().get(0).action());
        assertEquals("non", audit().get(0).after().fields().get("active"));

        List<Notification> told = world.outbox.all().subList(mailsBefore, world.outbox.all().size()).stream()
                .map(e -> e.notification()).toList();
        assertEquals(List.of(colleague.email()), told.stream().map(Notification::recipient).toList());
        Notification mail = told.get(0);
        assertEquals(TemplateKey.REQUESTS_RETURNED_TO_GROUP, mail.template());
        assertEquals("Alice Agent", mail.data().get("personName"));
        assertTrue(mail.data().get("requests").contains("n° " + taken.display() + " – Imprimante en panne"));
        assertTrue(mail.data().get("requests").contains(working.display()));
        assertFalse(mail.data().get("requests").contains(resolved.display()));

        people.update(admin, agent.id(), new PersonForm(null, null, null, null, null, null, null, true), null);
        assertTrue(world.people.find(agent.id()).orElseThrow().active());
        assertEquals("person.reactivate", audit().get(0).action());
    }

    @Test
    void with_a_directory_nobody_is_created_and_only_what_guichet_owns_changes() {
        PersonDirectory directory = new DecidingDirectory(world.people,
                EnumSet.complementOf(EnumSet.of(PersonField.ROLES, PersonField.GROUPS)));
        AdministerPeople fromDirectory = Ticketing.builder(world.ports().withDirectory(directory, world.accounts))
                .clock(world.clock).build().administerPeople();

        assertTrue(fromDirectory.fromDirectory());
        TicketingException creation = refused(ErrorKind.CONFLICT, () -> fromDirectory.create(admin,
                form("nbernard", "nina.bernard@ac-creteil.fr", "Nina", "Bernard", null, List.of(), List.of())));
        assertTrue(creation.getMessage().contains("annuaire"));
        PersonSheet sheet = fromDirectory.view(admin, PersonId.of("mmontanes"));
        assertEquals(Set.of(PersonField.EMAIL, PersonField.GIVEN_NAME, PersonField.FAMILY_NAME,
                PersonField.ESTABLISHMENT, PersonField.ACTIVE), sheet.readOnly().keySet());
        TicketingException edit = refused(ErrorKind.INVALID, () -> fromDirectory.update(admin,
                PersonId.of("mmontanes"), new PersonForm(null, "autre@ac-creteil.fr", "Marcel", null, null,
                        List.of("Agent"), null, null), null));
        assertEquals(Set.of("email", "givenName"), fields(edit).keySet());

        PersonSheet agent = fromDirectory.update(admin, PersonId.of("mmontanes"),
                new PersonForm(null, null, null, null, null, List.of("Agent"), List.of("PLATEFORME"), null), null);
        assertEquals(Set.of(Role.AGENT), agent.person().roles());
        ImportReport report = fromDirectory.importPeople(admin, List.of(new ImportReport.Row(2,
                form("x", "x@ac-creteil.fr", "X", "Y", null, List.of(), List.of()))));
        assertEquals(ImportReport.Outcome.REFUSED, report.lines().get(0).outcome());
    }

    @Test
    void an_import_creates_updates_and_refuses_line_by_line_keeping_cells_as_typed() {
        List<ImportReport.Row> rows = List.of(
                new ImportReport.Row(2, form("nbernard", "nina.bernard@ac-creteil.fr", "Nina", "Bernard",
                        "0941295X", List.of("Agent"), List.of("PLATEFORME"))),
                new ImportReport.Row(3, form("mmontanes", "marc.montanes@ac-creteil.fr", "Marc", "Montanes",
                        "0941295X", List.of(), List.of())),
                new ImportReport.Row(4, form("jdupont", "jeanne.dupont@ac-creteil.fr", "Jeanne", "Dupont-Moreau",
                        "0930122C", List.of("Demandeur"), List.of())),
                new ImportReport.Row(5, form("pirate", "pirate@gmail.com", "=HYPERLINK(\"http://x\")", "Pirate",
                        "123", List.of(), List.of("NULLE-PART"))),
                new ImportReport.Row(6, form("formule", "formule@ac-creteil.fr", "=1+2", "@SUM(A1)", null,
                        List.of(), List.of())));

        ImportReport report = people.importPeople(admin, rows);

        assertEquals(List.of(ImportReport.Outcome.CREATED, ImportReport.Outcome.UNCHANGED,
                ImportReport.Outcome.UPDATED, ImportReport.Outcome.REFUSED, ImportReport.Outcome.CREATED),
                report.lines().stream().map(ImportReport.Line::outcome).toList());
        assertEquals(List.of(2, 3, 4, 5, 6), report.lines().stream().map(ImportReport.Line::number).toList());
        ImportReport.Line refused = report.lines().get(3);
        assertEquals("pirate", refused.identifier());
        assertEquals(Set.of("establishment", "groups"), refused.errors().stream().map(DomainError::field)
                .collect(Collectors.toSet()));
        assertEquals(new PersonName("=1+2", "@SUM(A1)"), world.people.find(PersonId.of("formule")).orElseThrow()
                .name());
        assertEquals("Dupont-Moreau", world.people.find(PersonId.of("jdupont")).orElseThrow().name().family());
        assertEquals(List.of("person.import", "person.import", "person.import"),
                audit().stream().limit(3).map(AuditEntry::action).toList());
        assertEquals(2, mails(TemplateKey.ACCOUNT_CREATED).size());
        assertEquals(1, people.search(admin, "bernard NINA", PageRequest.first()).total());
    }

    private Person both() {
        return join(world, new Person(PersonId.of("bboth"), EmailAddress.of("bea.both@ac-creteil.fr"),
                new PersonName("Béa", "Both"), null, Set.of(Role.AGENT), Set.of(Fixtures.PLATEFORME, Fixtures.EVE),
                true));
    }

    private RequestNumber takenBy(Person staff, Person requester, SubjectCode subject, String summary) {
        RequestNumber number = Scenario.file(world, requester, Scenario.draft(subject, summary, "Rien ne va.",
                Visibility.PRIVATE));
        world.ticketing.takeRequest().take(staff, number, null);
        return number;
    }

    private PersonId assignee(RequestNumber number) {
        return Scenario.stored(world, number).summaryLine().assignee();
    }

    @Test
    void leaving_a_group_or_every_staff_role_sends_the_open_requests_left_behind_back_to_the_queue() {
        Person both = both();
        Person colleague = join(world, Fixtures.newStaff(Fixtures.PLATEFORME));
        RequestNumber printer = takenBy(both, Fixtures.montanes(), Fixtures.PRINTERS, "Imprimante en panne");
        RequestNumber labomep = takenBy(both, Fixtures.dupont(), Fixtures.LABOMEP, "LaboMep bloqué");
        int mailsBefore = world.outbox.all().size();

        people.update(admin, both.id(), new PersonForm(null, null, null, null, null, null, List.of("EVE"), null),
                null);

        assertNull(assignee(printer));
        assertEquals(Fixtures.PLATEFORME, Scenario.stored(world, printer).summaryLine().assignedGroup());
        assertEquals(both.id(), assignee(labomep), "the requests of a group kept stay");
        assertTrue(Scenario.stored(world, printer).history().stream().anyMatch(h -> h.event() == HistoryEvent.ASSIGNED
                && admin.id().equals(h.by()) && "bboth".equals(h.from()) && h.to() == null));
        List<Notification> told = world.outbox.all().subList(mailsBefore, world.outbox.all().size()).stream()
                .map(e -> e.notification()).toList();
        assertTrue(told.stream().map(Notification::recipient).toList().contains(colleague.email()));
        assertTrue(told.stream().allMatch(n -> n.template() == TemplateKey.REQUESTS_RETURNED_TO_GROUP
                && n.data().get("requests").contains(printer.display())
                && !n.data().get("requests").contains(labomep.display())));

        people.update(admin, both.id(), new PersonForm(null, null, null, null, null, List.of("Demandeur"), null,
                null), null);

        assertNull(assignee(labomep));
    }

    @Test
    void an_import_that_takes_a_group_away_sends_its_open_requests_back_and_empty_cells_keep_roles_and_groups() {
        Person both = both();
        RequestNumber printer = takenBy(both, Fixtures.montanes(), Fixtures.PRINTERS, "Imprimante en panne");
        RequestNumber labomep = takenBy(both, Fixtures.dupont(), Fixtures.LABOMEP, "LaboMep bloqué");

        ImportReport report = people.importPeople(admin, List.of(
                new ImportReport.Row(2, form("bboth", "bea.both@ac-creteil.fr", "Béatrice", "Both", null, List.of(),
                        List.of())),
                new ImportReport.Row(3, form("agent1", "agent1@ac-creteil.fr", "Alice", "Agent", null, List.of(" "),
                        List.of()))));

        assertEquals(List.of(ImportReport.Outcome.UPDATED, ImportReport.Outcome.UNCHANGED),
                report.lines().stream().map(ImportReport.Line::outcome).toList());
        Person kept = world.people.find(both.id()).orElseThrow();
        assertEquals("Béatrice", kept.name().given());
        assertEquals(Set.of(Role.AGENT), kept.roles());
        assertEquals(Set.of(Fixtures.PLATEFORME, Fixtures.EVE), kept.groups());
        assertEquals(both.id(), assignee(printer));

        people.importPeople(admin, List.of(new ImportReport.Row(2, form("bboth", "bea.both@ac-creteil.fr",
                "Béatrice", "Both", null, List.of(), List.of("EVE")))));

        assertNull(assignee(printer));
        assertEquals(both.id(), assignee(labomep));
    }

    @Test
    void a_person_outside_narrowed_domains_keeps_being_edited_until_the_address_or_the_staff_role_changes() {
        Person outsider = Fixtures.outsider();
        Person contractor = join(world, new Person(PersonId.of("presta"), EmailAddress.of("presta@prestataire.fr"),
                new PersonName("Paul", "Presta"), null, Set.of(Role.AGENT), Set.of(Fixtures.PLATEFORME), true));

        PersonSheet renamed = people.update(admin, outsider.id(), new PersonForm(null, outsider.email().value(),
                "Ivana", null, null, null, List.of(), null), null);
        assertEquals("Ivana", renamed.person().name().given());
        ImportReport report = people.importPeople(admin, List.of(new ImportReport.Row(2, form("intrus",
                outsider.email().value(), "Ivanka", "Intrus", null, List.of(), List.of()))));
        assertEquals(ImportReport.Outcome.UPDATED, report.lines().get(0).outcome());

        TicketingException moved = refused(ErrorKind.INVALID, () -> people.update(admin, outsider.id(),
                new PersonForm(null, "ivan@gmail.com", null, null, null, null, null, null), null));
        assertEquals("person.email.not_eligible", moved.code());
        TicketingException demoted = refused(ErrorKind.INVALID, () -> people.update(admin, contractor.id(),
                new PersonForm(null, null, null, null, null, List.of("Demandeur"), null, null), null));
        assertEquals("person.email.not_eligible", demoted.code());
        people.update(admin, contractor.id(), new PersonForm(null, null, null, null, null, List.of("Spécialiste"),
                null, null), null);
    }

    @Test
    void an_import_past_the_line_cap_is_refused_before_anything_changes() {
        int audited = audit().size();
        List<ImportReport.Row> rows = new ArrayList<>();
        for (int i = 0; i <= AdministerPeople.MAX_IMPORT_ROWS; i++) {
            rows.add(new ImportReport.Row(i + 2, form("p" + i, "p" + i + "@ac-creteil.fr", "P", "Q", null,
                    List.of(), List.of())));
        }

        TicketingException tooMany = refused(ErrorKind.INVALID, () -> people.importPeople(admin, rows));

        assertEquals(Set.of("file"), fields(tooMany).keySet());
        assertTrue(fields(tooMany).get("file").contains("10000"));
        assertEquals(audited, audit().size());
        assertTrue(world.people.find(PersonId.of("p0")).isEmpty());
    }

    @Test
    void a_line_that_fails_unexpectedly_is_refused_and_the_others_go_but_an_unavailable_store_stops_the_import() {
        Person both = both();
        takenBy(both, Fixtures.montanes(), Fixtures.PRINTERS, "Imprimante en panne");
        RuntimeException[] failure = {new IllegalStateException("boom")};
        AdministerPeople failing = Ticketing.builder(world.ports().withRequests(
                new ForwardingRequestRepository(world.requests) {
                    @Override
                    public Page<RequestSummary> list(RequestQuery query, PageRequest page) {
                        throw failure[0];
                    }
                })).clock(world.clock).settings(world.ticketing.settings()).build().administerPeople();
        List<ImportReport.Row> rows = List.of(
                new ImportReport.Row(2, form("bboth", "bea.both@ac-creteil.fr", "Béa", "Both", null, List.of(),
                        List.of("EVE"))),
                new ImportReport.Row(3, form("nbernard", "nina.bernard@ac-creteil.fr", "Nina", "Bernard", null,
                        List.of(), List.of())));

        ImportReport report = failing.importPeople(admin, rows);

        assertEquals(List.of(ImportReport.Outcome.REFUSED, ImportReport.Outcome.CREATED),
                report.lines().stream().map(ImportReport.Line::outcome).toList());
        assertEquals("import.line.failed", report.lines().get(0).errors().get(0).code());
        assertEquals(Set.of(Fixtures.PLATEFORME, Fixtures.EVE), world.people.find(both.id()).orElseThrow().groups());

        failure[0] = TicketingException.unavailable(new IllegalStateException("base arrêtée"));
        TicketingException down = refused(ErrorKind.UNAVAILABLE, () -> failing.importPeople(admin, rows));
        assertEquals(ErrorKind.UNAVAILABLE, down.kind());
    }
}
