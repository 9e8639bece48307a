package fr.guichet.core.domain.subject;

import fr.guichet.core.domain.DomainError;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A subject's code: a domain prefix and a dotted path, {@code EVE-4.2}; its parent is {@code EVE-4}, a one-part path
 * has none.
 */
public record SubjectCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("([A-Z][A-Z0-9]{0,15})-([0-9]{1,4}(?:\\.[0-9]{1,4}){0,7})");

    public SubjectCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw DomainError.invalid("subject", "subject.code.invalid",
                    "Le code du sujet est invalide (par exemple EVE-4.2).").exception();
        }
    }

    public static SubjectCode parse(String value) {
        return new SubjectCode(value);
    }

    public static SubjectCode of(String prefix, String path) {
        return new SubjectCode(prefix + "-" + path);
    }

    public String prefix() {
        return value.substring(0, value.indexOf('-'));
    }

    public String path() {
        return value.substring(value.indexOf('-') + 1);
    }

    public int depth() {
        return path().split("\\.").length;
    }

    public Optional<SubjectCode> parent() {
        String path = path();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(of(prefix(), path.substring(0, dot)));
    }

    /** True when this code is {@code other} or lies under it in the tree. */
    public boolean isWithin(SubjectCode other) {
        return value.equals(other.value) || value.startsWith(other.value + ".");
    }

    @Override
    public String toString() {
        return value;
    }
}
