package fr.guichet.core.application;

import fr.guichet.core.domain.notification.Backoff;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.NotificationOutbox.ClaimScope;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Drains the outbox through the channel: a delivered notification is marked sent; a transient failure is retried with
 * exponential backoff and jitter until the backoff's attempts run out; a permanent failure is marked failed with its
 * reason, and the other notifications still go. Safe to run on several nodes at once: a batch is claimed for the
 * lease, and before each send, once more than half of the lease has passed, the claim on the entries not yet sent is
 * renewed; entries whose claim was lost (another dispatcher took them once the lease ran out) are left to it.
 * The notifications of a batch that were delivered are marked sent together, once the batch is done (or given up),
 * in one transaction rather than one per notification. Delivery is at least once: the notifications of the batch the
 * channel handed over before its node stopped, not yet marked sent, are sent again when the lease ends, under the
 * same entry ids, from which a channel derives stable Message-IDs so that the duplicates are recognisable.
 */
public final class DispatchNotifications {

    private static final System.Logger LOG = System.getLogger(DispatchNotifications.class.getName());

    private final NotificationOutbox outbox;
    private final NotificationChannel channel;
    private final Clock clock;
    private final Backoff backoff;
    private final int batchSize;
    private final Duration lease;
    /** Half the lease, computed once: {@link Duration#dividedBy(long)} goes through BigDecimal, and ran for each mail. */
    private final Duration halfLease;
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
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease <= 0");
        }
        this.outbox = outbox;
        this.channel = channel;
        this.clock = clock;
        this.backoff = backoff;
        this.batchSize = batchSize;
        this.lease = lease;
        this.halfLease = lease.dividedBy(2);
        this.random = random;
    }

    /** Sends everything due now, batch after batch, and returns the outcome counts. */
    public Report dispatchDue() {
        return dispatchDue(ClaimScope.ALL);
    }

    /**
     * Sends everything due now that {@code scope} takes, batch after batch, and returns the outcome counts: with
     * {@link ClaimScope#NOT_BULK}, only the mail someone waits for, leaving bulk mail to other runs.
     */
    public Report dispatchDue(ClaimScope scope) {
        int[] outcomes = new int[Outcome.values().length];
        while (true) {
            Instant claimedAt = clock.instant();
            List<OutboxEntry> batch = outbox.claim(batchSize, claimedAt, lease, scope);
            List<UUID> sent = new ArrayList<>();
            boolean held;
            try {
                held = send(batch, claimedAt, sent, outcomes);
            } catch (RuntimeException | Error e) {
                try {
                    outbox.markSent(sent, clock.instant());
                } catch (RuntimeException marking) {
                    e.addSuppressed(marking);
                }
                throw e;
            }
            outbox.markSent(sent, clock.instant());
            if (!held || batch.size() < batchSize) {
                return report(outcomes);
            }
        }
    }

    /**
     * Delivers the entries of {@code batch} still held, adding the delivered ones to {@code sent}; before renewing the
     * claim on the rest it marks those sent. Answers false when the lease ran out before the end.
     */
    private boolean send(List<OutboxEntry> batch, Instant claimedAt, List<UUID> sent, int[] outcomes) {
        Instant heldUntil = claimedAt.plus(lease);
        Set<UUID> held = new HashSet<>();
        batch.forEach(e -> held.add(e.id()));
        for (int i = 0; i < batch.size(); i++) {
            Instant now = clock.instant();
            if (!now.isBefore(heldUntil)) {
                LOG.log(Level.WARNING, "the outbox lease ran out before the batch was sent; the rest of the "
                        + "batch goes back to the queue");
                return false;
            }
            if (now.isAfter(heldUntil.minus(halfLease))) {
                outbox.markSent(sent, now);
                sent.clear();
                List<UUID> rest = batch.subList(i, batch.size()).stream().map(OutboxEntry::id).toList();
                Instant until = now.plus(lease);
                held.retainAll(outbox.renew(rest, heldUntil, until));
                heldUntil = until;
                if (held.size() < rest.size()) {
                    LOG.log(Level.WARNING, "{0} outbox entries were claimed by another dispatcher once their "
                            + "lease ran out; they are left to it", rest.size() - held.size());
                }
            }
            OutboxEntry entry = batch.get(i);
            if (held.contains(entry.id())) {
                Outcome outcome = deliver(entry);
                outcomes[outcome.ordinal()]++;
                if (outcome == Outcome.SENT) {
                    sent.add(entry.id());
                }
            }
        }
        return true;
    }

    /** Has {@code listener} called when notifications are queued and committed: see {@link NotificationOutbox}. */
    public NotificationOutbox.Subscription whenEnqueued(Runnable listener) {
        return outbox.whenEnqueued(listener);
    }

    private static Report report(int[] outcomes) {
        return new Report(outcomes[Outcome.SENT.ordinal()], outcomes[Outcome.RETRY.ordinal()],
                outcomes[Outcome.FAILED.ordinal()]);
    }

    private Outcome deliver(OutboxEntry entry) {
        DeliveryResult result;
        try {
            result = channel.deliver(entry);
        } catch (RuntimeException e) {
            result = DeliveryResult.transientFailure("unexpected channel error: " + e.getClass().getSimpleName());
            LOG.log(Level.WARNING, "notification channel failed on " + entry.id(), e);
        }
        if (result instanceof DeliveryResult.Delivered) {
            return Outcome.SENT;
        }
        int attempts = entry.attempts() + 1;
        if (result instanceof DeliveryResult.PermanentFailure permanent) {
            outbox.markFailed(entry.id(), attempts, permanent.reason());
            LOG.log(Level.WARNING, "notification {0} ({1}) failed for good: {2}", entry.id(),
                    entry.notification().template(), permanent.reason());
            return Outcome.FAILED;
        }
        String reason = ((DeliveryResult.TransientFailure) result).reason();
        Instant now = clock.instant();
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
