package fr.guichet.core.application;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Actor;
import fr.guichet.core.domain.request.Lifecycle;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.subject.RequestType;
import fr.guichet.core.domain.subject.Subject;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.SubjectCatalogSource;
import java.util.Set;

/** Adds the catalog's labels to requests; a subject or type since removed from the catalog shows its code. */
final class Labels {

    private final SubjectCatalogSource source;

    Labels(SubjectCatalogSource source) {
        this.source = source;
    }

    RequestLine line(SubjectCatalog catalog, RequestSummary summary) {
        return new RequestLine(summary,
                catalog.find(summary.subject()).map(Subject::display).orElse(summary.subject().value()),
                catalog.requestType(summary.type()).map(RequestType::label).orElse(summary.type()));
    }

    SubjectCatalog catalog() {
        return source.catalog();
    }

    RequestDetails details(Request request, Person viewer) {
        return details(source.catalog(), request, viewer);
    }

    RequestDetails details(SubjectCatalog catalog, Request request, Person viewer) {
        Request seen = viewer.isStaff() ? request : request.asSeenByRequester();
        Status status = request.summaryLine().status();
        Set<Status> moves = viewer.isStaff() ? Lifecycle.next(Actor.STAFF, status)
                : request.isRequester(viewer.id()) ? Lifecycle.next(Actor.REQUESTER, status) : Set.of();
        RequestLine line = line(catalog, request.summaryLine());
        return new RequestDetails(seen, line.subjectDisplay(), line.typeLabel(), moves);
    }
}
