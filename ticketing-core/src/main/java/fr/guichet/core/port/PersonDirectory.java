package fr.guichet.core.port;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import java.util.List;
import java.util.Optional;

/** Looks people and support groups up (local tables or the académie's directory); thread-safe, read-only. */
public interface PersonDirectory {

    /** The person with this identifier, active or not, or empty. */
    Optional<Person> find(PersonId id);

    /** The active people who belong to {@code group}, in identifier order. */
    List<Person> membersOf(GroupCode group);

    /** The support group with this code, or empty. */
    Optional<SupportGroup> group(GroupCode code);

    /** Every support group, in code order. */
    List<SupportGroup> groups();
}
