package fr.guichet.mail;

import fr.guichet.core.domain.notification.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How the background dispatcher drains the outbox: the retry backoff, how many notifications one claim takes, how long
 * a claim is held, and the pause between runs. Immutable.
 */
public record DispatchConfig(Backoff backoff, int batchSize, Duration lease, Duration interval) {

    public DispatchConfig {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(interval, "interval");
        if (batchSize < 1 || lease.isNegative() || lease.isZero() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("invalid dispatch settings " + batchSize + " " + lease + " "
                    + interval);
        }
    }

    /** {@link Backoff#standard()}, 20 a claim, 10-minute leases, a run every 10 seconds. */
    public static DispatchConfig defaults() {
        return new DispatchConfig(Backoff.standard(), 20, Duration.ofMinutes(10), Duration.ofSeconds(10));
    }
}
