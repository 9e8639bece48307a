package fr.guichet.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.testing.TestWorld;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DispatchNotificationsTest {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final TestWorld world = new TestWorld();
    private final ScriptedChannel channel = new ScriptedChannel();
    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 0.2, 4);
    private final DispatchNotifications dispatch = new DispatchNotifications(world.outbox, channel, world.clock,
            backoff, 2, LEASE, () -> 0.5);

    @Test
    void a_delivered_notification_is_marked_sent_and_never_sent_again() {
        UUID id = enqueue("delivered@ac-creteil.fr");

        DispatchNotifications.Report report = dispatch.dispatchDue();

        assertEquals(new DispatchNotifications.Report(1, 0, 0), report);
        OutboxEntry entry = world.outbox.find(id).orElseThrow();
        assertEquals(DeliveryState.SENT, entry.state());
        assertEquals(1, entry.attempts());
        world.clock.advance(Duration.ofDays(1));
        assertEquals(new DispatchNotifications.Report(0, 0, 0), dispatch.dispatchDue());
        assertEquals(1, channel.deliveries.size());
    }

    @Test
    void a_transient_failure_is_retried_later_with_growing_waits_then_fails_after_the_last_attempt() {
        String recipient = "down@ac-creteil.fr";
        channel.script(recipient, transientFailure(), transientFailure(), transientFailure(), transientFailure());
        UUID id = enqueue(recipient);
        List<Duration> waits = new ArrayList<>();

        for (int attempt = 1; attempt < backoff.maxAttempts(); attempt++) {
            assertEquals(new DispatchNotifications.Report(0, 1, 0), dispatch.dispatchDue());
            OutboxEntry entry = world.outbox.find(id).orElseThrow();
            assertEquals(DeliveryState.PENDING, entry.state());
            assertEquals(attempt, entry.attempts());
            assertEquals("421 service not available", entry.error().orElseThrow());
            Duration wait = Duration.between(world.clock.instant(), entry.nextAttemptAt());
            waits.add(wait);
            world.clock.advance(wait.minusSeconds(1));
            assertEquals(new DispatchNotifications.Report(0, 0, 0), dispatch.dispatchDue(), "not due yet");
            world.clock.advance(Duration.ofSeconds(1));
        }

        assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)), waits);
        assertEquals(new DispatchNotifications.Report(0, 0, 1), dispatch.dispatchDue());
        OutboxEntry failed = world.outbox.find(id).orElseThrow();
        assertEquals(DeliveryState.FAILED, failed.state());
        assertEquals(backoff.maxAttempts(), failed.attempts());
        assertTrue(failed.error().orElseThrow().contains("421 service not available"));
        assertEquals(List.of(failed), world.outbox.failed(10));
        world.clock.advance(Duration.ofDays(2));
        assertEquals(new DispatchNotifications.Report(0, 0, 0), dispatch.dispatchDue());
    }

    @Test
    void a_transient_failure_then_a_delivery_ends_sent() {
        String recipient = "flaky@ac-creteil.fr";
        channel.script(recipient, transientFailure());
        UUID id = enqueue(recipient);

        dispatch.dispatchDue();
        world.clock.advance(Duration.ofMinutes(1));
        assertEquals(new DispatchNotifications.Report(1, 0, 0), dispatch.dispatchDue());

        assertEquals(DeliveryState.SENT, world.outbox.find(id).orElseThrow().state());
        assertEquals(2, channel.deliveries.size());
    }

    @Test
    void a_permanent_failure_is_failed_with_its_reason_and_the_others_are_still_sent() {
        UUID first = enqueue("first@ac-creteil.fr");
        String refused = "unknown-user@ac-creteil.fr";
        channel.script(refused, DeliveryResult.permanentFailure("550 5.1.1 user unknown"));
        UUID bad = enqueue(refused);
        UUID third = enqueue("third@ac-creteil.fr");
        UUID fourth = enqueue("fourth@ac-creteil.fr");
        UUID fifth = enqueue("fifth@ac-creteil.fr");

        DispatchNotifications.Report report = dispatch.dispatchDue();

        assertEquals(new DispatchNotifications.Report(4, 0, 1), report);
        OutboxEntry failed = world.outbox.find(bad).orElseThrow();
        assertEquals(DeliveryState.FAILED, failed.state());
        assertEquals("550 5.1.1 user unknown", failed.error().orElseThrow());
        for (UUID id : List.of(first, third, fourth, fifth)) {
            assertEquals(DeliveryState.SENT, world.outbox.find(id).orElseThrow().state());
        }
    }

    @Test
    void a_channel_that_throws_counts_as_a_transient_failure() {
        String recipient = "boom@ac-creteil.fr";
        channel.script(recipient, (DeliveryResult) null);
        UUID id = enqueue(recipient);

        assertEquals(new DispatchNotifications.Report(0, 1, 0), dispatch.dispatchDue());

        OutboxEntry entry = world.outbox.find(id).orElseThrow();
        assertEquals(DeliveryState.PENDING, entry.state());
        assertTrue(entry.error().orElseThrow().contains("IllegalStateException"));
    }

    @Test
    void a_batch_sent_for_longer_than_the_lease_keeps_its_claim_and_every_entry_goes_once() {
        List<UUID> queued = List.of(enqueue("a@ac-creteil.fr"), enqueue("b@ac-creteil.fr"));
        List<OutboxEntry> takenByAnotherNode = new ArrayList<>();
        DispatchNotifications slow = new DispatchNotifications(world.outbox, entry -> {
            world.clock.advance(LEASE.multipliedBy(3).dividedBy(4));
            takenByAnotherNode.addAll(world.outbox.claim(10, world.clock.instant(), LEASE));
            return DeliveryResult.delivered();
        }, world.clock, backoff, 2, LEASE, () -> 0.5);

        assertEquals(new DispatchNotifications.Report(2, 0, 0), slow.dispatchDue());

        assertEquals(List.of(), takenByAnotherNode);
        for (UUID id : queued) {
            assertEquals(DeliveryState.SENT, world.outbox.find(id).orElseThrow().state());
        }
    }

    @Test
    void a_dispatcher_whose_claim_was_taken_by_another_leaves_it_the_rest_of_the_batch() {
        UUID first = enqueue("first@ac-creteil.fr");
        UUID second = enqueue("second@ac-creteil.fr");
        List<OutboxEntry> takenByAnotherNode = new ArrayList<>();
        List<OutboxEntry> sent = new ArrayList<>();
        DispatchNotifications behind = new DispatchNotifications(world.outbox, entry -> {
            sent.add(entry);
            world.clock.advance(LEASE.dividedBy(2).plusSeconds(1));
            takenByAnotherNode.addAll(world.outbox.claim(10, world.clock.instant().plus(LEASE), LEASE));
            return DeliveryResult.delivered();
        }, world.clock, backoff, 2, LEASE, () -> 0.5);

        assertEquals(new DispatchNotifications.Report(1, 0, 0), behind.dispatchDue());

        assertEquals(List.of(first), sent.stream().map(OutboxEntry::id).toList());
        assertTrue(takenByAnotherNode.stream().anyMatch(e -> e.id().equals(second)));
        assertEquals(DeliveryState.PENDING, world.outbox.find(second).orElseThrow().state());
    }

    @Test
    void mail_claimed_by_a_node_that_stopped_is_sent_again_under_the_same_id_once_the_lease_ends() {
        UUID id = enqueue("crash@ac-creteil.fr");
        DispatchNotifications stopping = new DispatchNotifications(world.outbox, entry -> {
            channel.deliver(entry);
            throw new NodeStopped();
        }, world.clock, backoff, 2, LEASE, () -> 0.5);
        assertThrows(NodeStopped.class, stopping::dispatchDue);

        world.clock.advance(LEASE.minusSeconds(1));
        assertEquals(new DispatchNotifications.Report(0, 0, 0), dispatch.dispatchDue());
        world.clock.advance(Duration.ofSeconds(1));
        assertEquals(new DispatchNotifications.Report(1, 0, 0), dispatch.dispatchDue());

        assertEquals(List.of(id, id), channel.deliveries.stream().map(OutboxEntry::id).toList());
    }

    @Test
    void a_failure_to_mark_the_sent_mail_after_a_failure_keeps_the_first_failure_and_adds_the_second() {
        enqueue("delivered@ac-creteil.fr");
        String down = "down@ac-creteil.fr";
        channel.script(down, transientFailure());
        enqueue(down);
        RuntimeException retryLost = new IllegalStateException("the retry was not recorded");
        RuntimeException sentLost = new IllegalStateException("the sent mail was not recorded");
        NotificationOutbox failing = (NotificationOutbox) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {NotificationOutbox.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "markRetry" -> throw retryLost;
                        case "markSent" -> throw sentLost;
                        default -> {
                            try {
                                return method.invoke(world.outbox, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
        DispatchNotifications dispatching = new DispatchNotifications(failing, channel, world.clock, backoff, 2,
                LEASE, () -> 0.5);

        RuntimeException thrown = assertThrows(RuntimeException.class, dispatching::dispatchDue);

        assertSame(retryLost, thrown);
        assertEquals(List.of(sentLost), List.of(thrown.getSuppressed()));
    }

    /** What a node's sudden end looks like to the dispatcher's thread: nothing after it runs. */
    private static final class NodeStopped extends Error {
    }

    private static DeliveryResult transientFailure() {
        return DeliveryResult.transientFailure("421 service not available");
    }

    private UUID enqueue(String recipient) {
        Notification n = new Notification(TemplateKey.REQUEST_RECEIVED, EmailAddress.of(recipient), "Marc Montanes",
                RequestNumber.of(1), Map.of("number", "0000001"));
        return world.outbox.enqueue(List.of(n), world.clock.instant()).get(0).id();
    }

    /**
     * A channel that answers, per recipient, the results scripted for it in order (a null result throws), then
     * delivers; it remembers every attempt.
     */
    static final class ScriptedChannel implements NotificationChannel {
        final List<OutboxEntry> deliveries = new ArrayList<>();
        private final Map<String, Deque<DeliveryResult>> scripts = new HashMap<>();
        private final Map<String, Integer> throwing = new HashMap<>();

        void script(String recipient, DeliveryResult... results) {
            Deque<DeliveryResult> script = scripts.computeIfAbsent(recipient, r -> new ArrayDeque<>());
            for (DeliveryResult r : results) {
                if (r == null) {
                    throwing.merge(recipient, 1, Integer::sum);
                } else {
                    script.add(r);
                }
            }
        }

        @Override
        public synchronized DeliveryResult deliver(OutboxEntry entry) {
            deliveries.add(entry);
            String recipient = entry.notification().recipient().value();
            if (throwing.getOrDefault(recipient, 0) > 0) {
                throwing.merge(recipient, -1, Integer::sum);
                throw new IllegalStateException("channel broke");
            }
            Deque<DeliveryResult> script = scripts.get(recipient);
            return script == null || script.isEmpty() ? DeliveryResult.delivered() : script.poll();
        }
    }

}
