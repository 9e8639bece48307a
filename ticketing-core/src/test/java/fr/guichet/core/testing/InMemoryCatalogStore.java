package fr.guichet.core.testing;

import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.CatalogStore;

/** The catalog kept in memory. */
public final class InMemoryCatalogStore implements CatalogStore {

    private final InMemoryDatabase db;

    public InMemoryCatalogStore(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public SubjectCatalog catalog() {
        return db.read(s -> s.catalog);
    }

    @Override
    public void replace(SubjectCatalog catalog) {
        db.write(s -> s.catalog = catalog);
    }

    /** Every in-memory unit of work already holds all the state until it ends. */
    @Override
    public void lock() {
        db.write(s -> { });
    }
}
