package fr.guichet.core.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInLimitsPropertiesTest {

    private static final SignInLimits LIMITS = SignInLimits.defaults();
    private static final Instant NOW = Instant.parse("2031-09-02T08:00:00Z");

    @Test
    void the_delay_is_free_then_grows_without_shrinking_and_never_passes_the_maximum() {
        qt().forAll(integers().between(0, 10_000)).checkAssert(failures -> {
            Duration delay = LIMITS.delayAfter(failures);
            Duration next = LIMITS.delayAfter(failures + 1);
            assertEquals(failures < LIMITS.freeFailures(), delay.isZero(), delay::toString);
            assertFalse(next.compareTo(delay) < 0, delay + " then " + next);
            assertTrue(delay.compareTo(LIMITS.maxDelay()) <= 0, delay::toString);
        });
    }

    @Test
    void an_account_without_failures_never_waits_whatever_its_address_did() {
        qt().forAll(integers().between(1, 100_000), integers().between(0, 3_600)).checkAssert((failures, ago) -> {
            FailureCount address = new FailureCount(failures, NOW.minusSeconds(ago));
            assertEquals(Duration.ZERO, LIMITS.waitBefore(Optional.empty(), Optional.of(address), NOW));
        });
    }

    @Test
    void a_wait_never_outlasts_the_window_and_ends_once_the_failures_are_forgotten() {
        qt().forAll(integers().between(1, 1_000), integers().between(1, 1_000), integers().between(0, 1_800),
                integers().between(0, 1_800)).checkAssert((idFailures, ipFailures, idAgo, ipAgo) -> {
                    Optional<FailureCount> id = Optional.of(new FailureCount(idFailures, NOW.minusSeconds(idAgo)));
                    Optional<FailureCount> ip = Optional.of(new FailureCount(ipFailures, NOW.minusSeconds(ipAgo)));
                    Duration wait = LIMITS.waitBefore(id, ip, NOW);
                    assertTrue(wait.compareTo(LIMITS.window()) <= 0, wait::toString);
                    assertEquals(Duration.ZERO, LIMITS.waitBefore(id, ip, NOW.plus(LIMITS.window())));
                });
    }

    @Test
    void an_identifier_under_its_free_failures_waits_only_for_a_busy_address() {
        qt().forAll(integers().between(1, 4), integers().between(0, 40)).checkAssert((idFailures, ipFailures) -> {
            Optional<FailureCount> id = Optional.of(new FailureCount(idFailures, NOW.minusSeconds(1)));
            Optional<FailureCount> ip = Optional.of(new FailureCount(ipFailures == 0 ? 1 : ipFailures,
                    NOW.minusSeconds(1)));
            boolean busy = ipFailures >= LIMITS.failuresPerAddress();
            assertEquals(busy, !LIMITS.waitBefore(id, ip, NOW).isZero());
        });
    }
}
