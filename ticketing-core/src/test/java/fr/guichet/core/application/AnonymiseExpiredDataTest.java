package fr.guichet.core.application;

import static fr.guichet.core.application.Scenario.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.request.Anonymised;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.Guichet;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.testing.FailingAttachmentStore;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AnonymiseExpiredDataTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Person ADMIN = new Person(PersonId.of("admin"), EmailAddress.of("admin@ac-creteil.fr"),
            new PersonName("Alice", "Martin"), null, Set.of(Role.ADMIN), Set.of(), true);

    private final TestWorld world = new TestWorld();

    {
        join(world, ADMIN);
    }

    private final Person requester = join(world, Fixtures.newRequester());

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    /** A request of {@code who} filed with a file and closed at {@code at}. */
    private RequestNumber closedAt(Person who, String at) {
        world.clock.set(paris(at));
        RequestNumber n = world.ticketing.fileRequest().file(who, Fixtures.seedDraft(),
                List.of(new Upload("bulletin " + who.name().family() + ".pdf",
                        new ByteArrayInputStream(FileRequestTest.pdf(500)))), null).details().request()
                .summaryLine().number();
        Scenario.moveTo(world, n, Status.CLOSED);
        return n;
    }

    private Request stored(RequestNumber n) {
        return Scenario.stored(world, n);
    }

    private boolean anonymised(RequestNumber n) {
        return stored(n).summaryLine().requester().equals(Anonymised.REQUESTER);
    }

    private AnonymiseExpiredData job() {
        return world.ticketing.anonymiseExpiredData();
    }

    @Test
    public void a_request_closed_on_31_august_goes_two_school_years_later_one_closed_on_1_september_a_year_after() {
        RequestNumber august = closedAt(requester, "2024-08-31T23:30:00");
        RequestNumber september = closedAt(requester, "2024-09-01T00:30:00");

        world.clock.set(paris("2026-08-31T23:59:00"));
        assertEquals(0, job().run().requests());
        assertFalse(anonymised(august));

        world.clock.set(paris("2026-09-01T00:01:00"));
        AnonymiseExpiredData.Report report = job().run();
        assertEquals(1, report.requests());
        assertEquals(new SchoolYear(2024), report.keptFrom());
        assertTrue(anonymised(august));
        assertFalse(anonymised(september));

        world.clock.set(paris("2027-09-01T00:01:00"));
        assertEquals(1, job().run().requests());
        assertTrue(anonymised(september));
    }

    @Test
    public void the_retention_an_administrator_sets_is_the_one_followed() {
        RequestNumber n = closedAt(requester, "2025-06-15T10:00:00");
        world.clock.set(paris("2026-09-01T08:00:00"));
        assertEquals(0, job().run().requests());
        world.ticketing.manageSettings().change(ADMIN, new ManageSettings.Changes(null, null, 1, null), null);
        assertEquals(1, job().run().requests());
        assertTrue(anonymised(n));
    }

    @Test
    public void anonymisation_empties_texts_deletes_files_purges_notifications_and_keeps_every_figure() {
        Person other = join(world, Fixtures.newRequester());
        RequestNumber old = closedAt(requester, "2022-03-10T10:00:00");
        closedAt(other, "2022-05-10T10:00:00");
        closedAt(other, "2025-05-10T10:00:00");
        world.clock.set(paris("2022-03-11T10:00:00"));
        RequestNumber open = Scenario.file(world, requester);
        Request before = stored(old);
        List<AttachmentId> files = before.allAttachments().stream().map(a -> a.id()).toList();
        assertFalse(world.outbox.all().stream().noneMatch(e -> old.equals(e.notification().request())));
        Map<String, Long> figures = figures();

        world.clock.set(paris("2026-10-01T08:00:00"));
        AnonymiseExpiredData.Report report = job().run();

        assertEquals(2, report.requests());
        assertEquals(2, report.files());
        assertEquals(figures, figures(), "counts per status, subject, establishment and month stay the same");
        Request after = stored(old);
        assertEquals(Anonymised.TEXT, after.summaryLine().summary().value());
        assertEquals(Anonymised.TEXT, after.description().value());
        assertEquals(Anonymised.REQUESTER, after.summaryLine().requester());
        assertEquals(before.summaryLine().establishment(), after.summaryLine().establishment());
        assertTrue(files.stream().allMatch(id -> world.attachments.open(id).isEmpty()));
        assertTrue(after.allAttachments().stream().noneMatch(a -> a.name().contains(requester.name().family())));
        assertTrue(world.outbox.all().stream().noneMatch(e -> old.equals(e.notification().request())));
        assertTrue(after.history().stream().noneMatch(h -> h.by().equals(requester.id())));
        assertFalse(anonymised(open));
        assertEquals(0, job().run().requests(), "a run is idempotent");
    }

    /** How many requests there are per status, subject, establishment and month filed. */
    private Map<String, Long> figures() {
        return world.requests.list(RequestQuery.all(), new PageRequest(1, 100)).items().stream()
                .collect(Collectors.groupingBy(AnonymiseExpiredDataTest::figureKey, TreeMap::new,
                        Collectors.counting()));
    }

    private static String figureKey(RequestSummary r) {
        return r.status() + " " + r.subject() + " " + r.establishment() + " "
                + r.submittedAt().atZone(PARIS).getYear() + "-" + r.submittedAt().atZone(PARIS).getMonthValue();
    }

    @Test
    public void a_dry_run_counts_what_a_run_changes_and_changes_nothing() {
        closedAt(requester, "2020-01-10T10:00:00");
        closedAt(requester, "2020-02-10T10:00:00");
        world.clock.set(paris("2026-10-01T08:00:00"));
        int audited = world.audit.newestFirst(new PageRequest(1, 100)).items().size();

        AnonymiseExpiredData.Report dry = job().dryRun(ADMIN);
        assertTrue(dry.dryRun());
        assertEquals(2, dry.requests());
        assertEquals(2, dry.files());
        assertTrue(dry.outboxRows() > 0);
        assertEquals(audited, world.audit.newestFirst(new PageRequest(1, 100)).items().size());
        assertEquals(dry, job().dryRun(ADMIN), "nothing changed");

        AnonymiseExpiredData.Report run = job().run(ADMIN);
        assertFalse(run.dryRun());
        assertEquals(List.of(dry.requests(), dry.files(), dry.outboxRows()),
                List.of(run.requests(), run.files(), run.outboxRows()));
        AuditEntry entry = world.audit.newestFirst(new PageRequest(1, 1)).items().get(0);
        assertEquals(AnonymiseExpiredData.ACTION, entry.action());
        assertEquals(ADMIN.ref(), entry.by());
        assertEquals("2", entry.after().fields().get("requests"));
    }

    @Test
    public void only_an_administrator_runs_it_on_demand() {
        Scenario.refused(ErrorKind.FORBIDDEN, () -> job().dryRun(requester));
        Scenario.refused(ErrorKind.FORBIDDEN, () -> job().run(requester));
    }

    @Test
    public void the_daily_run_is_recorded_by_guichet_only_when_it_changed_something() {
        world.clock.set(paris("2026-10-01T08:00:00"));
        int audited = world.audit.newestFirst(new PageRequest(1, 100)).items().size();
        job().run();
        assertEquals(audited, world.audit.newestFirst(new PageRequest(1, 100)).items().size());
        closedAt(requester, "2020-01-10T10:00:00");
        world.clock.set(paris("2026-10-01T08:00:00"));
        job().run();
        assertEquals(Guichet.REF, world.audit.newestFirst(new PageRequest(1, 1)).items().get(0).by());
    }

    @Test
    public void a_run_cut_short_in_a_batch_is_finished_by_the_next_one() {
        int count = AnonymiseExpiredData.BATCH * 2 + 10;
        for (int i = 0; i < count; i++) {
            closedAt(requester, "2019-01-10T10:00:00");
        }
        world.clock.set(paris("2026-10-01T08:00:00"));
        AtomicInteger deletions = new AtomicInteger();
        AttachmentStore failing = new FailingAttachmentStore(world.attachments,
                () -> deletions.incrementAndGet() > AnonymiseExpiredData.BATCH + 50);
        Ticketing crashing = Ticketing.builder(world.ports().withAttachments(failing)).clock(world.clock).build();

        assertThrows(IllegalStateException.class, () -> crashing.anonymiseExpiredData().run());
        assertEquals(count - AnonymiseExpiredData.BATCH, left(),
                "the batch cut short is rolled back, the one before kept");

        assertEquals(count - AnonymiseExpiredData.BATCH, job().run().requests());
        assertEquals(0, left());
    }

    private int left() {
        return world.requests.closedBefore(Instant.MAX, null, Integer.MAX_VALUE).size();
    }

    @Test
    public void a_person_inactive_for_the_retention_and_named_by_no_request_left_is_forgotten() {
        RequestNumber n = closedAt(requester, "2021-01-10T10:00:00");
        Person staying = join(world, Fixtures.newRequester());
        RequestNumber recent = closedAt(staying, "2026-01-10T10:00:00");
        world.people.save(requester.deactivated());
        world.people.save(staying.deactivated());
        world.clock.set(paris("2023-10-01T08:00:00"));
        job().run();
        assertTrue(world.people.find(requester.id()).isPresent(), "noted inactive now, kept for the retention");

        world.clock.set(paris("2026-10-01T08:00:00"));
        AnonymiseExpiredData.Report report = job().run();
        assertEquals(1, report.people());
        assertTrue(world.people.find(requester.id()).isEmpty());
        assertTrue(world.people.find(staying.id()).isPresent(), "a request not anonymised still names them");
        assertTrue(anonymised(n));
        assertFalse(anonymised(recent));
        assertEquals(Optional.empty(), world.people.search(requester.name().family(), new PageRequest(1, 10))
                .items().stream().filter(p -> p.email().equals(requester.email())).findFirst());
    }
}
