package fr.guichet.core.port;

import fr.guichet.core.domain.subject.SubjectCatalog;

/** A catalog source that can be replaced as a whole, e.g. by importing a catalog file. */
public interface CatalogStore extends SubjectCatalogSource {

    /** Replaces the whole catalog atomically. */
    void replace(SubjectCatalog catalog);

    /**
     * Holds the catalog until the caller's unit of work ends: another {@code lock} or {@link #replace}, on any node,
     * waits until then. Called first in the unit of work, it makes what the work reads next include all that the
     * previous holder committed, so that a check and the writes it decides are never interleaved with another's.
     */
    void lock();
}
