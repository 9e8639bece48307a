package fr.guichet.core.domain.request;

import fr.guichet.core.domain.Validation;

/**
 * A request's summary as its requester typed it: 1 to {@value #MAX} characters on one line, without control
 * characters or bidirectional overrides; refused naming the field {@code summary}.
 */
public record Summary(String value) {

    public static final int MAX = 120;

    public Summary {
        Validation.text(value, "summary", "Le résumé", MAX, false);
    }

    @Override
    public String toString() {
        return value;
    }
}
