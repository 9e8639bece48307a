package fr.guichet.core.application;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;

/**
 * Staff make a request follow an incident, another request, or detach it: resolving the incident then resolves its
 * followers (see {@link ChangeStatus}). One level only: an incident follows none, a follower has none. An incident that
 * is missing, malformed or the request itself is INVALID in the {@code parent} field; one resolved, closed or
 * following another, a request with followers, resolved or closed, or linking twice to the same incident, a CONFLICT.
 * The follower's history records each move; nobody is mailed. A link moves the incident to its next version too, so
 * that resolving or linking the incident at the same time on another node conflicts with it instead of leaving a
 * follower open behind a resolved incident, or two levels.
 */
public final class LinkRequest {

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final Labels labels;
    private final Clock clock;

    LinkRequest(UnitOfWork unitOfWork, RequestRepository requests, Labels labels, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.labels = labels;
        this.clock = clock;
    }

    /** Makes request {@code number} follow the incident numbered {@code parent} (as typed, zeros optional). */
    public RequestDetails link(Person staff, RequestNumber number, String parent, Long expectedVersion) {
        Access.requireActive(staff);
        Access.requireStaff(staff);
        RequestNumber incidentNumber = parentNumber(parent);
        return unitOfWork.inTransaction(() -> {
            Request request = Access.visibleRequest(requests, staff, number);
            ExpectedVersion.check(request, expectedVersion);
            Request incident = requests.find(incidentNumber).filter(r -> Access.canView(staff, r))
                    .orElseThrow(() -> DomainError.invalid("parent", "request.link.parent_not_found",
                            "La demande n° " + incidentNumber.display() + " est introuvable.").exception());
            RequestChange change = request.linkTo(staff, incident, clock.instant());
            if (!requests.children(number).isEmpty()) {
                throw TicketingException.conflict("request.link.has_children",
                        "Des demandes sont rattachées à celle-ci : elle ne peut pas suivre un autre incident.");
            }
            ExpectedVersion.store(requests, change, expectedVersion);
            ExpectedVersion.store(requests, incident.touched(), null);
            return labels.details(change.after(), staff);
        });
    }

    /** Detaches request {@code number} from the incident it follows. */
    public RequestDetails unlink(Person staff, RequestNumber number, Long expectedVersion) {
        Access.requireActive(staff);
        Access.requireStaff(staff);
        return unitOfWork.inTransaction(() -> {
            Request request = Access.visibleRequest(requests, staff, number);
            ExpectedVersion.check(request, expectedVersion);
            RequestChange change = request.unlink(staff, clock.instant());
            ExpectedVersion.store(requests, change, expectedVersion);
            return labels.details(change.after(), staff);
        });
    }

    /** The incident's number as typed (zeros optional); missing or malformed is INVALID in the {@code parent} field. */
    public static RequestNumber parentNumber(String parent) {
        if (parent == null || parent.isBlank()) {
            throw DomainError.invalid("parent", "request.link.parent_required",
                    "Indiquez le numéro de la demande qui sert d'incident.").exception();
        }
        try {
            return RequestNumber.parse(parent.strip());
        } catch (TicketingException e) {
            throw DomainError.invalid("parent", "request.link.parent_invalid",
                    "Le numéro de l'incident est invalide : indiquez un numéro de demande, par exemple 0000123.")
                    .exception();
        }
    }
}
