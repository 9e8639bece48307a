package fr.guichet.mail;

import fr.guichet.core.domain.notification.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * How the background dispatcher drains the outbox: the retry backoff, how many notifications one claim takes, how long
 * a claim is held, the pause between runs, and how many senders of a node claim and send at once (each over its own
 * SMTP connection, at most {@link #MAX_SENDERS}). Immutable. The dispatcher renews its claim while it sends a batch, so
 * the lease bounds how long the mails a stopped node had claimed wait for another node; it must outlast twice the
 * longest single send, which the SMTP timeouts bound. With two senders or more, the first sends only mail that is not
 * bulk. Delivery is at least once: the mails of a batch the SMTP server accepted before its node stopped, not yet
 * marked sent, are sent again when the lease ends, with the same Message-IDs.
 */
public record DispatchConfig(Backoff backoff, int batchSize, Duration lease, Duration interval, int senders) {

    /** The most senders a node runs. */
    public static final int MAX_SENDERS = 64;

    public DispatchConfig {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(interval, "interval");
        if (batchSize < 1 || lease.isNegative() || lease.isZero() || interval.isNegative() || interval.isZero()
                || senders < 1 || senders > MAX_SENDERS) {
            throw new IllegalArgumentException("invalid dispatch settings " + batchSize + " " + lease + " "
                    + interval + " " + senders);
        }
    }

    /** {@link Backoff#standard()}, 20 a claim, 60-second leases, a run every 10 seconds, 4 senders. */
    public static DispatchConfig defaults() {
        return new DispatchConfig(Backoff.standard(), 20, Duration.ofSeconds(60), Duration.ofSeconds(10), 4);
    }

    public DispatchConfig withLease(Duration value) {
        return new DispatchConfig(backoff, batchSize, value, interval, senders);
    }

    public DispatchConfig withSenders(int value) {
        return new DispatchConfig(backoff, batchSize, lease, interval, value);
    }
}
