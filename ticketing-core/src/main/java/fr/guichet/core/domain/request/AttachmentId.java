package fr.guichet.core.domain.request;

import fr.guichet.core.domain.DomainError;
import java.util.Objects;
import java.util.UUID;

/** An attachment's identifier: a random UUID, so that one cannot guess another's. */
public record AttachmentId(UUID value) {

    public AttachmentId {
        Objects.requireNonNull(value, "value");
    }

    public static AttachmentId random() {
        return new AttachmentId(UUID.randomUUID());
    }

    public static AttachmentId parse(String text) {
        try {
            return new AttachmentId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainError.invalid("attachment", "attachment.id.invalid",
                    "L'identifiant de la pièce jointe est invalide.").exception();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
