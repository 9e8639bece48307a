package fr.guichet.core.domain.request;

import fr.guichet.core.domain.person.PersonRef;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A message posted on a request; never edited once posted. */
public record Message(UUID id, PersonRef author, MessageKind kind, MessageBody body, Instant at) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
    }

    public boolean internal() {
        return kind.isInternal();
    }
}
