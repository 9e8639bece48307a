package fr.guichet.core.domain.person;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Someone who signs in: requester or staff, with their roles, support groups and establishment (optional). */
public record Person(PersonId id, EmailAddress email, PersonName name, Uai establishment, Set<Role> roles,
        Set<GroupCode> groups, boolean active) {

    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        roles = roles == null || roles.isEmpty() ? Set.of(Role.REQUESTER) : Set.copyOf(EnumSet.copyOf(roles));
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public Optional<Uai> establishmentCode() {
        return Optional.ofNullable(establishment);
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public PersonRef ref() {
        return new PersonRef(id, name);
    }

    public Person deactivated() {
        return new Person(id, email, name, establishment, roles, groups, false);
    }
}
