package fr.guichet.core.domain.person;

import fr.guichet.core.domain.DomainError;
import java.util.Locale;
import org.apache.commons.validator.routines.EmailValidator;

/** A syntactically valid e-mail address (Commons Validator), its domain lower-cased; no CR, LF or spaces. */
public record EmailAddress(String value) {

    private static final EmailValidator VALIDATOR = EmailValidator.getInstance(false, false);

    public EmailAddress {
        if (value == null || value.length() > 254 || !value.equals(value.strip())
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f) || !VALIDATOR.isValid(value)) {
            throw DomainError.invalid("email", "email.invalid", "L'adresse électronique est invalide.").exception();
        }
        int at = value.lastIndexOf('@');
        value = value.substring(0, at) + "@" + value.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    /** The part after '@', lower-cased. */
    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
