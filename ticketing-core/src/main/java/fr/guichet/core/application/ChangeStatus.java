package fr.guichet.core.application;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Actor;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;

/**
 * Moves a request along its lifecycle. Staff make the moves of {@code Lifecycle}; a requester only answers a request
 * waiting for them or reopens a resolved one of theirs (within the reopening window). A move the actor may never make
 * is FORBIDDEN; one the lifecycle does not allow now is a CONFLICT. Resolving an incident resolves, in the same
 * transaction, each of its open followers (whatever their status) with the incident's comment, each
 * follower's requester mailed as for any resolution: a second resolution of the incident is refused, so never mails
 * them twice. The reopening window is the one in force when the change's unit of work starts (one primary-key read
 * of the stored settings), so an administrator's change applies at once on every node.
 */
public final class ChangeStatus {

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final Labels labels;
    private final Notifier notifier;
    private final Clock clock;
    private final LiveSettings settings;
    private final ServiceLevels serviceLevels;

    ChangeStatus(UnitOfWork unitOfWork, RequestRepository requests, Labels labels, Notifier notifier, Clock clock,
            LiveSettings settings, ServiceLevels serviceLevels) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.labels = labels;
        this.notifier = notifier;
        this.clock = clock;
        this.settings = settings;
        this.serviceLevels = serviceLevels;
    }

    /** {@code comment} and {@code expectedVersion} may be null. */
    public RequestDetails change(Person person, RequestNumber number, Status to, String comment,
            Long expectedVersion) {
        Access.requireActive(person);
        MessageBody note = MessageBody.comment(comment);
        SubjectCatalog catalog = labels.catalog();
        return unitOfWork.inTransaction(() -> {
            Request request = Access.visibleRequest(requests, person, number);
            Actor actor = actorOf(person, request, to);
            ExpectedVersion.check(request, expectedVersion);
            Instant now = clock.instant();
            RequestChange change = serviceLevels.restarted(request.changeStatus(person, actor, to, note,
                    settings.current().reopenWindow(), now));
            notifier.notify(catalog, change.after(), change.events(), person.id(), now);
            ExpectedVersion.store(requests, change, expectedVersion);
            if (to == Status.RESOLVED) {
                resolveFollowers(catalog, person, number, note, now);
            }
            return labels.details(catalog, change.after(), person);
        });
    }

    private void resolveFollowers(SubjectCatalog catalog, Person staff, RequestNumber incident, MessageBody answer,
            Instant now) {
        for (RequestNumber number : requests.children(incident)) {
            Request child = requests.find(number).orElseThrow(() -> Access.notFound(number));
            if (child.summaryLine().status().isOpen()) {
                RequestChange change = child.resolveAsFollower(staff, answer, now);
                notifier.notify(catalog, change.after(), change.events(), staff.id(), now);
                ExpectedVersion.store(requests, change, null);
            }
        }
    }

    private static Actor actorOf(Person person, Request request, Status to) {
        if (person.isStaff()) {
            return Actor.STAFF;
        }
        if (!request.isRequester(person.id()) || to != Status.IN_PROGRESS) {
            throw TicketingException.forbidden("request.status.forbidden",
                    "Vous pouvez seulement répondre à une demande en attente ou rouvrir une demande résolue.");
        }
        return Actor.REQUESTER;
    }
}
