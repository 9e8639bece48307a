package fr.guichet.core.domain;

import java.util.List;
import java.util.Objects;

/**
 * The only exception the core lets out: one or more {@link DomainError}s of the same kind, never an adapter's exception.
 */
public final class TicketingException extends RuntimeException {

    private final transient List<DomainError> errors;

    public TicketingException(DomainError error) {
        this(List.of(error), null);
    }

    public TicketingException(List<DomainError> errors) {
        this(errors, null);
    }

    public TicketingException(DomainError error, Throwable cause) {
        this(List.of(error), cause);
    }

    private TicketingException(List<DomainError> errors, Throwable cause) {
        super(message(errors), cause);
        this.errors = List.copyOf(errors);
        if (this.errors.isEmpty()) {
            throw new IllegalArgumentException("a TicketingException needs at least one error");
        }
    }

    private static String message(List<DomainError> errors) {
        Objects.requireNonNull(errors, "errors");
        return errors.isEmpty() ? "" : errors.get(0).code() + ": " + errors.get(0).message();
    }

    /** A refusal because a needed service (database, directory) does not answer; the cause stays server-side. */
    public static TicketingException unavailable(Throwable cause) {
        return new TicketingException(
                DomainError.of(ErrorKind.UNAVAILABLE, "service.unavailable",
                        "Le service est momentanément indisponible. Réessayez dans quelques instants."),
                cause);
    }

    public static TicketingException notFound(String code, String message) {
        return DomainError.of(ErrorKind.NOT_FOUND, code, message).exception();
    }

    public static TicketingException forbidden(String code, String message) {
        return DomainError.of(ErrorKind.FORBIDDEN, code, message).exception();
    }

    public static TicketingException conflict(String code, String message) {
        return DomainError.of(ErrorKind.CONFLICT, code, message).exception();
    }

    public List<DomainError> errors() {
        return errors;
    }

    public ErrorKind kind() {
        return errors.get(0).kind();
    }

    public String code() {
        return errors.get(0).code();
    }
}
