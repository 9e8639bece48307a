package fr.guichet.core.application;

import fr.guichet.core.domain.admin.Snapshot;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonField;
import java.util.Map;

/**
 * A person as an administrator sees them: the person, the snapshot whose fingerprint is their ETag, and the fields
 * Guichet cannot change with the French reason why (empty when every field may be changed).
 */
public record PersonSheet(Person person, Snapshot snapshot, Map<PersonField, String> readOnly) {

    public PersonSheet {
        readOnly = Map.copyOf(readOnly);
    }
}
