package fr.guichet.core.port;

import fr.guichet.core.domain.subject.SubjectCatalog;

/** Where the subject catalog and request types come from: data, not code; thread-safe. */
public interface SubjectCatalogSource {

    /** The current catalog, never null (an empty catalog when none was loaded). */
    SubjectCatalog catalog();
}
