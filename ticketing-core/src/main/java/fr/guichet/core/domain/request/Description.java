package fr.guichet.core.domain.request;

import fr.guichet.core.domain.Validation;

/**
 * A request's description as its requester typed it: 1 to {@value #MAX} characters, line breaks and tabs allowed but
 * no other control character nor bidirectional override; refused naming the field {@code description}.
 */
public record Description(String value) {

    public static final int MAX = 20_000;

    public Description {
        Validation.text(value, "description", "La description", MAX, true);
    }

    @Override
    public String toString() {
        return value;
    }
}
