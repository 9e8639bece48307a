package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.admin.AuditEntry;
import fr.guichet.core.domain.admin.AuditTarget;
import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.admin.StoredSettings;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.MailDomains;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.Anonymised;
import fr.guichet.core.port.AuditTrail;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.SettingsStore;
import fr.guichet.core.port.UnitOfWork;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditTrail} promises, with the {@link SettingsStore} of the same store: entries kept whole and
 * listed newest first, committed with the change they describe or not at all, and {@code hold} serialising changes.
 */
public abstract class AuditTrailContract {

    private static final Instant AT = Instant.parse("2026-09-01T06:00:00Z");
    private static final PersonRef ADMIN = new PersonRef(PersonId.of("admin"), new PersonName("Alice", "Martin"));

    protected abstract UnitOfWork unitOfWork();

    protected abstract AuditTrail audit();

    protected abstract SettingsStore settings();

    private static AuditEntry entry(Instant at, String key) {
        return new AuditEntry(at, ADMIN, "group.update", new AuditTarget("group", key, "Plateforme « " + key + " »"),
                Snapshot.NONE.with("label", "Avant, l'été").with("members", List.of("b", "a")),
                Snapshot.NONE.with("label", "Après — rentrée").with("members", List.of("c")));
    }

    private long total() {
        return unitOfWork().inTransaction(() -> audit().newestFirst(new PageRequest(1, 1)).total());
    }

    @Test
    public void an_entry_is_read_back_whole_with_its_snapshots() {
        AuditEntry written = entry(AT.plus(3, ChronoUnit.DAYS).plusMillis(123), "WHOLE");
        unitOfWork().run(() -> audit().record(written));
        AuditEntry read = unitOfWork().inTransaction(() -> audit().newestFirst(new PageRequest(1, 1))).items().get(0);
        assertEquals(written, read);
        assertEquals("a, b", read.before().fields().get("members"));
    }

