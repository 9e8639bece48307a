package fr.guichet.http;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.TicketingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per identifier and per client address over a sliding window, in this node's memory (several
 * nodes each count their own); past the limit, sign-in is refused with the seconds to wait. Thread-safe.
 */
final class SignInThrottle {

    private static final int PURGE_ABOVE = 10_000;

    private final Clock clock;
    private final Duration window;
    private final int perIdentifier;
    private final int perAddress;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(Clock clock, HttpConfig config) {
        this.clock = clock;
        this.window = config.throttleWindow();
        this.perIdentifier = config.maxFailuresPerIdentifier();
        this.perAddress = config.maxFailuresPerAddress();
    }

    /** Refuses with TOO_MANY_ATTEMPTS (and the seconds to wait) while either key is over its limit. */
    void check(String identifier, String address) {
        Instant now = clock.instant();
        long wait = Math.max(waitSeconds(identifierKey(identifier), perIdentifier, now),
                waitSeconds(addressKey(address), perAddress, now));
        if (wait > 0) {
            throw new TooManyAttempts(wait);
        }
    }

    void failed(String identifier, String address) {
        Instant now = clock.instant();
        record(identifierKey(identifier), now);
        record(addressKey(address), now);
        if (failures.size() > PURGE_ABOVE) {
            purge(now);
        }
    }

    void succeeded(String identifier) {
        failures.remove(identifierKey(identifier));
    }

    private long waitSeconds(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            drop(times, now);
            if (times.size() < limit) {
                return 0;
            }
            Instant freeAt = times.peekFirst().plus(window);
            return Math.max(1, Duration.between(now, freeAt).toSeconds() + 1);
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            drop(times, now);
            times.addLast(now);
            if (times.size() > Math.max(perIdentifier, perAddress)) {
                times.removeFirst();
            }
        }
    }

    private void purge(Instant now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                drop(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    private void drop(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }

    private static String identifierKey(String identifier) {
        return "id:" + (identifier == null ? "" : identifier.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }

    /** A TOO_MANY_ATTEMPTS refusal that also tells how long to wait (for {@code Retry-After}). */
    static final class TooManyAttempts extends RuntimeException {

        private final long retryAfterSeconds;
        private final transient TicketingException refusal;

        TooManyAttempts(long retryAfterSeconds) {
            super("too many sign-in attempts", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
            this.refusal = DomainError.of(ErrorKind.TOO_MANY_ATTEMPTS, "signin.throttled",
                    "Trop de tentatives de connexion. Réessayez dans " + minutes(retryAfterSeconds) + ".")
                    .exception();
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        TicketingException refusal() {
            return refusal;
        }

        private static String minutes(long seconds) {
            long m = (seconds + 59) / 60;
            return m <= 1 ? "une minute" : m + " minutes";
        }
    }
}
