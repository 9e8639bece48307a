package fr.guichet.core.testing;

import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry.DeliveryState;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.NotificationOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** The notification outbox in memory. */
public final class InMemoryNotificationOutbox implements NotificationOutbox {

    private final InMemoryDatabase db;

    public InMemoryNotificationOutbox(InMemoryDatabase db) {
        this.db = db;
    }

    @Override
    public List<OutboxEntry> enqueue(List<Notification> notifications, Instant now) {
        return db.inTransaction(() -> {
            List<OutboxEntry> entries = db.read(s -> notifications.stream().map(n -> {
                OutboxEntry e = OutboxEntry.queued(n, now);
                s.outbox.put(e.id(), e);
                return e;
            }).toList());
            if (!entries.isEmpty()) {
                db.afterCommit(() -> db.outboxListeners.forEach(Runnable::run));
            }
            return entries;
        });
    }

    @Override
    public List<OutboxEntry> hold(List<Notification> notifications, Instant now) {
        return db.read(s -> notifications.stream().map(n -> {
            OutboxEntry e = OutboxEntry.held(n, now);
            s.outbox.put(e.id(), e);
            return e;
        }).toList());
    }

    @Override
    public List<OutboxEntry> held(EmailAddress recipient, Instant before, int max) {
        return db.read(s -> s.outbox.values().stream()
                .filter(e -> heldFor(e, recipient) && e.createdAt().isBefore(before))
                .sorted(Comparator.comparing(OutboxEntry::createdAt)).limit(max).toList());
    }

    @Override
    public boolean gather(UUID id, Notification digest, Collection<UUID> gathered, Instant now) {
        return db.read(s -> {
            if (s.outbox.containsKey(id) || !gathered.stream().allMatch(g -> s.outbox.containsKey(g)
                    && s.outbox.get(g).state() == DeliveryState.HELD)) {
                return false;
            }
            gathered.forEach(s.outbox::remove);
            s.outbox.put(id, new OutboxEntry(id, digest, DeliveryState.PENDING, 0, now, now, null));
            db.afterCommit(() -> db.outboxListeners.forEach(Runnable::run));
            return true;
        });
    }

    @Override
    public int moveHeld(EmailAddress from, EmailAddress to) {
        return db.read(s -> {
            List<OutboxEntry> moved = s.outbox.values().stream().filter(e -> heldFor(e, from)).toList();
            for (OutboxEntry e : moved) {
                Notification n = e.notification();
                s.outbox.put(e.id(), new OutboxEntry(e.id(), new Notification(n.template(), to, n.recipientName(),
                        n.request(), n.data()), e.state(), e.attempts(), e.createdAt(), e.nextAttemptAt(),
                        e.lastError()));
            }
            return moved.size();
        });
    }

    @Override
    public int dropHeld(EmailAddress recipient) {
        return purge(e -> heldFor(e, recipient));
    }

    private static boolean heldFor(OutboxEntry e, EmailAddress recipient) {
        return e.state() == DeliveryState.HELD && e.notification().recipient().equals(recipient);
    }

    @Override
    public Subscription whenEnqueued(Runnable listener) {
        db.outboxListeners.add(listener);
        return () -> db.outboxListeners.remove(listener);
    }

    @Override
    public List<OutboxEntry> claim(int max, Instant now, Duration lease, ClaimScope scope) {
        return db.read(s -> {
            List<OutboxEntry> due = s.outbox.values().stream()
                    .filter(e -> e.state() == DeliveryState.PENDING && !e.nextAttemptAt().isAfter(now))
                    .filter(e -> scope == ClaimScope.ALL || !e.notification().template().bulk())
                    .sorted(Comparator.comparing((OutboxEntry e) -> e.notification().template().bulk())
                            .thenComparing(OutboxEntry::nextAttemptAt).thenComparing(OutboxEntry::createdAt))
                    .limit(max).toList();
            for (OutboxEntry e : due) {
                s.outbox.put(e.id(), with(e, e.state(), e.attempts(), now.plus(lease), e.lastError()));
            }
            return due;
        });
    }

    @Override
    public Set<UUID> renew(Collection<UUID> ids, Instant heldUntil, Instant until) {
        return db.read(s -> {
            Set<UUID> renewed = new HashSet<>();
            for (UUID id : ids) {
                OutboxEntry e = s.outbox.get(id);
                if (e != null && e.state() == DeliveryState.PENDING && e.nextAttemptAt().equals(heldUntil)) {
                    s.outbox.put(id, with(e, e.state(), e.attempts(), until, e.lastError()));
                    renewed.add(id);
                }
            }
            return renewed;
        });
    }

    @Override
    public void markSent(Collection<UUID> ids, Instant now) {
        db.write(s -> ids.forEach(id -> s.outbox.computeIfPresent(id, (k, e) -> done(with(e, DeliveryState.SENT,
                e.attempts() + 1, e.nextAttemptAt(), null)))));
    }

    @Override
    public void markRetry(UUID id, int attempts, Instant nextAttemptAt, String error) {
        db.write(s -> s.outbox.computeIfPresent(id, (k, e) -> e.state() != DeliveryState.PENDING ? e
                : with(e, DeliveryState.PENDING, attempts, nextAttemptAt, error)));
    }

    @Override
    public void markFailed(UUID id, int attempts, String error) {
        db.write(s -> s.outbox.computeIfPresent(id, (k, e) -> e.state() != DeliveryState.PENDING ? e
                : done(with(e, DeliveryState.FAILED, attempts, e.nextAttemptAt(), error))));
    }

    @Override
    public Optional<OutboxEntry> find(UUID id) {
        return db.read(s -> Optional.ofNullable(s.outbox.get(id)));
    }

    @Override
    public List<OutboxEntry> failed(int max) {
        return db.read(s -> s.outbox.values().stream().filter(e -> e.state() == DeliveryState.FAILED)
                .sorted(Comparator.comparing(OutboxEntry::createdAt).reversed()).limit(max).toList());
    }

    @Override
    public int countAbout(Collection<RequestNumber> requests) {
        return db.read(s -> (int) s.outbox.values().stream()
                .filter(e -> about(e, requests)).count());
    }

    @Override
    public int purgeAbout(Collection<RequestNumber> requests) {
        return purge(e -> about(e, requests));
    }

    private static boolean about(OutboxEntry e, Collection<RequestNumber> requests) {
        return e.notification().request() != null && requests.contains(e.notification().request());
    }

    @Override
    public int purgeTo(EmailAddress recipient) {
        return purge(e -> e.notification().recipient().equals(recipient));
    }

    private int purge(Predicate<OutboxEntry> which) {
        return db.read(s -> {
            int before = s.outbox.size();
            s.outbox.values().removeIf(which);
            return before - s.outbox.size();
        });
    }

    /** Every entry, in the order queued. */
    public List<OutboxEntry> all() {
        return db.read(s -> List.copyOf(s.outbox.values()));
    }

    private static OutboxEntry done(OutboxEntry e) {
        return new OutboxEntry(e.id(), e.notification().withoutSecrets(), e.state(), e.attempts(), e.createdAt(),
                e.nextAttemptAt(), e.lastError());
    }

    private static OutboxEntry with(OutboxEntry e, DeliveryState state, int attempts, Instant next, String error) {
        return new OutboxEntry(e.id(), e.notification(), state, attempts, e.createdAt(), next, error);
    }
}