    @Test
    public void entries_are_listed_last_recorded_first_whatever_their_clock_and_page_exactly() {
        long before = total();
        Instant base = AT.plus(30, ChronoUnit.DAYS);
        List<AuditEntry> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            AuditEntry e = entry(i == 5 ? base.minusSeconds(10) : base.plusSeconds(i), "P" + i);
            written.add(e);
            unitOfWork().run(() -> audit().record(e));
        }
        List<String> keys = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            int p = page;
            Page<AuditEntry> read = unitOfWork().inTransaction(() -> audit().newestFirst(new PageRequest(p, 3)));
            assertEquals(before + 7, read.total());
            read.items().forEach(e -> keys.add(e.target().key()));
        }
        assertEquals(List.of("P6", "P5", "P4", "P3", "P2", "P1", "P0"), keys.subList(0, 7),
                "the last recorded first, P5 from a node whose clock is behind included");
    }

    @Test
    public void an_entry_rolls_back_with_the_change_it_describes() {
        long before = total();
        StoredSettings settingsBefore = unitOfWork().inTransaction(() -> settings().load());
        assertThrows(IllegalStateException.class, () -> unitOfWork().run(() -> {
            audit().hold();
            settings().save(new StoredSettings(99, null, null, null));
            audit().record(entry(AT, "ROLLED-BACK"));
            throw new IllegalStateException("the change fails after its entry was written");
        }));
        assertEquals(before, total());
        assertEquals(settingsBefore, unitOfWork().inTransaction(() -> settings().load()));
    }

    @Test
    public void forgetting_a_person_leaves_no_entry_naming_them_and_other_entries_as_they_were() {
        String id = "oubli-" + UUID.randomUUID().toString().substring(0, 8);
        Person who = new Person(PersonId.of(id), EmailAddress.of(id + "@ac-creteil.fr"),
                new PersonName("Zoé", "Famille-" + id), Uai.parse("0941295X"), Set.of(Role.AGENT), Set.of(), false);
        Person placeholder = Anonymised.person(who.establishment());
        AuditEntry about = new AuditEntry(AT, ADMIN, "person.update",
                new AuditTarget("person", id, who.name().display()), personFields(who).with("active", "oui"),
                personFields(who).with("active", "non"));
        AuditEntry madeByThem = new AuditEntry(AT, who.ref(), "group.update",
                new AuditTarget("group", "PLATEFORME", "Plateforme"),
                Snapshot.NONE.with("members", List.of("Alice Martin (admin)")),
                Snapshot.NONE.with("members", List.of("Alice Martin (admin)", who.name().display() + " (" + id + ")"))
                        .with("referent", id));
        AuditEntry other = new AuditEntry(AT, ADMIN, "person.update",
                new AuditTarget("person", UUID.randomUUID().toString(), "Zoé Autre"), Snapshot.NONE,
                Snapshot.NONE.with("givenName", "Zoé").with("familyName", "Autre"));
        long before = total();
        unitOfWork().run(() -> List.of(about, madeByThem, other).forEach(audit()::record));

        unitOfWork().run(() -> audit().forget(who, placeholder));

        assertEquals(before + 3, total());
        for (AuditEntry e : everyEntry()) {
            for (String text : texts(e)) {
                assertFalse(text.contains(id) || text.contains(who.name().family()), e + " still names them");
            }
        }
        List<AuditEntry> last = unitOfWork().inTransaction(() -> audit().newestFirst(new PageRequest(1, 3))).items();
        assertEquals(other, last.get(0));
        assertEquals(placeholder.ref(), last.get(1).by());
        assertEquals("Alice Martin (admin), Personne anonymisée (" + placeholder.id().value() + ")",
                last.get(1).after().fields().get("members"));
        assertEquals(placeholder.id().value(), last.get(1).after().fields().get("referent"));
        AuditEntry forgotten = last.get(2);
        assertEquals(new AuditTarget("person", placeholder.id().value(), "Personne anonymisée"), forgotten.target());
        assertEquals(personFields(placeholder).with("establishment", "0941295X").with("active", "non"),
                forgotten.after());
    }

    private static Snapshot personFields(Person p) {
        return Snapshot.NONE.with("identifier", p.id().value()).with("email", p.email().value())
                .with("givenName", p.name().given()).with("familyName", p.name().family())
                .with("establishment", p.establishment().value());
    }

    private List<AuditEntry> everyEntry() {
        List<AuditEntry> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            int p = page;
            Page<AuditEntry> read = unitOfWork().inTransaction(() -> audit().newestFirst(
                    new PageRequest(p, PageRequest.MAX_SIZE)));
            all.addAll(read.items());
            if (read.items().size() < PageRequest.MAX_SIZE) {
                return all;
            }
        }
    }

    private static List<String> texts(AuditEntry e) {
        List<String> texts = new ArrayList<>(List.of(e.by().id().value(), e.by().name().display(),
                e.target().key(), e.target().label()));
        texts.addAll(e.before().fields().values());
        texts.addAll(e.after().fields().values());
        return texts;
    }

    @Test
    public void settings_are_kept_with_unset_fields_left_null() {
        StoredSettings written = new StoredSettings(20, 10, 3, MailDomains.of("ac-creteil.fr", "ac-paris.fr"));
        unitOfWork().run(() -> settings().save(written));
        assertEquals(written, unitOfWork().inTransaction(() -> settings().load()));
        StoredSettings partly = new StoredSettings(null, 12, null, null);
        unitOfWork().run(() -> settings().save(partly));
        assertEquals(partly, unitOfWork().inTransaction(() -> settings().load()));
    }

    @Test
    public void a_hold_makes_another_wait_until_its_unit_of_work_ends() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> unitOfWork().run(() -> {
                audit().hold();
                held.countDown();
                await(release);
                order.add("first ends");
            }));
            assertTrue(held.await(10, TimeUnit.SECONDS));
            Future<?> second = pool.submit(() -> unitOfWork().run(() -> {
                audit().hold();
                order.add("second holds");
            }));
            Thread.sleep(300);
            release.countDown();
            first.get(20, TimeUnit.SECONDS);
            second.get(20, TimeUnit.SECONDS);
            assertEquals(List.of("first ends", "second holds"), order);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
