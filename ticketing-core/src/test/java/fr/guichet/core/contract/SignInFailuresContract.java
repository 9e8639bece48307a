package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.session.FailureCount;
import fr.guichet.core.domain.session.ThrottleKey;
import fr.guichet.core.port.SignInFailures;
import fr.guichet.core.port.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link SignInFailures} promises. */
public abstract class SignInFailuresContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract SignInFailures failures();

    private final Instant now = Instant.parse("2031-03-04T08:00:00Z");
    private final Duration window = Duration.ofMinutes(15);

    private static ThrottleKey newKey() {
        return ThrottleKey.identifier(UUID.randomUUID().toString());
    }

    private FailureCount fail(ThrottleKey key, Instant at) {
        return unitOfWork().inTransaction(() -> failures().recordFailure(key, at, at.minus(window)));
    }

    @Test
    public void failures_of_a_key_add_up_within_the_window() {
        ThrottleKey key = newKey();
        assertEquals(new FailureCount(1, now), fail(key, now));
        assertEquals(new FailureCount(2, now.plusSeconds(60)), fail(key, now.plusSeconds(60)));
        assertEquals(Map.of(key, new FailureCount(2, now.plusSeconds(60))),
                failures().find(Set.of(key, newKey()), now.minus(window)));
    }

    @Test
    public void a_failure_after_the_window_counts_afresh() {
        ThrottleKey key = newKey();
        fail(key, now);
        fail(key, now);
        Instant later = now.plus(window).plusSeconds(1);
        assertEquals(new FailureCount(1, later), fail(key, later));
    }

    @Test
    public void counts_older_than_the_window_are_not_found() {
        ThrottleKey key = newKey();
        fail(key, now);
        assertTrue(failures().find(Set.of(key), now.plusSeconds(1)).isEmpty());
    }

    @Test
    public void a_cleared_key_has_no_failures_and_others_keep_theirs() {
        ThrottleKey cleared = newKey();
        ThrottleKey kept = newKey();
        fail(cleared, now);
        fail(kept, now);
        unitOfWork().run(() -> failures().clear(cleared));
        assertEquals(Set.of(kept), failures().find(Set.of(cleared, kept), now.minus(window)).keySet());
    }

    @Test
    public void purging_removes_old_counts_only() {
        ThrottleKey old = newKey();
        ThrottleKey recent = newKey();
        fail(old, now.minus(Duration.ofHours(2)));
        fail(recent, now);
        int purged = unitOfWork().inTransaction(() -> failures().purgeBefore(now.minus(Duration.ofHours(1))));
        assertTrue(purged >= 1);
        assertTrue(failures().find(Set.of(old), Instant.EPOCH).isEmpty());
        assertEquals(Set.of(recent), failures().find(Set.of(recent), Instant.EPOCH).keySet());
    }

    @Test
    public void concurrent_failures_on_one_key_are_all_counted() throws Exception {
        ThrottleKey key = newKey();
        int threads = 4;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    for (int i = 0; i < each; i++) {
                        fail(key, now);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * each, failures().find(Set.of(key), now.minus(window)).get(key).failures());
    }
}
