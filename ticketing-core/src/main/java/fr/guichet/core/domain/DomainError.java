package fr.guichet.core.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One refusal: a stable machine code, the faulty field when there is one, and a French message fit for an end user.
 */
public record DomainError(ErrorKind kind, String code, String field, String message) {

    public DomainError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static DomainError invalid(String field, String code, String message) {
        return new DomainError(ErrorKind.INVALID, code, field, message);
    }

    public static DomainError of(ErrorKind kind, String code, String message) {
        return new DomainError(kind, code, null, message);
    }

    /** The faulty field, absent for a refusal that concerns no single field. */
    public Optional<String> fieldName() {
        return Optional.ofNullable(field);
    }

    /** This error as an exception, ready to throw. */
    public TicketingException exception() {
        return new TicketingException(this);
    }
}
