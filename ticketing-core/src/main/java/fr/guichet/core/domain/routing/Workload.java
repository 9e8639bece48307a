package fr.guichet.core.domain.routing;

import fr.guichet.core.domain.person.PersonId;
import java.util.Objects;

/** A staff member who may take a request, with how many open requests they already hold. */
public record Workload(PersonId member, long openRequests) {

    public Workload {
        Objects.requireNonNull(member, "member");
        if (openRequests < 0) {
            throw new IllegalArgumentException("openRequests < 0");
        }
    }
}
