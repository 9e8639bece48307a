package fr.guichet.core.port;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonField;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Looks people and support groups up (local tables or the académie's directory); thread-safe, read-only. */
public interface PersonDirectory {

    /** The person with this identifier, active or not, or empty. */
    Optional<Person> find(PersonId id);

    /**
     * The people of {@code ids} this directory knows, active or not, by identifier; those it does not know are absent.
     * One lookup per person unless the directory reads them at once, as Guichet's registry does in one statement.
     */
    default Map<PersonId, Person> findAll(Collection<PersonId> ids) {
        Map<PersonId, Person> found = new HashMap<>();
        for (PersonId id : ids) {
            find(id).ifPresent(p -> found.put(id, p));
        }
        return found;
    }

    /** The active people who belong to {@code group}, in identifier order. */
    List<Person> membersOf(GroupCode group);

    /** The support group with this code, or empty. */
    Optional<SupportGroup> group(GroupCode code);

    /** Every support group, in code order. */
    List<SupportGroup> groups();

    /**
     * The fields of people this directory decides, which Guichet can therefore not change: none for Guichet's own
     * registry.
     */
    default Set<PersonField> decides() {
        return Set.of();
    }
}
