package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Routing;
import fr.guichet.core.domain.subject.ServiceTargets;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CatalogStore} promises: the whole catalog is replaced at once and read back as stored (each
 * subject's own support group, specialists, routing and position, unset ones staying unset; request types in order,
 * active or not); a lock holds off the others until its unit of work ends.
 */
public abstract class CatalogStoreContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract CatalogStore catalogStore();

    @Test
    public void a_replaced_catalog_reads_back_identical() {
        SubjectCatalog catalog = Fixtures.catalog();
        unitOfWork().run(() -> catalogStore().replace(catalog));
        SubjectCatalog read = catalogStore().catalog();
        assertEquals(catalog.all(), read.all());
        assertEquals(catalog.requestTypes(), read.requestTypes());
        assertEquals(catalog.supportGroupOf(catalog.find(Fixtures.MATHENPOCHE).orElseThrow()),
                read.supportGroupOf(read.find(Fixtures.MATHENPOCHE).orElseThrow()));
        assertEquals(List.of(PersonId.of("specialiste-mep")),
                read.find(Fixtures.MATHENPOCHE).orElseThrow().specialists());
    }

    @Test
    public void each_subjects_own_routing_reads_back_and_its_subtree_inherits_it() {
        SubjectCatalog catalog = SubjectCatalog.of(List.of(
                new Subject(SubjectCode.parse("RES-5"), "Réseau", true, Fixtures.PLATEFORME, List.of(),
                        Routing.GROUP_QUEUE),
                new Subject(SubjectCode.parse("RES-5.1"), "Connexion internet", true, null, List.of()),
                new Subject(SubjectCode.parse("RES-5.2"), "Poste de travail", true, Fixtures.EVE, List.of(),
                        Routing.FEWEST_OPEN),
                new Subject(SubjectCode.parse("ENT-2"), "ENT", true, Fixtures.PLATEFORME, List.of())),
                List.of(new RequestType("USAGE", "difficulté d'utilisation/installation")));
        unitOfWork().run(() -> catalogStore().replace(catalog));
        SubjectCatalog read = catalogStore().catalog();
        assertEquals(catalog.all(), read.all());
        Map<String, Routing> own = new HashMap<>();
        Map<String, Routing> effective = new HashMap<>();
        for (Subject s : read.all()) {
            own.put(s.code().value(), s.routing());
            effective.put(s.code().value(), read.routingOf(s));
        }
        Map<String, Routing> expectedOwn = new HashMap<>();
        expectedOwn.put("RES-5", Routing.GROUP_QUEUE);
        expectedOwn.put("RES-5.1", null);
        expectedOwn.put("RES-5.2", Routing.FEWEST_OPEN);
        expectedOwn.put("ENT-2", null);
        assertEquals(expectedOwn, own);
        assertEquals(Map.of("RES-5", Routing.GROUP_QUEUE, "RES-5.1", Routing.GROUP_QUEUE,
                "RES-5.2", Routing.FEWEST_OPEN, "ENT-2", Routing.FEWEST_OPEN), effective);
    }

    @Test
    public void each_subjects_own_targets_read_back_and_its_subtree_inherits_them_one_by_one() {
        SubjectCatalog catalog = SubjectCatalog.of(List.of(
                new Subject(SubjectCode.parse("RES-5"), "Réseau", true, Fixtures.PLATEFORME, List.of(), null, 0,
                        new ServiceTargets(8, 40)),
                new Subject(SubjectCode.parse("RES-5.1"), "Connexion internet", true, null, List.of(), null, 0,
                        new ServiceTargets(null, 2000)),
                new Subject(SubjectCode.parse("RES-5.2"), "Poste de travail", true, null, List.of()),
                new Subject(SubjectCode.parse("ENT-2"), "ENT", true, Fixtures.PLATEFORME, List.of())),
                List.of(new RequestType("USAGE", "difficulté d'utilisation/installation")));
        unitOfWork().run(() -> catalogStore().replace(catalog));
        SubjectCatalog read = catalogStore().catalog();
        assertEquals(catalog.all(), read.all());
        Map<String, ServiceTargets> effective = new HashMap<>();
        read.all().forEach(s -> effective.put(s.code().value(), read.targetsOf(s)));
        assertEquals(Map.of("RES-5", new ServiceTargets(8, 40), "RES-5.1", new ServiceTargets(8, 2000),
                "RES-5.2", new ServiceTargets(8, 40), "ENT-2", ServiceTargets.INHERITED), effective);
    }

    @Test
    public void positions_and_inactive_request_types_read_back_and_order_the_siblings() {
        SubjectCatalog catalog = Fixtures.catalog().moved(Fixtures.LABOMEP, 1)
                .withRequestTypes(List.of(new RequestType("INCIDENT", "incident, panne", false),
                        new RequestType("USAGE", "difficulté d'utilisation/installation")));
        unitOfWork().run(() -> catalogStore().replace(catalog));
        SubjectCatalog read = catalogStore().catalog();
        assertEquals(catalog.all(), read.all());
        assertEquals(List.of(Fixtures.LABOMEP, SubjectCode.parse("EVE-4.1"), Fixtures.MATHENPOCHE),
                read.children(Fixtures.EVE_4).stream().map(Subject::code).toList());
        assertEquals(1, read.find(Fixtures.LABOMEP).orElseThrow().position());
        assertEquals(catalog.requestTypes(), read.requestTypes());
        assertEquals(List.of("USAGE"), read.activeRequestTypes().stream().map(RequestType::code).toList());
    }

    @Test
    public void replacing_removes_what_the_new_catalog_lacks() {
        unitOfWork().run(() -> catalogStore().replace(Fixtures.catalog()));
        SubjectCatalog smaller = SubjectCatalog.of(
                List.of(new Subject(SubjectCode.parse("ENT-1"), "Espace numérique de travail « ENT »", true,
                        Fixtures.PLATEFORME, List.of())),
                List.of(new RequestType("USAGE", "difficulté d'utilisation/installation")));
        unitOfWork().run(() -> catalogStore().replace(smaller));
        SubjectCatalog read = catalogStore().catalog();
        assertEquals(smaller.all(), read.all());
        assertTrue(read.find(Fixtures.MATHENPOCHE).isEmpty());
        assertEquals(1, read.requestTypes().size());
    }

    @Test
    public void a_lock_holds_off_another_until_the_holders_unit_of_work_ends_and_then_shows_what_it_wrote()
            throws Exception {
        unitOfWork().run(() -> catalogStore().replace(Fixtures.catalog()));
        SubjectCatalog theirs = SubjectCatalog.of(
                List.of(new Subject(SubjectCode.parse("RES-5"), "Réseau", true, Fixtures.PLATEFORME, List.of())),
                List.of(new RequestType("INCIDENT", "incident, panne")));
        CountDownLatch locked = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = other.submit(() -> unitOfWork().run(() -> {
                catalogStore().lock();
                locked.countDown();
                pause(Duration.ofMillis(500));
                catalogStore().replace(theirs);
            }));
            assertTrue(locked.await(10, TimeUnit.SECONDS));

            SubjectCatalog seen = unitOfWork().inTransaction(() -> {
                catalogStore().lock();
                return catalogStore().catalog();
            });

            holder.get();
            assertEquals(theirs.all(), seen.all());
        } finally {
            other.shutdownNow();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
