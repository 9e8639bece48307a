package fr.guichet.core.domain.answer;

import fr.guichet.core.domain.Validation;

/**
 * The text of a canned answer, placeholders included: 1 to {@value #MAX} characters, line breaks and tabs allowed but
 * no other control character nor bidirectional override; refused naming the field {@code body}.
 */
public record CannedAnswerText(String value) {

    public static final int MAX = 10_000;

    public CannedAnswerText {
        Validation.text(value, "body", "Le texte de la réponse type", MAX, true);
    }

    @Override
    public String toString() {
        return value;
    }
}
