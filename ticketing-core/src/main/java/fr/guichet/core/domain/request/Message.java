package fr.guichet.core.domain.request;

import fr.guichet.core.domain.person.PersonRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A message posted on a request, with the files posted with it (seen by whoever may read the message); never edited
 * once posted.
 */
public record Message(UUID id, PersonRef author, MessageKind kind, MessageBody body, Instant at,
        List<Attachment> attachments) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        attachments = List.copyOf(attachments);
    }

    /** A message without files. */
    public Message(UUID id, PersonRef author, MessageKind kind, MessageBody body, Instant at) {
        this(id, author, kind, body, at, List.of());
    }

    public boolean internal() {
        return kind.isInternal();
    }
}
