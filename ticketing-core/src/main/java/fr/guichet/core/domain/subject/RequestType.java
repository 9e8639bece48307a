package fr.guichet.core.domain.subject;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.Validation;
import java.util.regex.Pattern;

/** A kind of request from the configured list, e.g. {@code USAGE} = "difficulté d'utilisation/installation". */
public record RequestType(String code, String label) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    public RequestType {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw DomainError.invalid("type", "request_type.code.invalid",
                    "Le type de demande est invalide.").exception();
        }
        Validation.text(label, "label", "Le libellé du type de demande", 120, false);
    }
}
