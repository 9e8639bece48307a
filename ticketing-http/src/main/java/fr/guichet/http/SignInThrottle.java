package fr.guichet.http;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import fr.guichet.core.domain.session.FailureCount;
import fr.guichet.core.domain.session.SignInLimits;
import fr.guichet.core.domain.session.ThrottleKey;
import fr.guichet.core.port.SignInFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@link SignInLimits} to sign-ins: failures are counted per hashed identifier and per client address in
 * {@link SignInFailures}, which every node shares, so N nodes allow no more guesses than one. Thread-safe.
 */
final class SignInThrottle {

    private final SignInFailures failures;
    private final SignInLimits limits;
    private final Clock clock;

    SignInThrottle(SignInFailures failures, SignInLimits limits, Clock clock) {
        this.failures = failures;
        this.limits = limits;
        this.clock = clock;
    }

    /** Refuses with TOO_MANY_ATTEMPTS (and the seconds to wait) while the limits hold this attempt back. */
    Attempt check(String identifier, String address) {
        Instant now = clock.instant();
        ThrottleKey id = ThrottleKey.identifier(identifier);
        ThrottleKey from = ThrottleKey.address(address);
        Map<ThrottleKey, FailureCount> counts = failures.find(Set.of(id, from), limits.windowStart(now));
        Optional<FailureCount> ofIdentifier = Optional.ofNullable(counts.get(id));
        Duration wait = limits.waitBefore(ofIdentifier, Optional.ofNullable(counts.get(from)), now);
        if (!wait.isZero()) {
            throw new TooManyAttempts((wait.toMillis() + 999) / 1000);
        }
        return new Attempt(id, from, ofIdentifier.isPresent());
    }

    void failed(Attempt attempt) {
        Instant now = clock.instant();
        failures.recordFailure(attempt.identifier(), now, limits.windowStart(now));
        failures.recordFailure(attempt.address(), now, limits.windowStart(now));
    }

    /** Forgets the failures of {@code identifier}, whose owner has just chosen a new password. */
    void forgive(String identifier) {
        failures.clear(ThrottleKey.identifier(identifier));
    }

    /** Forgets the identifier's failures once its owner signed in. */
    void succeeded(Attempt attempt) {
        if (attempt.identifierHadFailures()) {
            failures.clear(attempt.identifier());
        }
    }

    /** One checked attempt: its keys, and whether its identifier had failures to forget on success. */
    record Attempt(ThrottleKey identifier, ThrottleKey address, boolean identifierHadFailures) {
    }

    /** A TOO_MANY_ATTEMPTS refusal that also tells how long to wait (for {@code Retry-After}). */
    static final class TooManyAttempts extends RuntimeException {

        private final long retryAfterSeconds;
        private final transient TicketingException refusal;

        TooManyAttempts(long retryAfterSeconds) {
            this(retryAfterSeconds, "signin.throttled", "Trop de tentatives de connexion");
        }

        /** A refusal with its own {@code code}, whose message starts with {@code what} and says how long to wait. */
        TooManyAttempts(long retryAfterSeconds, String code, String what) {
            super("too many attempts: " + code, null, false, false);
            this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
            this.refusal = DomainError.of(ErrorKind.TOO_MANY_ATTEMPTS, code,
                    what + ". Réessayez dans " + inFrench(this.retryAfterSeconds) + ".").exception();
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        TicketingException refusal() {
            return refusal;
        }

        private static String inFrench(long seconds) {
            if (seconds < 60) {
                return seconds == 1 ? "une seconde" : seconds + " secondes";
            }
            long m = (seconds + 59) / 60;
            return m <= 1 ? "une minute" : m + " minutes";
        }
    }
}
