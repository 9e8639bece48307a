package fr.guichet.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.OutboxEntry.DeliveryState;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.session.ResetToken;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NotificationOutbox} promises. Each test first leases away whatever earlier tests left due, so it
 * sees only its own entries.
 */
public abstract class NotificationOutboxContract {

    protected abstract UnitOfWork unitOfWork();

    protected abstract NotificationOutbox outbox();

    private static final Duration FOREVER = Duration.ofDays(365L * 100);
    private final Instant t0 = Instant.parse("2032-01-01T00:00:00Z");
    private final Duration lease = Duration.ofMinutes(5);

    @BeforeEach
    void leaseAwayLeftovers() {
        while (!outbox().claim(500, t0.plus(Duration.ofDays(1)), FOREVER).isEmpty()) {
            continue;
        }
    }

    private List<OutboxEntry> enqueue(int count, Instant at) {
        List<Notification> notifications = IntStream.range(0, count)
                .mapToObj(i -> UnitOfWorkContract.notification(Fixtures.newRequester())).toList();
        return unitOfWork().inTransaction(() -> outbox().enqueue(notifications, at));
    }

    private static Set<UUID> ids(List<OutboxEntry> entries) {
        Set<UUID> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.id()));
        return ids;
    }

    @Test
    public void a_queued_notification_reads_back_pending_with_its_data() {
        Person to = Fixtures.newRequester();
        Notification n = UnitOfWorkContract.notification(to);
        OutboxEntry e = unitOfWork().inTransaction(() -> outbox().enqueue(List.of(n), t0)).get(0);
        OutboxEntry read = outbox().find(e.id()).orElseThrow();
        assertEquals(n, read.notification());
        assertEquals(DeliveryState.PENDING, read.state());
        assertEquals(0, read.attempts());
    }

    @Test
    public void a_notification_about_no_request_reads_back_as_it_was_queued() {
        Notification n = Notification.passwordReset(Fixtures.newRequester(), ResetToken.random());
        OutboxEntry e = unitOfWork().inTransaction(() -> outbox().enqueue(List.of(n), t0)).get(0);
        assertEquals(n, outbox().find(e.id()).orElseThrow().notification());
    }

    @Test
    public void a_password_reset_forgets_its_link_once_sent_or_failed_and_other_mails_keep_their_data() {
        List<Notification> mails = List.of(Notification.passwordReset(Fixtures.newRequester(), ResetToken.random()),
                Notification.passwordReset(Fixtures.newRequester(), ResetToken.random()),
                UnitOfWorkContract.notification(Fixtures.newRequester()));
        List<OutboxEntry> queued = unitOfWork().inTransaction(() -> outbox().enqueue(mails, t0));
        outbox().markSent(queued.get(0).id(), t0);
        outbox().markFailed(queued.get(1).id(), 5, "550 boîte inconnue");
        outbox().markSent(queued.get(2).id(), t0);

        for (int i = 0; i < 2; i++) {
            Notification done = outbox().find(queued.get(i).id()).orElseThrow().notification();
            assertEquals(mails.get(i).withoutSecrets(), done);
            assertTrue(done.data().isEmpty(), done.toString());
        }
        assertEquals(mails.get(2), outbox().find(queued.get(2).id()).orElseThrow().notification());
    }

    @Test
    public void a_listener_hears_of_a_committed_enqueue_once_committed_and_not_of_a_rolled_back_one() {
        Thread committing = Thread.currentThread();
        AtomicBoolean insideTransaction = new AtomicBoolean();
        List<Boolean> heardOnThisThread = new CopyOnWriteArrayList<>();
        int heardWhileSubscribed;
        try (NotificationOutbox.Subscription subscription = outbox().whenEnqueued(() -> {
            if (Thread.currentThread() == committing) {
                heardOnThisThread.add(insideTransaction.get());
            }
        })) {
            try {
                unitOfWork().run(() -> {
                    insideTransaction.set(true);
                    outbox().enqueue(List.of(UnitOfWorkContract.notification(Fixtures.newRequester())), t0);
                    throw new IllegalStateException("rollback");
                });
            } catch (IllegalStateException expected) {
                insideTransaction.set(false);
            }
            assertEquals(List.of(), heardOnThisThread, "a rolled back enqueue is not heard of");
            unitOfWork().run(() -> {
                insideTransaction.set(true);
                outbox().enqueue(List.of(UnitOfWorkContract.notification(Fixtures.newRequester())), t0);
                outbox().enqueue(List.of(UnitOfWorkContract.notification(Fixtures.newRequester())), t0);
                insideTransaction.set(false);
            });
            assertTrue(!heardOnThisThread.isEmpty() && !heardOnThisThread.contains(true),
                    "heard of after the commit, never inside the transaction: " + heardOnThisThread);
            heardWhileSubscribed = heardOnThisThread.size();
        }
        unitOfWork().run(() -> outbox().enqueue(List.of(UnitOfWorkContract.notification(Fixtures.newRequester())),
                t0));
        assertEquals(heardWhileSubscribed, heardOnThisThread.size(), "a closed subscription hears nothing more");
    }

    @Test
    public void a_claim_takes_mail_someone_waits_for_before_earlier_bulk_mail_each_oldest_first() {
        List<OutboxEntry> acknowledgements = enqueue(3, t0);
        List<OutboxEntry> waitedFor = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Notification reset = Notification.passwordReset(Fixtures.newRequester(), ResetToken.random());
            Instant at = t0.plusSeconds(i);
            waitedFor.addAll(unitOfWork().inTransaction(() -> outbox().enqueue(List.of(reset), at)));
        }
        Instant later = t0.plus(Duration.ofHours(1));
        assertEquals(waitedFor.stream().map(OutboxEntry::id).toList(),
                outbox().claim(2, later, lease).stream().map(OutboxEntry::id).toList());
        assertEquals(acknowledgements.stream().map(OutboxEntry::id).toList(),
                outbox().claim(10, later, lease).stream().map(OutboxEntry::id).toList());
    }

    @Test
    public void one_claim_takes_the_mail_someone_waits_for_then_the_oldest_bulk_mail_up_to_its_size() {
        List<OutboxEntry> acknowledgements = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            acknowledgements.addAll(enqueue(1, t0.plusSeconds(i)));
        }
        List<OutboxEntry> waitedFor = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Notification reset = Notification.passwordReset(Fixtures.newRequester(), ResetToken.random());
            waitedFor.addAll(unitOfWork().inTransaction(() -> outbox().enqueue(List.of(reset), t0.plusSeconds(10))));
        }
        List<UUID> claimed = outbox().claim(4, t0.plus(Duration.ofHours(1)), lease).stream().map(OutboxEntry::id)
                .toList();
        assertEquals(ids(waitedFor), Set.copyOf(claimed.subList(0, 2)));
        assertEquals(acknowledgements.subList(0, 2).stream().map(OutboxEntry::id).toList(), claimed.subList(2, 4));
        assertEquals(List.of(acknowledgements.get(2).id()), outbox().claim(4, t0.plus(Duration.ofHours(1)), lease)
                .stream().map(OutboxEntry::id).toList());
    }

    @Test
    public void claims_racing_on_four_threads_hand_each_mail_to_one_of_them() throws Exception {
        List<OutboxEntry> queued = new ArrayList<>(enqueue(600, t0));
        for (int i = 0; i < 200; i++) {
            Notification reset = Notification.passwordReset(Fixtures.newRequester(), ResetToken.random());
            queued.addAll(unitOfWork().inTransaction(() -> outbox().enqueue(List.of(reset), t0)));
        }
        Instant later = t0.plus(Duration.ofHours(1));
        ExecutorService claimers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<UUID>>> claimed = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                claimed.add(claimers.submit(() -> {
                    List<UUID> mine = new ArrayList<>();
                    int idle = 0;
                    while (idle < 3) {
                        List<OutboxEntry> batch = outbox().claim(7, later, lease);
                        batch.forEach(e -> mine.add(e.id()));
                        idle = batch.isEmpty() ? idle + 1 : 0;
                    }
                    return mine;
                }));
            }
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> f : claimed) {
                all.addAll(f.get());
            }
            assertEquals(Set.copyOf(all).size(), all.size(), "a mail handed to two claimers");
            assertEquals(ids(queued), Set.copyOf(all));
        } finally {
            claimers.shutdown();
        }
    }

    @Test
    public void a_claim_of_mail_that_is_not_bulk_leaves_bulk_mail_to_other_claims() {
        List<OutboxEntry> acknowledgements = enqueue(3, t0);
        Notification reset = Notification.passwordReset(Fixtures.newRequester(), ResetToken.random());
        List<OutboxEntry> waitedFor = unitOfWork().inTransaction(() -> outbox().enqueue(List.of(reset),
                t0.plusSeconds(1)));
        Instant later = t0.plus(Duration.ofHours(1));
        assertEquals(ids(waitedFor), ids(outbox().claim(10, later, lease, NotificationOutbox.ClaimScope.NOT_BULK)));
        assertTrue(outbox().claim(10, later, lease, NotificationOutbox.ClaimScope.NOT_BULK).isEmpty());
        assertEquals(ids(acknowledgements), ids(outbox().claim(10, later, lease)));
    }

    @Test
    public void entries_marked_sent_together_are_each_sent_once_and_others_stay_pending() {
        List<OutboxEntry> queued = enqueue(4, t0);
        outbox().claim(10, t0, lease);
        outbox().markSent(List.of(queued.get(0).id(), queued.get(2).id(), queued.get(3).id()), t0.plusSeconds(1));
        outbox().markSent(List.of(), t0.plusSeconds(1));
        for (int i : List.of(0, 2, 3)) {
            OutboxEntry sent = outbox().find(queued.get(i).id()).orElseThrow();
            assertEquals(DeliveryState.SENT, sent.state());
            assertEquals(1, sent.attempts());
        }
        assertEquals(DeliveryState.PENDING, outbox().find(queued.get(1).id()).orElseThrow().state());
        assertEquals(Set.of(queued.get(1).id()), ids(outbox().claim(10, t0.plus(lease), lease)));
    }

    @Test
    public void a_rolled_back_enqueue_leaves_nothing() {
        List<OutboxEntry>[] queued = new List[1];
        try {
            unitOfWork().run(() -> {
                queued[0] = outbox().enqueue(List.of(UnitOfWorkContract.notification(Fixtures.newRequester())), t0);
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            assertTrue(outbox().find(queued[0].get(0).id()).isEmpty());
            return;
        }
        throw new AssertionError("the transaction should have failed");
    }

    @Test
    public void claim_returns_due_entries_oldest_first_and_not_future_ones() {
        List<OutboxEntry> older = enqueue(2, t0.plusSeconds(1));
        List<OutboxEntry> newer = enqueue(2, t0.plusSeconds(2));
        List<OutboxEntry> future = enqueue(1, t0.plusSeconds(3600));
        List<OutboxEntry> claimed = outbox().claim(10, t0.plusSeconds(10), lease);
        assertEquals(4, claimed.size());
        assertEquals(ids(older), ids(claimed.subList(0, 2)));
        assertEquals(ids(newer), ids(claimed.subList(2, 4)));
        assertTrue(claimed.stream().noneMatch(c -> c.id().equals(future.get(0).id())));
    }

    @Test
    public void claim_respects_its_maximum() {
        enqueue(5, t0);
        assertEquals(3, outbox().claim(3, t0, lease).size());
        assertEquals(2, outbox().claim(3, t0, lease).size());
    }

    @Test
    public void a_claimed_entry_is_not_claimed_again_until_its_lease_ends() {
        List<OutboxEntry> queued = enqueue(1, t0);
        assertEquals(ids(queued), ids(outbox().claim(10, t0, lease)));
        assertTrue(outbox().claim(10, t0.plus(lease).minusSeconds(1), lease).isEmpty());
        assertEquals(ids(queued), ids(outbox().claim(10, t0.plus(lease), lease)));
    }

    @Test
    public void a_renewed_claim_holds_its_entries_until_the_renewal_ends() {
        List<OutboxEntry> queued = enqueue(2, t0);
        outbox().claim(10, t0, lease);
        Instant renewed = t0.plus(lease).plusSeconds(90);

        assertEquals(ids(queued), outbox().renew(ids(queued), t0.plus(lease), renewed));

        assertTrue(outbox().claim(10, renewed.minusSeconds(1), lease).isEmpty());
        assertEquals(ids(queued), ids(outbox().claim(10, renewed, lease)));
    }

    @Test
    public void a_claim_taken_by_another_dispatcher_once_its_lease_ran_out_is_not_renewed() {
        List<OutboxEntry> queued = enqueue(2, t0);
        outbox().claim(10, t0, lease);
        Instant late = t0.plus(lease);
        assertEquals(ids(queued), ids(outbox().claim(10, late, lease)));

        assertEquals(Set.of(), outbox().renew(ids(queued), t0.plus(lease), late.plus(lease)));

        assertEquals(ids(queued), outbox().renew(ids(queued), late.plus(lease), late.plus(lease).plusSeconds(1)));
    }

    @Test
    public void a_sent_or_failed_entry_is_not_renewed() {
        List<OutboxEntry> queued = enqueue(3, t0);
        outbox().claim(10, t0, lease);
        outbox().markSent(queued.get(0).id(), t0.plusSeconds(1));
        outbox().markFailed(queued.get(1).id(), 1, "550 5.1.1 mailbox unavailable");

        assertEquals(Set.of(queued.get(2).id()),
                outbox().renew(ids(queued), t0.plus(lease), t0.plus(lease).plus(lease)));
        assertEquals(DeliveryState.SENT, outbox().find(queued.get(0).id()).orElseThrow().state());
    }

    @Test
    public void a_sent_entry_is_never_claimed_again() {
        OutboxEntry e = enqueue(1, t0).get(0);
        outbox().claim(10, t0, lease);
        outbox().markSent(e.id(), t0.plusSeconds(1));
        assertEquals(DeliveryState.SENT, outbox().find(e.id()).orElseThrow().state());
        assertTrue(outbox().claim(10, t0.plus(Duration.ofDays(1)), lease).isEmpty());
    }

    @Test
    public void a_retried_entry_comes_back_at_its_next_attempt_with_attempts_and_error() {
        OutboxEntry e = enqueue(1, t0).get(0);
        outbox().claim(10, t0, lease);
        Instant next = t0.plusSeconds(30);
        outbox().markRetry(e.id(), 1, next, "421 service not available");
        assertTrue(outbox().claim(10, next.minusSeconds(1), lease).isEmpty());
        OutboxEntry again = outbox().claim(10, next, lease).get(0);
        assertEquals(e.id(), again.id());
        assertEquals(1, again.attempts());
        assertEquals("421 service not available", again.lastError());
    }

    @Test
    public void a_failed_entry_stays_visible_with_its_reason_and_is_never_claimed() {
        OutboxEntry e = enqueue(1, t0).get(0);
        outbox().claim(10, t0, lease);
        outbox().markFailed(e.id(), 1, "550 5.1.1 mailbox unavailable");
        OutboxEntry failed = outbox().find(e.id()).orElseThrow();
        assertEquals(DeliveryState.FAILED, failed.state());
        assertEquals("550 5.1.1 mailbox unavailable", failed.lastError());
        assertTrue(outbox().failed(1000).stream().anyMatch(f -> f.id().equals(e.id())));
        assertTrue(outbox().claim(10, t0.plus(Duration.ofDays(1)), lease).isEmpty());
    }

    @Test
    public void two_dispatchers_claiming_at_once_get_each_entry_exactly_once() throws Exception {
        Set<UUID> queued = ids(enqueue(200, t0));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<List<UUID>> dispatcher = () -> {
                List<UUID> mine = new ArrayList<>();
                List<OutboxEntry> batch;
                while (!(batch = outbox().claim(7, t0, lease)).isEmpty()) {
                    batch.forEach(b -> mine.add(b.id()));
                }
                return mine;
            };
            Future<List<UUID>> a = pool.submit(dispatcher);
            Future<List<UUID>> b = pool.submit(dispatcher);
            List<UUID> all = new ArrayList<>(a.get());
            all.addAll(b.get());
            assertEquals(queued.size(), all.size(), "no entry claimed twice");
            assertEquals(queued, new HashSet<>(all));
        } finally {
            pool.shutdownNow();
        }
    }

    private OutboxEntry hold(Person to, Instant at) {
        return unitOfWork().inTransaction(() -> outbox().hold(List.of(UnitOfWorkContract.notification(to)), at))
                .get(0);
    }

    private static Notification digestTo(Person to) {
        return new Notification(TemplateKey.DIGEST, to.email(), to.name().display(), null,
                Map.of("recipientName", to.name().display(), "count", "1", "requests", "n° 0022928", "numbers",
                        "0022928"));
    }

    /** Gathers in a unit of work rolled back, as a caller must, when the outbox refuses. */
    private boolean gather(UUID id, Person to, List<OutboxEntry> held, Instant at) {
        try {
            return unitOfWork().inTransaction(() -> {
                if (!outbox().gather(id, digestTo(to), held.stream().map(OutboxEntry::id).toList(), at)) {
                    throw new IllegalStateException("refused");
                }
                return true;
            });
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Test
    public void held_mail_is_never_claimed_and_reads_back_by_recipient_oldest_first_before_a_time() {
        Person to = Fixtures.newRequester();
        OutboxEntry first = hold(to, t0);
        OutboxEntry second = hold(to, t0.plus(Duration.ofHours(1)));
        hold(Fixtures.newRequester(), t0);

        assertEquals(DeliveryState.HELD, outbox().find(first.id()).orElseThrow().state());
        assertEquals(List.of(), outbox().claim(500, t0.plus(Duration.ofDays(2)), lease));
        assertEquals(List.of(first.id()), unitOfWork().inTransaction(() -> outbox().held(to.email(),
                t0.plus(Duration.ofMinutes(30)), 10)).stream().map(OutboxEntry::id).toList());
        assertEquals(List.of(first.id(), second.id()), unitOfWork().inTransaction(() -> outbox().held(to.email(),
                t0.plus(Duration.ofHours(2)), 10)).stream().map(OutboxEntry::id).toList());
        assertEquals(List.of(first.id()), unitOfWork().inTransaction(() -> outbox().held(to.email(),
                t0.plus(Duration.ofHours(2)), 1)).stream().map(OutboxEntry::id).toList());
    }

    @Test
    public void held_mail_moves_to_a_new_address_and_mail_already_queued_stays_where_it_was() {
        Person from = Fixtures.newRequester();
        Person to = Fixtures.newRequester();
        OutboxEntry held = hold(from, t0);
        OutboxEntry queued = unitOfWork().inTransaction(() -> outbox().enqueue(
                List.of(UnitOfWorkContract.notification(from)), t0)).get(0);

        assertEquals(1, unitOfWork().inTransaction(() -> outbox().moveHeld(from.email(), to.email())));

        assertEquals(List.of(), unitOfWork().inTransaction(() -> outbox().held(from.email(), t0.plus(FOREVER), 10)));
        assertEquals(List.of(held.id()), unitOfWork().inTransaction(() -> outbox().held(to.email(),
                t0.plus(FOREVER), 10)).stream().map(OutboxEntry::id).toList());
        assertEquals(from.email(), outbox().find(queued.id()).orElseThrow().notification().recipient());
    }

    @Test
    public void dropped_held_mail_is_gone_and_other_mail_to_the_same_address_stays() {
        Person to = Fixtures.newRequester();
        OutboxEntry held = hold(to, t0);
        OutboxEntry other = hold(Fixtures.newRequester(), t0);
        OutboxEntry queued = unitOfWork().inTransaction(() -> outbox().enqueue(
                List.of(UnitOfWorkContract.notification(to)), t0)).get(0);

        assertEquals(1, unitOfWork().inTransaction(() -> outbox().dropHeld(to.email())));

        assertTrue(outbox().find(held.id()).isEmpty());
        assertEquals(DeliveryState.HELD, outbox().find(other.id()).orElseThrow().state());
        assertEquals(DeliveryState.PENDING, outbox().find(queued.id()).orElseThrow().state());
    }

    @Test
    public void a_digest_replaces_the_held_mail_it_gathers_and_is_sent_as_any_mail() {
        Person to = Fixtures.newRequester();
        List<OutboxEntry> held = List.of(hold(to, t0), hold(to, t0.plus(Duration.ofMinutes(1))));
        UUID digest = UUID.randomUUID();

        assertTrue(gather(digest, to, held, t0.plus(Duration.ofHours(8))));

        assertEquals(List.of(), unitOfWork().inTransaction(() -> outbox().held(to.email(), t0.plus(FOREVER), 10)));
        held.forEach(e -> assertTrue(outbox().find(e.id()).isEmpty()));
        OutboxEntry queued = outbox().find(digest).orElseThrow();
        assertEquals(DeliveryState.PENDING, queued.state());
        assertEquals(digestTo(to), queued.notification());
        assertEquals(List.of(digest), outbox().claim(500, t0.plus(Duration.ofHours(8)), lease).stream()
                .map(OutboxEntry::id).toList());
    }

    @Test
    public void a_second_digest_with_the_same_id_is_refused_and_leaves_the_held_mail_held() {
        Person to = Fixtures.newRequester();
        UUID digest = UUID.randomUUID();
        assertTrue(gather(digest, to, List.of(hold(to, t0)), t0.plus(Duration.ofHours(8))));
        OutboxEntry later = hold(to, t0.plus(Duration.ofHours(1)));

        assertFalse(gather(digest, to, List.of(later), t0.plus(Duration.ofHours(9))));

        assertEquals(DeliveryState.HELD, outbox().find(later.id()).orElseThrow().state());
    }

    @Test
    public void a_digest_of_mail_no_longer_held_is_refused() {
        Person to = Fixtures.newRequester();
        List<OutboxEntry> held = List.of(hold(to, t0));
        assertTrue(gather(UUID.randomUUID(), to, held, t0.plus(Duration.ofHours(8))));
        UUID again = UUID.randomUUID();

        assertFalse(gather(again, to, held, t0.plus(Duration.ofHours(9))));

        assertTrue(outbox().find(again).isEmpty());
    }
}
