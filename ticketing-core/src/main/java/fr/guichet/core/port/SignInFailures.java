package fr.guichet.core.port;

import fr.guichet.core.domain.session.FailureCount;
import fr.guichet.core.domain.session.ThrottleKey;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Failed sign-ins counted per hashed key, shared by every node so that each sees the others' failures; thread-safe. */
public interface SignInFailures {

    /**
     * Adds one failure to {@code key} at {@code now}, counting afresh from one when its last failure is before
     * {@code windowStart}; atomic against other nodes adding to the same key; returns the count it left.
     */
    FailureCount recordFailure(ThrottleKey key, Instant now, Instant windowStart);

    /** The counts of those {@code keys} whose last failure is at or after {@code windowStart}; others are absent. */
    Map<ThrottleKey, FailureCount> find(Set<ThrottleKey> keys, Instant windowStart);

    /** Forgets the failures of {@code key}; nothing happens when it has none. */
    void clear(ThrottleKey key);

    /** Removes every count whose last failure is before {@code before}; returns how many. */
    int purgeBefore(Instant before);
}
