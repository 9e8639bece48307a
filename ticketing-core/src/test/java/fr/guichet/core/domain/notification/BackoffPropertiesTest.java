package fr.guichet.core.domain.notification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffPropertiesTest {

    private static final Backoff STANDARD = Backoff.standard();

    @Test
    void every_wait_is_within_the_jitter_of_the_doubled_initial_wait_capped_at_the_maximum() {
        qt().forAll(integers().between(1, 1_000), doubles().between(0, 0.999_999)).checkAssert((attempts, r) -> {
            Duration wait = STANDARD.delayAfter(attempts, () -> r);
            double base = Math.min(30_000 * Math.pow(2, Math.min(attempts - 1, 30)), 3_600_000);
            assertTrue(wait.toMillis() >= Math.floor(base * 0.8), wait::toString);
            assertTrue(wait.toMillis() <= Math.ceil(base * 1.2), wait::toString);
        });
    }

    @Test
    void without_jitter_the_wait_never_shrinks_from_one_attempt_to_the_next() {
        qt().forAll(integers().between(1, 1_000)).checkAssert(attempts -> {
            Backoff exact = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 0, 12);
            Duration now = exact.delayAfter(attempts, () -> 0.5);
            Duration next = exact.delayAfter(attempts + 1, () -> 0.5);
            assertFalse(next.compareTo(now) < 0, now + " then " + next);
        });
    }

    @Test
    void attempts_run_out_exactly_at_the_maximum() {
        qt().forAll(integers().between(1, 50), integers().between(0, 60)).checkAssert((max, attempts) -> {
            Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.1, max);
            assertTrue(b.exhausted(attempts) == (attempts >= max));
        });
    }
}
