package fr.guichet.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.guichet.core.domain.notification.Backoff;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.OutboxEntry.DeliveryState;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.testing.TestWorld;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackgroundDispatcherTest {

    private static final int SENDERS = 4;
    private static final int NOTIFICATIONS = 500;

    private final TestWorld world = new TestWorld();
    private final SendersChannel channel = new SendersChannel();
    private final DispatchNotifications dispatch = new DispatchNotifications(world.outbox, channel, world.clock,
            new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 0.2, 4), 5, Duration.ofMinutes(5));

    @Test
    void several_senders_woken_by_a_commit_drain_the_outbox_together_each_notification_delivered_once()
            throws Exception {
        List<UUID> queued;
        try (BackgroundDispatcher dispatcher = BackgroundDispatcher.start(dispatch, Duration.ofHours(1), SENDERS)) {
            queued = world.outbox.enqueue(IntStream.range(0, NOTIFICATIONS).mapToObj(this::notification).toList(),
                    world.clock.instant()).stream().map(OutboxEntry::id).toList();
            assertTrue(channel.allSending.await(30, TimeUnit.SECONDS), "senders seen: " + channel.senders);
            awaitAllSent();
        }

        assertEquals(SENDERS, channel.senders.size(), channel.senders.toString());
        assertEquals(Set.copyOf(queued), channel.deliveries.keySet());
        assertTrue(channel.deliveries.values().stream().allMatch(n -> n == 1), "a notification delivered twice");
    }

    @Test
    void an_answer_committed_while_the_other_senders_hold_batches_of_bulk_mail_goes_to_the_sender_kept_for_it()
            throws Exception {
        HeldBulkChannel held = new HeldBulkChannel(SENDERS - 1);
        DispatchNotifications dispatch = new DispatchNotifications(world.outbox, held, world.clock,
                new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 0.2, 4), 5, Duration.ofMinutes(5));
        try (BackgroundDispatcher dispatcher = BackgroundDispatcher.start(dispatch, Duration.ofHours(1), SENDERS)) {
            world.outbox.enqueue(IntStream.range(0, NOTIFICATIONS).mapToObj(i -> notification(2 * i)).toList(),
                    world.clock.instant());
            assertTrue(held.allBulkSendersHeld.await(30, TimeUnit.SECONDS), "bulk senders: " + held.bulkSenders);

            OutboxEntry answer = world.outbox.enqueue(List.of(answer()), world.clock.instant()).get(0);
            assertTrue(held.answerDelivered.await(30, TimeUnit.SECONDS), "the answer waited for the bulk batches");

            assertEquals(answer.id(), held.answer);
            assertEquals("guichet-notification-dispatcher-1", held.answerSender);
            assertEquals(SENDERS - 1, held.bulkDeliveries.get(), "a bulk sender went on to another mail meanwhile");
            held.release.countDown();
            awaitAllSent();
        }
        assertTrue(held.bulkSenders.stream().noneMatch("guichet-notification-dispatcher-1"::equals),
                "the sender kept for mail that is not bulk sent bulk mail: " + held.bulkSenders);
    }

    @Test
    void a_dispatcher_needs_at_least_one_sender() {
        assertThrows(IllegalArgumentException.class, () -> BackgroundDispatcher.start(dispatch, Duration.ofHours(1),
                0));
    }

    /**
     * Waits until every outbox entry is sent, failing once 30 seconds pass without one more sent: a guard against a
     * hang, not a bound on how long sending takes.
     */
    private void awaitAllSent() throws InterruptedException {
        long unsent = Long.MAX_VALUE;
        long progressAt = System.nanoTime();
        while (true) {
            long now = world.outbox.all().stream().filter(e -> e.state() != DeliveryState.SENT).count();
            if (now == 0) {
                return;
            }
            if (now < unsent) {
                unsent = now;
                progressAt = System.nanoTime();
            } else if (System.nanoTime() - progressAt > TimeUnit.SECONDS.toNanos(30)) {
                fail(unsent + " outbox entries still unsent after 30 seconds without one more sent");
            }
            Thread.sleep(10);
        }
    }

    /** Acknowledgements (bulk) and answers (not bulk), in turn. */
    private Notification notification(int i) {
        return new Notification(i % 2 == 0 ? TemplateKey.REQUEST_RECEIVED : TemplateKey.ANSWER_POSTED, EmailAddress.of("demandeur" + i + "@ac-creteil.fr"),
                "Marc Montanes", RequestNumber.of(i + 1), Map.of("number", String.valueOf(i + 1)));
    }

    private static Notification answer() {
        return new Notification(TemplateKey.ANSWER_POSTED, EmailAddress.of("enseignant@ac-creteil.fr"),
                "Camille Enseignant", RequestNumber.of(1), Map.of("number", "1"));
    }

    /**
     * A channel that holds every bulk delivery until released, once {@code bulkSenders} senders are each holding one,
     * and records who delivered the one answer.
     */
    private static final class HeldBulkChannel implements NotificationChannel {
        final Set<String> bulkSenders = ConcurrentHashMap.newKeySet();
        final AtomicInteger bulkDeliveries = new AtomicInteger();
        final CountDownLatch allBulkSendersHeld;
        final CountDownLatch answerDelivered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile UUID answer;
        volatile String answerSender;

        HeldBulkChannel(int bulkSenders) {
            this.allBulkSendersHeld = new CountDownLatch(bulkSenders);
        }

        @Override
        public DeliveryResult deliver(OutboxEntry entry) {
            if (!entry.notification().template().bulk()) {
                answerSender = Thread.currentThread().getName();
                answer = entry.id();
                answerDelivered.countDown();
                return DeliveryResult.delivered();
            }
            bulkDeliveries.incrementAndGet();
            if (bulkSenders.add(Thread.currentThread().getName())) {
                allBulkSendersHeld.countDown();
            }
            await(release);
            return DeliveryResult.delivered();
        }
    }

    /**
     * A channel that counts deliveries per entry and holds each sender's first delivery until every sender is
     * delivering, so that the senders are seen working at the same time.
     */
    private static final class SendersChannel implements NotificationChannel {
        final Map<UUID, Integer> deliveries = new ConcurrentHashMap<>();
        final Set<String> senders = ConcurrentHashMap.newKeySet();
        final CountDownLatch allSending = new CountDownLatch(SENDERS);

        @Override
        public DeliveryResult deliver(OutboxEntry entry) {
            deliveries.merge(entry.id(), 1, Integer::sum);
            if (senders.add(Thread.currentThread().getName())) {
                allSending.countDown();
                await(allSending);
            }
            return DeliveryResult.delivered();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
