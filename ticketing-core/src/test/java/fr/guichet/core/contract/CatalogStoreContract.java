package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link CatalogStore} promises: the whole catalog is replaced at once and read back as stored. */
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
}
