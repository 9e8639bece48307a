package fr.guichet.core.application;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.subject.SubjectCatalog;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Posts a message: staff answer (mailed to the requester) or note (staff only); the requester follows up on their
 * own request. A requester may not write internal notes, nor on someone else's public request. Files sent with a
 * message are taken in as {@link AttachmentIntake} says, counted with the request's files, and belong to the message:
 * those of a note are seen by staff only. The message, its files and its notifications are kept in one unit of work,
 * or nothing is.
 */
public final class PostMessage {

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final Labels labels;
    private final AttachmentIntake intake;
    private final Notifier notifier;
    private final Clock clock;
    private final ServiceLevels serviceLevels;

    PostMessage(UnitOfWork unitOfWork, RequestRepository requests, Labels labels, AttachmentIntake intake,
            Notifier notifier, Clock clock, ServiceLevels serviceLevels) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.labels = labels;
        this.intake = intake;
        this.notifier = notifier;
        this.clock = clock;
        this.serviceLevels = serviceLevels;
    }

    /** {@code expectedVersion} may be null (no check). */
    public MessagePosted post(Person author, RequestNumber number, String body, boolean internal,
            Long expectedVersion) {
        return post(author, number, body, internal, List.of(), expectedVersion);
    }

    /** Posts a message with {@code uploads} (read once); {@code expectedVersion} may be null (no check). */
    public MessagePosted post(Person author, RequestNumber number, String body, boolean internal,
            List<Upload> uploads, Long expectedVersion) {
        Access.requireActive(author);
        MessageBody text = new MessageBody(body);
        SubjectCatalog catalog = labels.catalog();
        return unitOfWork.inTransaction(() -> {
            Request request = Access.visibleRequest(requests, author, number);
            ExpectedVersion.check(request, expectedVersion);
            Instant now = clock.instant();
            RequestChange change;
            if (!author.isStaff() && internal) {
                throw TicketingException.forbidden("request.note.forbidden",
                        "Les notes internes sont réservées à l'équipe d'assistance.");
            }
            if (!author.isStaff() && !request.isRequester(author.id())) {
                throw TicketingException.forbidden("request.message.forbidden",
                        "Seul le demandeur peut compléter cette demande.");
            }
            request.requireOpenForMessages();
            List<Attachment> counted = internal ? request.allAttachments()
                    : request.asSeenByRequester().allAttachments();
            List<Attachment> files = intake.store(uploads, counted, now);
            if (author.isStaff()) {
                change = request.staffMessage(author, text, internal, files, now);
            } else {
                change = serviceLevels.restarted(request.followUp(author, text, files, now));
            }
            notifier.notify(catalog, change.after(), change.events(), author.id(), now);
            ExpectedVersion.store(requests, change, expectedVersion);
            return new MessagePosted(change.newMessages().get(0), change.after().version());
        });
    }
}
