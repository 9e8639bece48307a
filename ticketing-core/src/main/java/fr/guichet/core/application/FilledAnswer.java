package fr.guichet.core.application;

import fr.guichet.core.domain.answer.CannedAnswer;
import java.util.Objects;

/** A canned answer with its text filled for one request, ready to be edited into an answer. */
public record FilledAnswer(CannedAnswer answer, String text) {

    public FilledAnswer {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(text, "text");
    }
}
