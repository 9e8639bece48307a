package fr.guichet.core.port;

import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.SupportGroup;

/** A person directory the application writes to itself (local people and groups, not an external directory). */
public interface PersonRegistry extends PersonDirectory {

    /** Creates or replaces a person, their roles and group memberships. */
    void save(Person person);

    /** Creates or replaces a support group. */
    void saveGroup(SupportGroup group);
}
