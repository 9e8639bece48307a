package fr.guichet.core.testing;

import fr.guichet.core.domain.session.FailureCount;
import fr.guichet.core.domain.session.ThrottleKey;
import fr.guichet.core.port.SignInFailures;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Failed sign-in counts in memory, by hashed key. */
public final class InMemorySignInFailures implements SignInFailures {

    private final InMemoryDatabase db;

    public InMemorySignInFailures(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public FailureCount recordFailure(ThrottleKey key, Instant now, Instant windowStart) {
        return db.read(s -> {
            FailureCount before = s.signInFailures.get(key);
            int failures = before == null || before.lastFailureAt().isBefore(windowStart) ? 1 : before.failures() + 1;
            FailureCount after = new FailureCount(failures, now);
            s.signInFailures.put(key, after);
            return after;
        });
    }

    @Override
    public Map<ThrottleKey, FailureCount> find(Set<ThrottleKey> keys, Instant windowStart) {
        return db.read(s -> {
            Map<ThrottleKey, FailureCount> found = new LinkedHashMap<>();
            for (ThrottleKey key : keys) {
                FailureCount count = s.signInFailures.get(key);
                if (count != null && !count.lastFailureAt().isBefore(windowStart)) {
                    found.put(key, count);
                }
            }
            return found;
        });
    }

    @Override
    public void clear(ThrottleKey key) {
        db.write(s -> s.signInFailures.remove(key));
    }

    @Override
    public int purgeBefore(Instant before) {
        return db.read(s -> {
            int size = s.signInFailures.size();
            s.signInFailures.values().removeIf(c -> c.lastFailureAt().isBefore(before));
            return size - s.signInFailures.size();
        });
    }
}
