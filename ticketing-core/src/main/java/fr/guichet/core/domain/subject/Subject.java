package fr.guichet.core.domain.subject;

import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of the catalog as stored: its own support group may be unset (then inherited from the parent, see
 * {@link SubjectCatalog}).
 */
public record Subject(SubjectCode code, String label, boolean active, GroupCode supportGroup,
        List<PersonId> specialists) {

    public Subject {
        Objects.requireNonNull(code, "code");
        Validation.text(label, "label", "Le libellé du sujet", 120, false);
        specialists = specialists == null ? List.of() : List.copyOf(specialists);
    }

    public Optional<GroupCode> ownSupportGroup() {
        return Optional.ofNullable(supportGroup);
    }

    /** {@code EVE – 4.2 – Mathenpoche}, with en dashes. */
    public String display() {
        return code.prefix() + " \u2013 " + code.path() + " \u2013 " + label;
    }
}
