package fr.guichet.core.domain.request;

import fr.guichet.core.domain.DomainError;

/** A request's number: positive, shown zero-padded to 7 digits ({@code 0022928}), parsed with or without the zeros. */
public record RequestNumber(long value) implements Comparable<RequestNumber> {

    public RequestNumber {
        if (value < 1) {
            throw invalid();
        }
    }

    public static RequestNumber of(long value) {
        return new RequestNumber(value);
    }

    /** Parses {@code 22928} or {@code 0022928}; anything but 1 to 19 ASCII digits naming a positive long is refused. */
    public static RequestNumber parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid();
        }
        try {
            return new RequestNumber(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static RuntimeException invalid() {
        return DomainError.invalid("number", "request.number.invalid",
                "Le numéro de demande est invalide.").exception();
    }

    public String display() {
        String digits = Long.toString(value);
        return digits.length() >= 7 ? digits : "0".repeat(7 - digits.length()) + digits;
    }

    @Override
    public int compareTo(RequestNumber other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return display();
    }
}
