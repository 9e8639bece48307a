package fr.guichet.core.port;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.SupportGroup;

/** A person directory the application writes to itself (local people and groups, not an external directory). */
public interface PersonRegistry extends PersonDirectory {

    /** Creates or replaces a person, their roles and group memberships. */
    void save(Person person);

    /** Creates or replaces a support group. */
    void saveGroup(SupportGroup group);

    /**
     * A page of the people, active or not, whose identifier, names and e-mail address hold every word of
     * {@code words} (compared as {@link fr.guichet.core.domain.request.SearchText} does: no case, no accents; blank
     * or null: everyone), by family name, given name then identifier (compared as normalised), and how many match.
     */
    Page<Person> search(String words, PageRequest page);
}
