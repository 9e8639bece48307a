package fr.guichet.core.application;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.port.RequestCounts;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;

/**
 * Counts for staff what a list with the same filter holds: by status, unassigned, awaiting the staff and their own,
 * counted by the repository without reading the requests; refused to requesters.
 */
public final class CountRequests {

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;

    CountRequests(UnitOfWork unitOfWork, RequestRepository requests) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
    }

    public RequestCounts count(Person staff, QueueFilter filter) {
        Access.requireStaff(staff);
        return unitOfWork.read(() -> requests.count(filter.query(staff), staff.id()));
    }
}
