package fr.guichet.core.domain.request;

import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.person.PersonRef;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A message posted on a request; never edited once posted. */
public record Message(UUID id, PersonRef author, MessageKind kind, String body, Instant at) {

    public static final int MAX_BODY = 20_000;

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        body = checkBody(body);
    }

    /** The body a user typed, or the refusal that names the field {@code body}. */
    public static String checkBody(String body) {
        return Validation.text(body, "body", "Le message", MAX_BODY, true);
    }

    public boolean internal() {
        return kind.isInternal();
    }
}
