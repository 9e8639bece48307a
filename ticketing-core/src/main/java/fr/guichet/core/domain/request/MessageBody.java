package fr.guichet.core.domain.request;

import fr.guichet.core.domain.Validation;

/**
 * The text of a message, or of the comment on a move that becomes one: 1 to {@value #MAX} characters, line breaks
 * and tabs allowed but no other control character nor bidirectional override; refused naming the field {@code body}.
 */
public record MessageBody(String value) {

    public static final int MAX = 20_000;

    public MessageBody {
        Validation.text(value, "body", "Le message", MAX, true);
    }

    /** A comment that may be left out: null when {@code text} is null or blank, else the body it becomes. */
    public static MessageBody comment(String text) {
        return text == null || text.isBlank() ? null : new MessageBody(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
