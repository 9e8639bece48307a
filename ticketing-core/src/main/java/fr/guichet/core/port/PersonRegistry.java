package fr.guichet.core.port;

import fr.guichet.core.domain.notification.NotificationPreferences;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.SupportGroup;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A person directory the application writes to itself (local people and groups, not an external directory). */
public interface PersonRegistry extends PersonDirectory {

    /** Creates or replaces a person, their roles and group memberships. */
    void save(Person person);

    /** Creates or replaces a support group. */
    void saveGroup(SupportGroup group);

    /**
     * Notes {@code now} as the instant each inactive person without one was found inactive; {@link #save} of an active
     * person forgets it. Answers how many it noted.
     */
    int noteInactive(Instant now);

    /**
     * At most {@code limit} inactive people noted inactive before {@code before} whose identifier is not an
     * {@code Anonymised} placeholder's, by identifier, each after {@code after} (from the first when null).
     */
    List<PersonId> inactiveBefore(Instant before, PersonId after, int limit);

    /**
     * Forgets {@code person}: their record, roles, groups and local password are removed and {@code placeholder}
     * saved in their place; nothing happens when there is no such person.
     */
    void forget(PersonId person, Person placeholder);

    /**
     * A page of the people, active or not, whose identifier, names and e-mail address hold every word of
     * {@code words} (compared as {@link fr.guichet.core.domain.request.SearchText} does: no case, no accents; blank
     * or null: everyone), by family name, given name then identifier (compared as normalised), and how many match.
     */
    Page<Person> search(String words, PageRequest page);

    /** What those of {@code people} who chose their notifications chose; the others are absent from the answer. */
    Map<PersonId, NotificationPreferences> preferences(Collection<PersonId> people);

    /** Every choice of notifications made, by person: staff only, so few. */
    Map<PersonId, NotificationPreferences> allPreferences();

    /** Records what {@code person} chose, replacing their former choice; {@link #forget} removes it. */
    void savePreferences(PersonId person, NotificationPreferences preferences);
}
