package fr.guichet.core.application;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * People a use case has already read in its unit of work, and the members of groups it read whole, which the notifier
 * takes instead of reading them again; immutable.
 */
record KnownPeople(List<Person> people, Map<GroupCode, List<Person>> groupMembers) {

    static final KnownPeople NONE = new KnownPeople(List.of(), Map.of());

    KnownPeople {
        people = List.copyOf(people);
        groupMembers = Map.copyOf(groupMembers);
    }

    /** {@code person}, and {@code members} as the members of {@code group}. */
    static KnownPeople of(Person person, GroupCode group, List<Person> members) {
        return new KnownPeople(List.of(person), Map.of(group, List.copyOf(members)));
    }

    Optional<Person> find(PersonId id) {
        return Stream.concat(people.stream(), groupMembers.values().stream().flatMap(List::stream))
                .filter(p -> p.id().equals(id)).findFirst();
    }

    Optional<List<Person>> membersOf(GroupCode group) {
        return Optional.ofNullable(groupMembers.get(group));
    }
}
