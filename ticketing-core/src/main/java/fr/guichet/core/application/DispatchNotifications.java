package fr.guichet.core.application;

import fr.guichet.core.domain.notification.Backoff;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.port.NotificationOutbox;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Drains the outbox through the channel: a delivered notification is marked sent; a transient failure is retried with
 * exponential backoff and jitter until the backoff's attempts run out; a permanent failure is marked failed with its
 * reason, and the other notifications still go. Safe to run on several nodes at once: entries whose lease has run
 * out are left for the next claim rather than sent late.
 */
public final class DispatchNotifications {

    private static final System.Logger LOG = System.getLogger(DispatchNotifications.class.getName());

    private final NotificationOutbox outbox;
    private final NotificationChannel channel;
    private final Clock clock;
    private final Backoff backoff;
    private final int batchSize;
    private final Duration lease;
    private final DoubleSupplier random;

    public DispatchNotifications(NotificationOutbox outbox, NotificationChannel channel, Clock clock,
            Backoff backoff, int batchSize, Duration lease) {
        this(outbox, channel, clock, backoff, batchSize, lease, () -> ThreadLocalRandom.current().nextDouble());
    }

    public DispatchNotifications(NotificationOutbox outbox, NotificationChannel channel, Clock clock,
            Backoff backoff, int batchSize, Duration lease, DoubleSupplier random) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize < 1");
        }
        this.outbox = outbox;
        this.channel = channel;
        this.clock = clock;
        this.backoff = backoff;
        this.batchSize = batchSize;
        this.lease = lease;
        this.random = random;
    }

    /** Sends everything due now, batch after batch, and returns the outcome counts. */
    public Report dispatchDue() {
        int sent = 0;
        int retried = 0;
        int failed = 0;
        while (true) {
            Instant claimedAt = clock.instant();
            List<OutboxEntry> batch = outbox.claim(batchSize, claimedAt, lease);
            Instant leaseEnds = claimedAt.plus(lease);
            for (OutboxEntry entry : batch) {
                if (!clock.instant().isBefore(leaseEnds)) {
                    LOG.log(Level.WARNING, "the outbox lease ran out before the batch was sent; the rest of the "
                            + "batch goes back to the queue");
                    return new Report(sent, retried, failed);
                }
                switch (deliver(entry)) {
                    case SENT -> sent++;
                    case RETRY -> retried++;
                    case FAILED -> failed++;
                }
            }
            if (batch.size() < batchSize) {
                return new Report(sent, retried, failed);
            }
        }
    }

    private Outcome deliver(OutboxEntry entry) {
        DeliveryResult result;
        try {
            result = channel.deliver(entry);
        } catch (RuntimeException e) {
            result = DeliveryResult.transientFailure("unexpected channel error: " + e.getClass().getSimpleName());
            LOG.log(Level.WARNING, "notification channel failed on " + entry.id(), e);
        }
        int attempts = entry.attempts() + 1;
        Instant now = clock.instant();
        if (result instanceof DeliveryResult.Delivered) {
            outbox.markSent(entry.id(), now);
            return Outcome.SENT;
        }
        if (result instanceof DeliveryResult.PermanentFailure permanent) {
            outbox.markFailed(entry.id(), attempts, permanent.reason());
            LOG.log(Level.WARNING, "notification {0} ({1}) failed for good: {2}", entry.id(),
                    entry.notification().template(), permanent.reason());
            return Outcome.FAILED;
        }
        String reason = ((DeliveryResult.TransientFailure) result).reason();
        if (backoff.exhausted(attempts)) {
            outbox.markFailed(entry.id(), attempts, "gave up after " + attempts + " attempts: " + reason);
            LOG.log(Level.WARNING, "notification {0} failed after {1} attempts: {2}", entry.id(), attempts, reason);
            return Outcome.FAILED;
        }
        outbox.markRetry(entry.id(), attempts, now.plus(backoff.delayAfter(attempts, random)), reason);
        return Outcome.RETRY;
    }

    private enum Outcome { SENT, RETRY, FAILED }

    /** How many notifications one run sent, put back for a retry, and marked failed. */
    public record Report(int sent, int retried, int failed) {
    }
}
