package fr.guichet.core.application;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;

/**
 * A staff member of a request's group takes it for themself, in one click: a NEW request becomes ASSIGNED to them;
 * one assigned to someone else (in any open status) passes to them and keeps its status. Anyone outside the group is
 * FORBIDDEN; a resolved or closed request, or one already theirs, is a CONFLICT. The history names the taker; nobody
 * is mailed.
 */
public final class TakeRequest {

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final PersonDirectory people;
    private final Labels labels;
    private final Notifier notifier;
    private final Clock clock;

    TakeRequest(UnitOfWork unitOfWork, RequestRepository requests, PersonDirectory people, Labels labels,
            Notifier notifier, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.people = people;
        this.labels = labels;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** {@code expectedVersion} may be null (no check). */
    public RequestDetails take(Person staff, RequestNumber number, Long expectedVersion) {
        Access.requireActive(staff);
        Access.requireStaff(staff);
        SubjectCatalog catalog = labels.catalog();
        return unitOfWork.inTransaction(() -> {
            Request request = Access.visibleRequest(requests, staff, number);
            if (!staff.groups().contains(request.summaryLine().assignedGroup())) {
                String group = Fallbacks.groupLabel(people, request.summaryLine().assignedGroup());
                throw TicketingException.forbidden("request.take.not_in_group",
                        "Seuls les membres du groupe « " + group + " » peuvent prendre cette demande en charge.");
            }
            ExpectedVersion.check(request, expectedVersion);
            Instant now = clock.instant();
            RequestChange change = request.take(staff, now);
            notifier.notify(catalog, change.after(), change.events(), staff.id(), now);
            ExpectedVersion.store(requests, change, expectedVersion);
            return labels.details(catalog, change.after(), staff);
        });
    }
}
