package fr.guichet.core.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a sign-in may be checked. An identifier has {@code freeFailures} failures free, then waits {@code firstDelay}
 * after its last failure, doubled at each further failure up to {@code maxDelay}: a growing delay, never a lockout
 * longer than {@code maxDelay}. An address past {@code failuresPerAddress} failures may still sign in to an account
 * that has no failure (so others' failures behind the same address never refuse a correct password of an account not
 * under attack), but not try again on one that has. Counts start afresh once {@code window} has passed since their
 * last failure.
 */
public record SignInLimits(int freeFailures, Duration firstDelay, Duration maxDelay, int failuresPerAddress,
        Duration window) {

    public SignInLimits {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(window, "window");
        if (freeFailures < 1 || failuresPerAddress < 1 || !positive(firstDelay) || maxDelay.compareTo(firstDelay) < 0
                || window.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("sign-in limits: free failures and per-address failures at least 1, "
                    + "0 < first delay <= max delay <= window");
        }
    }

    /** Five failures free, then 2 s doubling up to 5 minutes; 20 failures per address; counts kept 15 minutes. */
    public static SignInLimits defaults() {
        return new SignInLimits(5, Duration.ofSeconds(2), Duration.ofMinutes(5), 20, Duration.ofMinutes(15));
    }

    /** The delay after the last of {@code failures} failures of one identifier: zero while they are free. */
    public Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 40);
        Duration delay = firstDelay;
        for (int i = 0; i < doublings && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * How long an attempt on an identifier with {@code identifier} failures, from an address with {@code address}
     * failures, must still wait at {@code now}; zero when it may be checked now. Counts older than the window are
     * ignored.
     */
    public Duration waitBefore(Optional<FailureCount> identifier, Optional<FailureCount> address, Instant now) {
        Optional<FailureCount> id = identifier.filter(c -> live(c, now));
        Duration wait = Duration.ZERO;
        if (id.isPresent()) {
            wait = until(id.get().lastFailureAt().plus(delayAfter(id.get().failures())), now);
            Optional<FailureCount> from = address.filter(c -> live(c, now) && c.failures() >= failuresPerAddress);
            if (from.isPresent()) {
                Instant free = min(id.get().lastFailureAt(), from.get().lastFailureAt()).plus(window);
                wait = max(wait, until(free, now));
            }
        }
        return wait;
    }

    /** The instant before which a count's failures are forgotten at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    private boolean live(FailureCount count, Instant now) {
        return count.lastFailureAt().isAfter(windowStart(now));
    }

    private static Duration until(Instant then, Instant now) {
        return then.isAfter(now) ? Duration.between(now, then) : Duration.ZERO;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
