package fr.guichet.core.domain.notification;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for retried deliveries: the n-th retry waits about {@code initial × 2^(n-1)}, capped
 * at {@code max}, spread by ±{@code jitter} (0 to 1); after {@code maxAttempts} attempts a notification fails for good.
 */
public record Backoff(Duration initial, Duration max, double jitter, int maxAttempts) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || jitter < 0 || jitter > 1
                || maxAttempts < 1) {
            throw new IllegalArgumentException("invalid backoff " + initial + " " + max + " " + jitter + " "
                    + maxAttempts);
        }
    }

    /** 30 s doubling up to 1 h, ±20 %, 12 attempts (about a day and a half in all). */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 0.2, 12);
    }

    /** The wait after {@code attempts} failed attempts (1 or more); {@code random} gives numbers in [0, 1). */
    public Duration delayAfter(int attempts, DoubleSupplier random) {
        int exponent = Math.min(Math.max(attempts - 1, 0), 30);
        double base = Math.min(initial.toMillis() * Math.pow(2, exponent), max.toMillis());
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(base * spread)));
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
