package fr.guichet.core.domain.person;

import java.util.Objects;

/** A person as recorded on a request or message: identifier and name at the time of the act. */
public record PersonRef(PersonId id, PersonName name) {

    public PersonRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
