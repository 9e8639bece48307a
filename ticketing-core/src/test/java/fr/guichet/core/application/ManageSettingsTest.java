package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static fr.guichet.core.application.Scenario.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.SettingName;
import fr.guichet.core.domain.admin.StoredSettings;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.MailDomains;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ManageSettingsTest {

    private static final Person ADMIN = new Person(PersonId.of("admin"), EmailAddress.of("admin@ac-creteil.fr"),
            new PersonName("Alice", "Martin"), null, Set.of(Role.ADMIN), Set.of(), true);

    private final TestWorld world = new TestWorld();

    {
        join(world, ADMIN);
    }

    private final ManageSettings settings = world.ticketing.manageSettings();

    private static ManageSettings.Changes reopenWindow(int days) {
        return new ManageSettings.Changes(days, null, null, null);
    }

    private static ManageSettings.Changes mailDomains(String... domains) {
        return new ManageSettings.Changes(null, null, null, List.of(domains));
    }

    @Test
    void an_administrator_sees_the_deployments_values_until_one_is_changed() {
        ManageSettings.View view = settings.view(ADMIN);

        assertEquals(15, view.reopenWindowDays());
        assertEquals(15, view.autoCloseWaitingDays());
        assertEquals(2, view.retentionSchoolYears());
        assertEquals(MailDomains.of("ac-creteil.fr"), view.mailDomains());
        assertEquals(Set.of(), view.fixedByEnvironment());
        assertEquals(Map.of("reopenWindowDays", "15 jours", "autoCloseWaitingDays", "15 jours",
                "retentionSchoolYears", "2 années scolaires", "mailDomains", "ac-creteil.fr"),
                view.snapshot().fields());
    }

    /** A request of {@code requester} resolved {@code days} ago. */
    private RequestNumber resolvedDaysAgo(Person requester, int days) {
        RequestNumber number = Scenario.file(world, requester);
        Scenario.moveTo(world, number, Status.RESOLVED);
        world.clock.advance(Duration.ofDays(days));
        return number;
    }

    @Test
    void a_changed_reopening_window_is_followed_by_the_next_reopening() {
        Person requester = join(world, Fixtures.newRequester());
        RequestNumber number = resolvedDaysAgo(requester, 20);

        settings.change(ADMIN, reopenWindow(30), null);
        world.ticketing.changeStatus().change(requester, number, Status.IN_PROGRESS, "Toujours bloqué.", null);

        assertEquals(Status.IN_PROGRESS, Scenario.stored(world, number).summaryLine().status());
    }

    @Test
    void a_shortened_reopening_window_refuses_the_next_reopening() {
        Person requester = join(world, Fixtures.newRequester());
        RequestNumber number = resolvedDaysAgo(requester, 3);

        settings.change(ADMIN, reopenWindow(2), null);
        TicketingException e = refused(ErrorKind.CONFLICT, () -> world.ticketing.changeStatus()
                .change(requester, number, Status.IN_PROGRESS, "Toujours bloqué.", null));

        assertEquals("request.reopen.too_late", e.code());
    }

    @Test
    void another_node_follows_a_change_at_once() {
        Ticketing otherNode = Ticketing.builder(world.ports()).clock(world.clock).build();
        Person requester = join(world, Fixtures.newRequester());
        RequestNumber number = resolvedDaysAgo(requester, 20);

        otherNode.manageSettings().change(ADMIN, reopenWindow(21), null);

        assertEquals(21, settings.view(ADMIN).reopenWindowDays());
        world.ticketing.changeStatus().change(requester, number, Status.IN_PROGRESS, "Toujours bloqué.", null);
        assertEquals(Status.IN_PROGRESS, Scenario.stored(world, number).summaryLine().status());
    }

    @Test
    void changed_mail_domains_are_followed_by_the_next_filing() {
        Person parisian = join(world, new Person(PersonId.of("lparis"), EmailAddress.of("louise.paris@ac-paris.fr"),
                new PersonName("Louise", "Paris"), Uai.parse("0941295X"), Set.of(Role.REQUESTER), Set.of(), true));
        Person creteil = join(world, Fixtures.newRequester());
        refused(ErrorKind.FORBIDDEN, () -> Scenario.file(world, parisian));

        settings.change(ADMIN, mailDomains("ac-paris.fr", " AC-Versailles.fr "), null);

        Scenario.file(world, parisian);
        TicketingException e = refused(ErrorKind.FORBIDDEN, () -> Scenario.file(world, creteil));
        assertEquals("request.not_eligible", e.code());
        assertEquals(MailDomains.of("ac-paris.fr", "ac-versailles.fr"), settings.view(ADMIN).mailDomains());
    }

    @Test
    void only_an_administrator_reads_or_changes_the_settings() {
        for (Person someone : List.of(Fixtures.agent(), Fixtures.montanes(), Fixtures.specialist())) {
            assertEquals("admin.only", refused(ErrorKind.FORBIDDEN, () -> settings.view(someone)).code());
            assertEquals("admin.only", refused(ErrorKind.FORBIDDEN,
                    () -> settings.change(someone, reopenWindow(400), null)).code());
        }
        assertEquals(StoredSettings.NONE, world.storedSettings.load());
    }

    @Test
    void a_change_against_settings_changed_meanwhile_is_stale() {
        String seen = settings.view(ADMIN).snapshot().fingerprint();
        settings.change(ADMIN, reopenWindow(20), seen);

        TicketingException e = refused(ErrorKind.STALE, () -> settings.change(ADMIN, reopenWindow(25), seen));

        assertEquals("admin.stale", e.code());
        assertEquals(20, settings.view(ADMIN).reopenWindowDays());
        assertEquals(1, world.audit.newestFirst(new PageRequest(1, 20)).total());
    }

    @Test
    void each_invalid_value_is_refused_naming_its_field_and_nothing_is_stored() {
        TicketingException e = refused(ErrorKind.INVALID, () -> settings.change(ADMIN,
                new ManageSettings.Changes(0, 366, 11, List.of("ac-creteil.fr", "pas un domaine")), null));

        assertEquals(List.of("reopenWindowDays", "autoCloseWaitingDays", "retentionSchoolYears", "mailDomains"),
                e.errors().stream().map(DomainError::field).toList());
        assertTrue(e.errors().get(3).message().contains("« pas un domaine »"), e.errors().get(3)::message);
        assertEquals("mail_domains.empty", refused(ErrorKind.INVALID,
                () -> settings.change(ADMIN, mailDomains(), null)).code());
        assertEquals(StoredSettings.NONE, world.storedSettings.load());
        assertEquals(0, world.audit.newestFirst(new PageRequest(1, 20)).total());
    }

    @Test
    void mail_domains_longer_than_the_store_keeps_are_refused() {
        List<String> many = IntStream.range(0, 60).mapToObj(i -> "etablissement-" + i + ".ac-creteil.fr").toList();

        TicketingException e = refused(ErrorKind.INVALID, () -> settings.change(ADMIN,
                new ManageSettings.Changes(null, null, null, many), null));

        assertEquals("mailDomains", e.errors().get(0).field());
        assertEquals("mail_domains.too_long", e.code());
        assertEquals(StoredSettings.NONE, world.storedSettings.load());
    }

    @Test
    void the_bounds_of_each_setting_are_accepted() {
        settings.change(ADMIN, new ManageSettings.Changes(1, 365, 10, null), null);
        settings.change(ADMIN, new ManageSettings.Changes(365, 1, 1, null), null);

        ManageSettings.View view = settings.view(ADMIN);
        assertEquals(List.of(365, 1, 1), List.of(view.reopenWindowDays(), view.autoCloseWaitingDays(),
                view.retentionSchoolYears()));
    }

    @Test
    void a_setting_the_environment_fixes_keeps_its_value_and_cannot_be_changed() {
        TestWorld fixed = new TestWorld();
        join(fixed, ADMIN);
        ManageSettings manage = Ticketing.builder(fixed.ports()).clock(fixed.clock)
                .fixedByEnvironment(Set.of(SettingName.MAIL_DOMAINS)).build().manageSettings();
        fixed.storedSettings.save(new StoredSettings(null, null, null, MailDomains.of("ac-paris.fr")));

        TicketingException e = refused(ErrorKind.INVALID, () -> manage.change(ADMIN, mailDomains("ac-lyon.fr"),
                null));
        ManageSettings.View view = manage.change(ADMIN, new ManageSettings.Changes(10, null, null,
                List.of("ac-creteil.fr")), null);

        assertEquals("mailDomains", e.errors().get(0).field());
        assertEquals("settings.fixed_by_environment", e.code());
        assertTrue(e.getMessage().contains("environnement du serveur"), e::getMessage);
        assertEquals(MailDomains.of("ac-creteil.fr"), view.mailDomains());
        assertTrue(view.isFixed(SettingName.MAIL_DOMAINS));
        assertFalse(view.isFixed(SettingName.REOPEN_WINDOW_DAYS));
        assertEquals(10, view.reopenWindowDays());
    }

    @Test
    void the_audit_entry_records_before_and_after() {
        settings.change(ADMIN, new ManageSettings.Changes(30, null, 3, List.of("ac-creteil.fr", "ac-paris.fr")),
                null);

        Page<AuditEntry> audit = world.audit.newestFirst(new PageRequest(1, 20));
        assertEquals(1, audit.total());
        AuditEntry entry = audit.items().get(0);
        assertEquals("settings.update", entry.action());
        assertEquals(new AuditTarget("settings", "settings", "Paramètres"), entry.target());
        assertEquals(ADMIN.ref(), entry.by());
        assertEquals(world.clock.instant(), entry.at());
        assertEquals("15 jours", entry.before().fields().get("reopenWindowDays"));
        assertEquals("30 jours", entry.after().fields().get("reopenWindowDays"));
        assertEquals("3 années scolaires", entry.after().fields().get("retentionSchoolYears"));
        assertEquals("ac-creteil.fr, ac-paris.fr", entry.after().fields().get("mailDomains"));
        assertEquals(entry.after(), settings.view(ADMIN).snapshot());
    }

    @Test
    void a_change_that_changes_nothing_is_not_recorded() {
        settings.change(ADMIN, reopenWindow(15), null);

        assertEquals(0, world.audit.newestFirst(new PageRequest(1, 20)).total());
    }

    @Test
    void the_change_and_its_audit_entry_commit_together_or_not_at_all() {
        AuditTrail failing = new AuditTrail() {
            @Override
            public void hold() {
                world.audit.hold();
            }

            @Override
            public void record(AuditEntry entry) {
                throw TicketingException.unavailable(new IllegalStateException("audit trail gone"));
            }

            @Override
            public void forget(Person who, Person placeholder) {
                world.audit.forget(who, placeholder);
            }

            @Override
            public Page<AuditEntry> newestFirst(PageRequest page) {
                return world.audit.newestFirst(page);
            }
        };
        Ports ports = world.ports();
        ManageSettings manage = Ticketing.builder(new Ports(ports.unitOfWork(), ports.requests(), ports.people(),
                ports.registry(), ports.catalog(), ports.attachments(), ports.outbox(), ports.sessions(),
                ports.credentials(), ports.cannedAnswers(), ports.passwordResets(), failing, ports.storedSettings(),
                ports.mailLog(), ports.establishments(), ports.statistics()))
                .clock(world.clock).build().manageSettings();

        assertThrows(TicketingException.class, () -> manage.change(ADMIN, reopenWindow(30), null));

        assertEquals(StoredSettings.NONE, world.storedSettings.load());
        assertEquals(15, settings.view(ADMIN).reopenWindowDays());
    }
}
