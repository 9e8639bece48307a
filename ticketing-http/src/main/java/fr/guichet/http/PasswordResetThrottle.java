package fr.guichet.http;

import fr.guichet.core.domain.session.ThrottleKey;
import fr.guichet.core.port.SignInFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Bounds requests for a new password, counted in {@link SignInFailures} (shared by every node) under keys of their
 * own: at most {@link #PER_IDENTIFIER} per identifier as typed and {@link #PER_ADDRESS} per client address within
 * {@link #WINDOW} of the last one, whether or not the identifier is an account's, so that the refusal tells nothing
 * about accounts. Each request is counted before it is judged, so racing nodes never let more through. Thread-safe.
 */
final class PasswordResetThrottle {

    static final int PER_IDENTIFIER = 5;
    static final int PER_ADDRESS = 20;
    /** The example server purges counts older than the sign-in window, which a shorter setting makes shorter too. */
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final SignInFailures counts;
    private final Clock clock;

    PasswordResetThrottle(SignInFailures counts, Clock clock) {
        this.counts = counts;
        this.clock = clock;
    }

    /** Counts one request; refuses with TOO_MANY_ATTEMPTS when it goes past either bound. */
    void admit(String identifier, String address) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(WINDOW);
        int ofIdentifier = counts.recordFailure(ThrottleKey.resetOfIdentifier(identifier), now, windowStart)
                .failures();
        int fromAddress = counts.recordFailure(ThrottleKey.resetFromAddress(address), now, windowStart).failures();
        if (ofIdentifier > PER_IDENTIFIER || fromAddress > PER_ADDRESS) {
            throw new SignInThrottle.TooManyAttempts(WINDOW.toSeconds(), "password_reset.throttled",
                    "Trop de demandes de nouveau mot de passe");
        }
    }
}
