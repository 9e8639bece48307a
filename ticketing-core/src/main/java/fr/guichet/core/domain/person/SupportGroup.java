package fr.guichet.core.domain.person;

import fr.guichet.core.domain.Validation;
import java.util.Objects;

/** A support group that requests are routed to, e.g. the rectorat's platform or the specialists of an application. */
public record SupportGroup(GroupCode code, String label) {

    public SupportGroup {
        Objects.requireNonNull(code, "code");
        Validation.text(label, "label", "Le libellé du groupe", 120, false);
    }
}
