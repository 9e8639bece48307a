package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.guichet.core.contract.CatalogStoreContract;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalog store contract on each selected database, and the catalog kept in memory by each node. */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class JdbiCatalogStoreTest extends CatalogStoreContract {

    @Parameter
    TestDatabase.Kind kind;

    private TestDatabase.Node node() {
        return TestDatabase.of(kind).node();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return node().unitOfWork();
    }

    @Override
    protected CatalogStore catalogStore() {
        return node().catalog();
    }

    private static SubjectCatalog smaller() {
        return SubjectCatalog.of(
                List.of(new Subject(SubjectCode.parse("ENT-1"), "Espace numérique de travail", true,
                        Fixtures.PLATEFORME, List.of())),
                List.of(new RequestType("USAGE", "difficulté d'utilisation/installation")));
    }

    @Test
    void a_catalog_replaced_through_another_node_is_read_by_the_next_call_on_this_one() throws Exception {
        CatalogStore here = node().catalog();
        here.replace(Fixtures.catalog());
        assertEquals(Fixtures.catalog().all(), here.catalog().all());
        try (TestDatabase.Node other = TestDatabase.of(kind).newNode()) {
            other.catalog().replace(smaller());
            assertEquals(smaller().all(), here.catalog().all());
            assertEquals(smaller().requestTypes(), here.catalog().requestTypes());
            other.catalog().replace(Fixtures.catalog());
        }
        assertEquals(Fixtures.catalog().all(), here.catalog().all());
    }

    @Test
    void a_catalog_read_inside_a_replacement_rolled_back_is_not_read_afterwards() {
        CatalogStore store = node().catalog();
        store.replace(Fixtures.catalog());
        assertThrows(IllegalStateException.class, () -> unitOfWork().run(() -> {
            store.replace(smaller());
            assertEquals(smaller().all(), store.catalog().all());
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(Fixtures.catalog().all(), store.catalog().all());
    }
}
