package fr.guichet.core.application;

import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.SubjectCatalogSource;
import java.util.List;

/** The active part of the catalog, as a requester chooses from it, and the active request types. */
public final class BrowseCatalog {

    private final SubjectCatalogSource source;

    BrowseCatalog(SubjectCatalogSource source) {
        this.source = source;
    }

    /** The active subjects as a tree, in display order. */
    public List<SubjectNode> activeTree() {
        SubjectCatalog catalog = source.catalog();
        return catalog.activeRoots().stream().map(s -> node(catalog, s)).toList();
    }

    private static SubjectNode node(SubjectCatalog catalog, Subject subject) {
        return new SubjectNode(subject, catalog.activeChildren(subject.code()).stream()
                .map(c -> node(catalog, c)).toList());
    }

    /** The request types offered to a new request, in order. */
    public List<RequestType> requestTypes() {
        return source.catalog().activeRequestTypes();
    }

    /** A subject with its active children. */
    public record SubjectNode(Subject subject, List<SubjectNode> children) {
        public SubjectNode {
            children = List.copyOf(children);
        }
    }
}
