package fr.guichet.core.domain.subject;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.Validation;
import java.util.regex.Pattern;

/**
 * A kind of request from the configured list, e.g. {@code USAGE} = "difficulté d'utilisation/installation"; an
 * inactive one is no longer offered to new requests, and the requests filed with it keep showing its label.
 */
public record RequestType(String code, String label, boolean active) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    public RequestType {
        if (!isCode(code)) {
            throw DomainError.invalid("type", "request_type.code.invalid",
                    "Le type de demande est invalide.").exception();
        }
        Validation.text(label, "label", "Le libellé du type de demande", 120, false);
    }

    /** True when {@code value} can be a request type's code: capital letters, digits and '_', at most 32. */
    public static boolean isCode(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** An active request type. */
    public RequestType(String code, String label) {
        this(code, label, true);
    }

    public RequestType withLabel(String value) {
        return new RequestType(code, value, active);
    }

    public RequestType withActive(boolean value) {
        return new RequestType(code, label, value);
    }
}
