package fr.guichet.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            while (world.outbox.all().stream().anyMatch(e -> e.state() != DeliveryState.SENT)) {
                Thread.sleep(10);
            }
        }

        assertEquals(SENDERS, channel.senders.size(), channel.senders.toString());
        assertEquals(Set.copyOf(queued), channel.deliveries.keySet());
        assertTrue(channel.deliveries.values().stream().allMatch(n -> n == 1), "a notification delivered twice");
    }

    @Test
    void a_dispatcher_needs_at_least_one_sender() {
        assertThrows(IllegalArgumentException.class, () -> BackgroundDispatcher.start(dispatch, Duration.ofHours(1),
                0));
    }

    private Notification notification(int i) {
        return new Notification(TemplateKey.REQUEST_RECEIVED, EmailAddress.of("demandeur" + i + "@ac-creteil.fr"),
                "Marc Montanes", RequestNumber.of(i + 1), Map.of("number", String.valueOf(i + 1)));
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
                try {
                    allSending.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return DeliveryResult.delivered();
        }
    }
}
