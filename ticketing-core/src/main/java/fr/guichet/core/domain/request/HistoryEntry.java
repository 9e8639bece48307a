package fr.guichet.core.domain.request;

import fr.guichet.core.domain.person.PersonId;
import java.time.Instant;
import java.util.Objects;

/** One recorded change: who, when, what, from and to (each may be null); append-only, never rewritten. */
public record HistoryEntry(Instant at, PersonId by, HistoryEvent event, String from, String to) {

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(event, "event");
    }
}
