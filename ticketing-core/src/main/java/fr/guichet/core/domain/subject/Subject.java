package fr.guichet.core.domain.subject;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.Validation;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of the catalog as stored: its own support group, routing and service-level targets may be unset (then
 * inherited from the parent, see {@link SubjectCatalog}); its position orders it among its siblings (lower first,
 * equal positions by code).
 */
public record Subject(SubjectCode code, String label, boolean active, GroupCode supportGroup,
        List<PersonId> specialists, Routing routing, int position, ServiceTargets targets) {

    public Subject {
        Objects.requireNonNull(code, "code");
        Validation.text(label, "label", "Le libellé du sujet", 120, false);
        specialists = specialists == null ? List.of() : List.copyOf(specialists);
        targets = targets == null ? ServiceTargets.INHERITED : targets;
        if (position < 0) {
            throw DomainError.invalid("position", "subject.position.invalid",
                    "La position doit être un nombre positif.").exception();
        }
    }

    /** A subject that inherits its targets. */
    public Subject(SubjectCode code, String label, boolean active, GroupCode supportGroup,
            List<PersonId> specialists, Routing routing, int position) {
        this(code, label, active, supportGroup, specialists, routing, position, ServiceTargets.INHERITED);
    }

    /** A subject at position 0, ordered among its siblings by its code. */
    public Subject(SubjectCode code, String label, boolean active, GroupCode supportGroup,
            List<PersonId> specialists, Routing routing) {
        this(code, label, active, supportGroup, specialists, routing, 0);
    }

    /** A subject that inherits its routing. */
    public Subject(SubjectCode code, String label, boolean active, GroupCode supportGroup,
            List<PersonId> specialists) {
        this(code, label, active, supportGroup, specialists, null);
    }

    public Optional<GroupCode> ownSupportGroup() {
        return Optional.ofNullable(supportGroup);
    }

    public Optional<Routing> ownRouting() {
        return Optional.ofNullable(routing);
    }

    /** The same subject with its own routing set to {@code value} (null: inherited). */
    public Subject withRouting(Routing value) {
        return new Subject(code, label, active, supportGroup, specialists, value, position, targets);
    }

    public Subject withLabel(String value) {
        return new Subject(code, value, active, supportGroup, specialists, routing, position, targets);
    }

    public Subject withActive(boolean value) {
        return new Subject(code, label, value, supportGroup, specialists, routing, position, targets);
    }

    /** The same subject with its own support group set to {@code value} (null: inherited). */
    public Subject withSupportGroup(GroupCode value) {
        return new Subject(code, label, active, value, specialists, routing, position, targets);
    }

    public Subject withSpecialists(List<PersonId> value) {
        return new Subject(code, label, active, supportGroup, value, routing, position, targets);
    }

    public Subject withPosition(int value) {
        return new Subject(code, label, active, supportGroup, specialists, routing, value, targets);
    }

    /** The same subject with its own targets set to {@code value} (each null: inherited). */
    public Subject withTargets(ServiceTargets value) {
        return new Subject(code, label, active, supportGroup, specialists, routing, position, value);
    }

    /** {@code EVE – 4.2 – Mathenpoche}, with en dashes. */
    public String display() {
        return code.prefix() + " \u2013 " + code.path() + " \u2013 " + label;
    }
}
