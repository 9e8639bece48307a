package fr.guichet.core.domain.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A queued notification with its delivery state: attempts so far, when the next may happen, the last failure reason.
 * Its id is stable, so a channel can derive a Message-ID from it and a resend after a crash is recognisable.
 */
public record OutboxEntry(UUID id, Notification notification, DeliveryState state, int attempts,
        Instant createdAt, Instant nextAttemptAt, String lastError) {

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    /** A new entry held for its recipient's digest, never sent by itself. */
    public static OutboxEntry held(Notification notification, Instant now) {
        return new OutboxEntry(UUID.randomUUID(), notification, DeliveryState.HELD, 0, now, now, null);
    }

    /** A new entry, due now. */
    public static OutboxEntry queued(Notification notification, Instant now) {
        return new OutboxEntry(UUID.randomUUID(), notification, DeliveryState.PENDING, 0, now, now, null);
    }

    public Optional<String> error() {
        return Optional.ofNullable(lastError);
    }

    /** Where a queued notification stands. */
    public enum DeliveryState {
        PENDING,
        /** Kept for the recipient's next digest; never claimed, removed when a digest gathers it. */
        HELD,
        SENT,
        FAILED
    }
}
