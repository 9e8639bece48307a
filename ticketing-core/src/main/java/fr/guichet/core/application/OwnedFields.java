package fr.guichet.core.application;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonField;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.PersonDirectory;
import fr.guichet.core.port.PersonRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A directory's people with the roles and support groups Guichet keeps itself, in its registry, where the directory
 * does not decide them ({@link PersonDirectory#decides()}): a person's roles (and groups) are the directory's when it
 * decides them, else those an administrator gave them in Guichet (the directory's until then); when the directory
 * does not decide groups, the support groups and their members are Guichet's. Thread-safe as its parts are.
 */
final class OwnedFields implements PersonDirectory {

    private final PersonDirectory directory;
    private final PersonRegistry registry;
    private final boolean roles;
    private final boolean groups;

    private OwnedFields(PersonDirectory directory, PersonRegistry registry) {
        this.directory = directory;
        this.registry = registry;
        this.roles = directory.decides().contains(PersonField.ROLES);
        this.groups = directory.decides().contains(PersonField.GROUPS);
    }

    /** {@code directory} itself when it decides nothing (a stand-in) or both roles and groups, else wrapped. */
    static PersonDirectory over(PersonDirectory directory, PersonRegistry registry) {
        Set<PersonField> decided = directory.decides();
        if (decided.isEmpty() || decided.containsAll(Set.of(PersonField.ROLES, PersonField.GROUPS))) {
            return directory;
        }
        return new OwnedFields(directory, registry);
    }

    @Override
    public Optional<Person> find(PersonId id) {
        return directory.find(id).map(this::withOwned);
    }

    private Person withOwned(Person person) {
        return registry.find(person.id()).map(local -> new Person(person.id(), person.email(), person.name(),
                person.establishment(), roles ? person.roles() : local.roles(),
                groups ? person.groups() : local.groups(), person.active())).orElse(person);
    }

    @Override
    public List<Person> membersOf(GroupCode group) {
        if (groups) {
            return directory.membersOf(group).stream().map(this::withOwned).toList();
        }
        return registry.membersOf(group).stream().map(local -> find(local.id())).flatMap(Optional::stream)
                .filter(Person::active).filter(p -> p.groups().contains(group)).toList();
    }

    @Override
    public Optional<SupportGroup> group(GroupCode code) {
        return groups ? directory.group(code) : registry.group(code);
    }

    @Override
    public List<SupportGroup> groups() {
        return groups ? directory.groups() : registry.groups();
    }

    @Override
    public Set<PersonField> decides() {
        return directory.decides();
    }

    @Override
    public String toString() {
        return "OwnedFields[" + Objects.toString(directory) + "]";
    }
}
