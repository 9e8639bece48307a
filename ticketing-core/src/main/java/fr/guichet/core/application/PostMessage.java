package fr.guichet.core.application;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;

/**
 * Posts a message: staff answer (mailed to the requester) or note (staff only); the requester follows up on their
 * own request. A requester may not write internal notes, nor on someone else's public request.
 */
public final class PostMessage {

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final Labels labels;
    private final Notifier notifier;
    private final Clock clock;

    PostMessage(UnitOfWork unitOfWork, RequestRepository requests, Labels labels, Notifier notifier, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.labels = labels;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** {@code expectedVersion} may be null (no check). */
    public MessagePosted post(Person author, RequestNumber number, String body, boolean internal,
            Long expectedVersion) {
        Access.requireActive(author);
        MessageBody text = new MessageBody(body);
        SubjectCatalog catalog = labels.catalog();
        return unitOfWork.inTransaction(() -> {
            Request request = Access.visibleRequest(requests, author, number);
            ExpectedVersion.check(request, expectedVersion);
            Instant now = clock.instant();
            RequestChange change;
            if (author.isStaff()) {
                change = request.staffMessage(author, text, internal, now);
            } else if (internal) {
                throw TicketingException.forbidden("request.note.forbidden",
                        "Les notes internes sont réservées à l'équipe d'assistance.");
            } else if (!request.isRequester(author.id())) {
                throw TicketingException.forbidden("request.message.forbidden",
                        "Seul le demandeur peut compléter cette demande.");
            } else {
                change = request.followUp(author, text, now);
            }
            notifier.notify(catalog, change.after(), change.events(), author.id(), now);
            ExpectedVersion.store(requests, change, expectedVersion);
            return new MessagePosted(change.newMessages().get(0), change.after().version());
        });
    }
}
