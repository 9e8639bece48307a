package fr.guichet.core.testing;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonField;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.port.PersonDirectory;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A stand-in for a directory: the people of another directory, which it says decide {@code decided}. */
public final class DecidingDirectory implements PersonDirectory {

    private final PersonDirectory people;
    private final Set<PersonField> decided;

    public DecidingDirectory(PersonDirectory people, Set<PersonField> decided) {
        this.people = people;
        this.decided = Set.copyOf(decided);
    }

    @Override
    public Optional<Person> find(PersonId id) {
        return people.find(id);
    }

    @Override
    public List<Person> membersOf(GroupCode group) {
        return people.membersOf(group);
    }

    @Override
    public Optional<SupportGroup> group(GroupCode code) {
        return people.group(code);
    }

    @Override
    public List<SupportGroup> groups() {
        return people.groups();
    }

    @Override
    public Set<PersonField> decides() {
        return decided;
    }
}
