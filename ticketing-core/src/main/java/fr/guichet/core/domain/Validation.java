package fr.guichet.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the field errors of one input so that a user sees all of them at once; not thread-safe.
 */
public final class Validation {

    private final List<DomainError> errors = new ArrayList<>();

    /**
     * Runs a factory, keeping its value, or for {@link #throwIfInvalid()} its errors but those on a field already
     * refused (one error a field, the first); returns null on error.
     */
    public <T> T check(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (TicketingException e) {
            e.errors().stream().filter(error -> error.field() == null || !refused(error.field())).forEach(errors::add);
            return null;
        }
    }

    private boolean refused(String field) {
        return errors.stream().anyMatch(error -> field.equals(error.field()));
    }

    public void add(DomainError error) {
        errors.add(error);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new TicketingException(errors);
        }
    }

    /** Refuses a null for a required field. */
    public static <T> T required(T value, String field, String label) {
        if (value == null) {
            throw DomainError.invalid(field, field + ".required", label + " est obligatoire.").exception();
        }
        return value;
    }

    /**
     * Refuses null, blank text, text outside the length bounds, control characters (line breaks and tabs are allowed
     * when multiline) and bidirectional overrides; the text is kept exactly as given.
     */
    public static String text(String value, String field, String label, int max, boolean multiline) {
        if (value == null || value.isBlank()) {
            throw DomainError.invalid(field, field + ".required", label + " est obligatoire.").exception();
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw DomainError.invalid(field, field + ".too_long",
                    label + " ne doit pas dépasser " + max + " caractères (" + length + " saisis).").exception();
        }
        boolean bad = value.codePoints().anyMatch(c -> isForbiddenControl(c, multiline));
        if (bad) {
            throw DomainError.invalid(field, field + ".control_characters",
                    label + " contient des caractères non autorisés.").exception();
        }
        return value;
    }

    private static boolean isForbiddenControl(int c, boolean multiline) {
        if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
            return false;
        }
        return Character.getType(c) == Character.CONTROL || isBidiControl(c)
                || c == 0x2028 || c == 0x2029 || (c >= 0xD800 && c <= 0xDFFF);
    }

    /** Embeddings, overrides and isolates: they make text display in another order than it reads (spoofing). */
    public static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
