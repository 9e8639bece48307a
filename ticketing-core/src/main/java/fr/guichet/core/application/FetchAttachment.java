package fr.guichet.core.application;

import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.AttachmentStore;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.UnitOfWork;

/**
 * Gives an attachment to whoever may see it: its request, and for a file of an internal note, staff; any other is "not
 * found", like a missing one.
 */
public final class FetchAttachment {

    private final UnitOfWork unitOfWork;
    private final RequestRepository requests;
    private final AttachmentStore attachments;

    FetchAttachment(UnitOfWork unitOfWork, RequestRepository requests, AttachmentStore attachments) {
        this.unitOfWork = unitOfWork;
        this.requests = requests;
        this.attachments = attachments;
    }

    public AttachmentContent fetch(Person viewer, RequestNumber number, AttachmentId id) {
        Attachment attachment = unitOfWork.inTransaction(() -> {
            Request request = Access.visibleRequest(requests, viewer, number);
            Request seen = viewer.isStaff() ? request : request.asSeenByRequester();
            return seen.attachment(id).orElseThrow(FetchAttachment::notFound);
        });
        return new AttachmentContent(attachment, attachments.open(id).orElseThrow(FetchAttachment::notFound));
    }

    private static TicketingException notFound() {
        return TicketingException.notFound("attachment.not_found", "Cette pièce jointe est introuvable.");
    }
}
