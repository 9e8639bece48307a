package fr.guichet.core.port;

import fr.guichet.core.domain.request.RequestNumber;
import java.time.Instant;
import java.util.Objects;

/** A request and since when it is in its status: one candidate of {@link RequestRepository#inStatusBefore}. */
public record StatusAge(RequestNumber number, Instant since) {

    public StatusAge {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(since, "since");
    }
}
