package fr.guichet.core.domain.answer;

import fr.guichet.core.domain.Validation;

/**
 * The title a canned answer is picked by: 1 to {@value #MAX} characters on one line, without control characters or
 * bidirectional overrides; refused naming the field {@code title}.
 */
public record CannedAnswerTitle(String value) {

    public static final int MAX = 100;

    public CannedAnswerTitle {
        Validation.text(value, "title", "Le titre", MAX, false);
    }

    @Override
    public String toString() {
        return value;
    }
}
