package fr.guichet.core.domain.admin;

import fr.guichet.core.domain.person.PersonRef;
import java.time.Instant;
import java.util.Objects;

/**
 * One administrative change as recorded: when, by whom, which action (a stable code such as {@code person.create}),
 * on what, and the target's snapshot before and after ({@link Snapshot#NONE} before a creation).
 */
public record AuditEntry(Instant at, PersonRef by, String action, AuditTarget target, Snapshot before,
        Snapshot after) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
