package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.ManageGroups.GroupChange;
import fr.guichet.core.application.ManageGroups.GroupDetails;
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
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManageGroupsTest {

    private static final Person ADMIN = new Person(PersonId.of("admin"), EmailAddress.of("admin@ac-creteil.fr"),
            new PersonName("Anne", "Durand"), null, Set.of(Role.ADMIN), Set.of(), true);

    private final TestWorld world = new TestWorld();

    {
        join(world, ADMIN);
    }

    private final ManageGroups groups = world.ticketing.manageGroups();

    private List<AuditEntry> audit() {
        return world.ticketing.listAudit().list(ADMIN, new PageRequest(1, 50)).items();
    }

    @Test
    void an_administrator_lists_the_groups_by_label_with_their_active_members_by_name() {
        List<GroupDetails> list = groups.list(ADMIN);

        assertEquals(List.of("Plateforme d'assistance du rectorat", "Spécialistes des applications disciplinaires"),
                list.stream().map(g -> g.group().label()).toList());
        assertEquals(List.of(Fixtures.agent().id()), list.get(0).members().stream().map(Person::id).toList());
    }

    @Test
    void a_created_group_is_listed_without_members_and_its_creation_is_audited() {
        GroupDetails created = groups.create(ADMIN, "ENT", "Équipe ENT");

        assertEquals(List.of(), created.members());
        assertTrue(groups.list(ADMIN).stream().anyMatch(g -> g.group().code().equals(GroupCode.of("ENT"))));
        AuditEntry entry = audit().get(0);
        assertEquals("group.create", entry.action());
        assertEquals("ENT", entry.target().key());
        assertTrue(entry.before().isNone());
        assertEquals(Map.of("code", "ENT", "label", "Équipe ENT", "members", ""), entry.after().fields());
    }

    @Test
    void a_bad_code_and_a_blank_label_are_refused_together_and_a_taken_code_on_its_field() {
        TicketingException bad = refused(ErrorKind.INVALID, () -> groups.create(ADMIN, "ent équipe", " "));
        assertEquals(Set.of("code", "label"), fields(bad));

        TicketingException taken = refused(ErrorKind.INVALID, () -> groups.create(ADMIN, "EVE", "Autre"));
        assertEquals("group.code.taken", taken.errors().get(0).code());
        assertEquals(Set.of("code"), fields(taken));
        assertTrue(audit().isEmpty());
    }

    @Test
    void setting_the_members_adds_and_removes_memberships_keeping_each_persons_other_groups() {
        Person colleague = join(world, Fixtures.newStaff(Fixtures.EVE));
        GroupDetails eve = groups.list(ADMIN).get(1);

        GroupDetails changed = groups.update(ADMIN, "EVE", eve.snapshot().fingerprint(),
                new GroupChange(null, List.of(colleague.id().value(), Fixtures.agent().id().value())));

        assertEquals(Set.of(colleague.id(), Fixtures.agent().id()),
                Set.copyOf(changed.members().stream().map(Person::id).toList()));
        assertEquals(Set.of(Fixtures.PLATEFORME, Fixtures.EVE),
                world.people.find(Fixtures.agent().id()).orElseThrow().groups());
        assertEquals(Set.of(), world.people.find(Fixtures.specialist().id()).orElseThrow().groups());
        AuditEntry entry = audit().get(0);
        assertEquals("group.update", entry.action());
        assertEquals("Paul Agent (" + colleague.id().value() + "), Sam Spécialiste (specialiste-mep)",
                entry.before().fields().get("members"));
        assertEquals("Alice Agent (agent1), Paul Agent (" + colleague.id().value() + ")",
                entry.after().fields().get("members"));
    }

    @Test
    void renaming_keeps_the_members_and_an_unchanged_group_records_nothing() {
        groups.update(ADMIN, "EVE", null, new GroupChange("Spécialistes des applications disciplinaires", null));
        assertTrue(audit().isEmpty());

        GroupDetails renamed = groups.update(ADMIN, "EVE", null, new GroupChange("Applications", null));

        assertEquals("Applications", renamed.group().label());
        assertEquals(List.of(Fixtures.specialist().id()), renamed.members().stream().map(Person::id).toList());
        assertEquals("Applications", world.people.group(Fixtures.EVE).orElseThrow().label());
    }

    @Test
    void an_unknown_or_inactive_member_is_refused_on_the_members_field_and_nothing_changes() {
        Person gone = join(world, Fixtures.newStaff(Fixtures.PLATEFORME).deactivated());

        for (String id : List.of("nobody", gone.id().value(), "bad id")) {
            TicketingException e = refused(ErrorKind.INVALID, () -> groups.update(ADMIN, "EVE", null,
                    new GroupChange("Nouveau nom", List.of(Fixtures.agent().id().value(), id))));
            assertEquals(Set.of("members"), fields(e));
        }
        assertEquals("Spécialistes des applications disciplinaires",
                world.people.group(Fixtures.EVE).orElseThrow().label());
        assertEquals(Set.of(Fixtures.PLATEFORME), world.people.find(Fixtures.agent().id()).orElseThrow().groups());
        assertTrue(audit().isEmpty());
    }

    @Test
    void a_change_made_from_a_stale_view_is_refused_and_an_unknown_group_is_not_found() {
        String seen = groups.list(ADMIN).get(1).snapshot().fingerprint();
        groups.update(ADMIN, "EVE", seen, new GroupChange("Applications", null));

        refused(ErrorKind.STALE, () -> groups.update(ADMIN, "EVE", seen, new GroupChange("Autre", null)));
        refused(ErrorKind.NOT_FOUND, () -> groups.update(ADMIN, "NOPE", null, new GroupChange("Autre", null)));
        refused(ErrorKind.NOT_FOUND, () -> groups.update(ADMIN, "pas un code", null, new GroupChange("Autre", null)));
        assertEquals("Applications", world.people.group(Fixtures.EVE).orElseThrow().label());
    }

    @Test
    void only_an_administrator_reads_or_changes_groups() {
        refused(ErrorKind.FORBIDDEN, () -> groups.list(Fixtures.agent()));
        refused(ErrorKind.FORBIDDEN, () -> groups.create(Fixtures.agent(), "ENT", "Équipe ENT"));
        refused(ErrorKind.FORBIDDEN, () -> groups.update(Fixtures.specialist(), "EVE", null,
                new GroupChange(null, List.of())));
        assertEquals(Set.of(Fixtures.EVE), world.people.find(Fixtures.specialist().id()).orElseThrow().groups());
    }

    @Test
    void members_a_directory_decides_are_refused_and_a_rename_still_made() {
        PersonDirectory directory = new PersonDirectory() {
            @Override
            public Optional<Person> find(PersonId id) {
                return world.people.find(id);
            }

            @Override
            public List<Person> membersOf(GroupCode group) {
                return world.people.membersOf(group);
            }

            @Override
            public Optional<SupportGroup> group(GroupCode code) {
                return world.people.group(code);
            }

            @Override
            public List<SupportGroup> groups() {
                return world.people.groups();
            }

            @Override
            public Set<PersonField> decides() {
                return Set.of(PersonField.GROUPS);
            }
        };
        ManageGroups managed = Ticketing.builder(world.ports().withDirectory(directory, world.accounts)).build()
                .manageGroups();

        TicketingException e = refused(ErrorKind.INVALID, () -> managed.update(ADMIN, "EVE", null,
                new GroupChange(null, List.of(Fixtures.agent().id().value()))));
        assertEquals("group.members.directory", e.errors().get(0).code());
        assertEquals("Applications", managed.update(ADMIN, "EVE", null, new GroupChange("Applications", null))
                .group().label());
        assertEquals(Set.of(Fixtures.PLATEFORME), world.people.find(Fixtures.agent().id()).orElseThrow().groups());
    }

    @Test
    void a_person_without_a_staff_role_is_refused_as_a_member_by_name() {
        TicketingException e = refused(ErrorKind.INVALID, () -> groups.update(ADMIN, "EVE", null,
                new GroupChange(null, List.of(Fixtures.specialist().id().value(), "mmontanes"))));

        assertEquals(Set.of("members"), fields(e));
        assertEquals("group.members.not_staff", e.errors().get(0).code());
        assertTrue(e.errors().get(0).message().contains("Marc Montanes (mmontanes)"));
        assertEquals(Set.of(), world.people.find(PersonId.of("mmontanes")).orElseThrow().groups());
        assertTrue(audit().isEmpty());
    }

    @Test
    void a_member_taken_out_sees_their_open_requests_of_the_group_go_back_to_its_queue() {
        Person agent = Fixtures.agent();
        Person colleague = join(world, Fixtures.newStaff(Fixtures.PLATEFORME));
        RequestNumber printer = Scenario.file(world, Fixtures.montanes(), Scenario.draft(Fixtures.PRINTERS,
                "Imprimante en panne", "Plus rien ne sort.", Visibility.PRIVATE));
        world.ticketing.takeRequest().take(agent, printer, null);
        int mailsBefore = world.outbox.all().size();

        groups.update(ADMIN, "PLATEFORME", null, new GroupChange(null, List.of(colleague.id().value())));

        Request stored = Scenario.stored(world, printer);
        assertNull(stored.summaryLine().assignee());
        assertEquals(Fixtures.PLATEFORME, stored.summaryLine().assignedGroup());
        assertTrue(stored.history().stream().anyMatch(h -> h.event() == HistoryEvent.ASSIGNED
                && ADMIN.id().equals(h.by()) && "agent1".equals(h.from()) && h.to() == null));
        List<Notification> told = world.outbox.all().subList(mailsBefore, world.outbox.all().size()).stream()
                .map(e -> e.notification()).toList();
        assertEquals(List.of(colleague.email()), told.stream().map(Notification::recipient).toList());
        assertEquals(TemplateKey.REQUESTS_RETURNED_TO_GROUP, told.get(0).template());
        assertEquals("Alice Agent", told.get(0).data().get("personName"));
    }

    static Set<String> fields(TicketingException e) {
        return Set.copyOf(e.errors().stream().map(err -> err.field()).toList());
    }
}
