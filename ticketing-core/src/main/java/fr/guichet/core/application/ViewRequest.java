package fr.guichet.core.application;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;

/**
 * Shows one request to whoever may see it: its requester, staff, or anyone for a PUBLIC request (without internal
 * notes). Someone else's private request is "not found".
 */
public final class ViewRequest {

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final Labels labels;

    ViewRequest(UnitOfWork unitOfWork, RequestRepository requests, Labels labels) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.labels = labels;
    }

    public RequestDetails view(Person viewer, RequestNumber number) {
        return unitOfWork.read(() -> labels.details(Access.visibleRequest(requests, viewer, number), viewer));
    }
}
