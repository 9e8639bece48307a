package fr.guichet.core.domain.request;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.Validation;
import java.time.Instant;
import java.util.Objects;

/**
 * A requester's answer to the satisfaction survey of a resolved request: a score from 1 to 5 and an optional comment
 * (null when none, at most 2,000 characters), when it was given. Immutable.
 */
public record SatisfactionAnswer(RequestNumber request, int score, String comment, Instant answeredAt) {

    /** The longest comment, in characters. */
    public static final int MAX_COMMENT = 2_000;

    public SatisfactionAnswer {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(answeredAt, "answeredAt");
        Validation v = new Validation();
        if (score < 1 || score > 5) {
            v.add(DomainError.invalid("score", "satisfaction.score.invalid", "La note va de 1 à 5."));
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null) {
            v.check(() -> Validation.text(text, "comment", "Le commentaire", MAX_COMMENT, true));
        }
        v.throwIfInvalid();
        comment = text;
    }
}
