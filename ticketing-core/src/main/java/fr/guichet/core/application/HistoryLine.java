package fr.guichet.core.application;

import fr.guichet.core.domain.request.HistoryEntry;
import java.util.Objects;

/**
 * A history entry as a person reads it: who acted by name, and what its from and to name (a group's label, a person's
 * name, a status in French, a file's name); {@code fromLabel} and {@code toLabel} are null where the entry's are.
 */
public record HistoryLine(HistoryEntry entry, String byName, String fromLabel, String toLabel) {

    public HistoryLine {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(byName, "byName");
    }
}
