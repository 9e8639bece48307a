package fr.guichet.core.port;

import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.request.RequestNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The queue of notifications to send. {@link #enqueue} joins the caller's {@link UnitOfWork}, so a notification exists
 * only if the change that caused it was committed; the other methods run in their own transactions and are safe for
 * several dispatchers on several nodes.
 */
public interface NotificationOutbox {

    /** Queues notifications, due at {@code now}; returns their entries. */
    List<OutboxEntry> enqueue(List<Notification> notifications, Instant now);

    /**
     * Holds notifications for their recipients' digests, created at {@code now}: kept {@code HELD}, never claimed,
     * until {@link #gather} replaces them by a digest; returns their entries. Joins the caller's unit of work.
     */
    List<OutboxEntry> hold(List<Notification> notifications, Instant now);

    /**
     * Up to {@code max} entries held for {@code recipient} that were created before {@code before}, oldest first;
     * joins the caller's unit of work.
     */
    List<OutboxEntry> held(EmailAddress recipient, Instant before, int max);

    /**
     * Queues {@code digest} under the id {@code id}, due at {@code now}, and removes the held entries {@code gathered}
     * it replaces; joins the caller's unit of work. Answers false when an entry with this id exists, committed by
     * another node meanwhile included, or when one of {@code gathered} is no longer held: the caller must then roll its
     * unit of work back (a store may have aborted it already).
     */
    boolean gather(UUID id, Notification digest, Collection<UUID> gathered, Instant now);

    /**
     * Readdresses to {@code to} the entries held for {@code from}, so that the digest of a person whose address changed
     * gathers them; answers how many. Joins the caller's unit of work.
     */
    int moveHeld(EmailAddress from, EmailAddress to);

    /** Removes the entries held for {@code recipient}, never to be sent; answers how many. Joins the caller's unit of work. */
    int dropHeld(EmailAddress recipient);

    /**
     * Claims up to {@code max} pending entries due at {@code now} for {@code lease}: those whose template is not
     * {@link TemplateKey#bulk() bulk} first, then, unless {@code scope} is {@link ClaimScope#NOT_BULK}, bulk ones, each
     * oldest first. Until the lease ends ({@code now + lease}, the claim's end that {@link #renew} is given) no other
     * claim returns them. Each entry is returned to at most one claimer per lease.
     */
    List<OutboxEntry> claim(int max, Instant now, Duration lease, ClaimScope scope);

    /** {@link #claim(int, Instant, Duration, ClaimScope)} of every kind of mail. */
    default List<OutboxEntry> claim(int max, Instant now, Duration lease) {
        return claim(max, now, lease, ClaimScope.ALL);
    }

    /** Which pending entries a claim takes: all of them, or only those whose template is not bulk. */
    enum ClaimScope { ALL, NOT_BULK }

    /**
     * Extends to {@code until} the claim on those of {@code ids} the caller still holds: pending, and claimed or last
     * renewed until {@code heldUntil}. Returns the ids renewed; an entry sent, failed, or claimed by another dispatcher
     * once its lease ran out is not renewed, and the caller no longer holds it.
     */
    Set<UUID> renew(Collection<UUID> ids, Instant heldUntil, Instant until);

    /** Records the delivery of each of {@code ids}, in one transaction; a sent entry is never claimed again. */
    void markSent(Collection<UUID> ids, Instant now);

    /** {@link #markSent(Collection, Instant)} of one entry. */
    default void markSent(UUID id, Instant now) {
        markSent(List.of(id), now);
    }

    /** Records a failed attempt and when to try again; an entry already sent or failed is left as it is. */
    void markRetry(UUID id, int attempts, Instant nextAttemptAt, String error);

    /**
     * Records a failure for good; the entry stays, visible, and is never claimed again. An entry already sent is left
     * as it is.
     */
    void markFailed(UUID id, int attempts, String error);

    /** The entry with this id, in whatever state, or empty. */
    Optional<OutboxEntry> find(UUID id);

    /** How many entries, in whatever state, are about these requests; joins the caller's unit of work. */
    int countAbout(Collection<RequestNumber> requests);

    /**
     * Removes every entry, in whatever state, about these requests; answers how many. Joins the caller's unit of work;
     * a dispatcher holding one of them then records its delivery or failure on nothing.
     */
    int purgeAbout(Collection<RequestNumber> requests);

    /** Removes every entry, in whatever state, addressed to {@code recipient}; joins the caller's unit of work. */
    int purgeTo(EmailAddress recipient);

    /** Entries that failed for good, most recent first. */
    List<OutboxEntry> failed(int max);

    /**
     * Has {@code listener} called after each commit of a unit of work that enqueued notifications through this outbox
     * on this node and, on a store that can tell (PostgreSQL), on any node sharing it: a dispatcher woken so sends at
     * once instead of at its next poll. A rolled back enqueue calls nothing. The listener must return at once: it runs
     * on the committing thread, or on the store's listening thread.
     */
    Subscription whenEnqueued(Runnable listener);

    /** What {@link #whenEnqueued} returns: closing it stops the calls. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
