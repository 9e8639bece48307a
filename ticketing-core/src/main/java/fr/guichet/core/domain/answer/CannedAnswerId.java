package fr.guichet.core.domain.answer;

import fr.guichet.core.domain.DomainError;
import java.util.Objects;
import java.util.UUID;

/** A canned answer's identifier: a random UUID. */
public record CannedAnswerId(UUID value) {

    public CannedAnswerId {
        Objects.requireNonNull(value, "value");
    }

    public static CannedAnswerId random() {
        return new CannedAnswerId(UUID.randomUUID());
    }

    /** The identifier written as {@code text}; refused naming the field {@code id} when it is not a UUID. */
    public static CannedAnswerId parse(String text) {
        try {
            return new CannedAnswerId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainError.invalid("id", "canned_answer.id.invalid",
                    "L'identifiant de la réponse type est invalide.").exception();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
