package fr.guichet.core.port;

import fr.guichet.core.domain.subject.SubjectCatalog;

/** A catalog source that can be replaced as a whole, e.g. by importing a catalog file. */
public interface CatalogStore extends SubjectCatalogSource {

    /** Replaces the whole catalog atomically. */
    void replace(SubjectCatalog catalog);
}
