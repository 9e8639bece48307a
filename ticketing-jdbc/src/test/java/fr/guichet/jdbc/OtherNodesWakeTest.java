package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.BackgroundDispatcher;
import fr.guichet.core.application.DispatchNotifications;
import fr.guichet.core.domain.notification.Backoff;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.session.ResetToken;
import fr.guichet.core.testing.Fixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A notification queued on one node is sent by another node's dispatcher: on PostgreSQL at once, woken by NOTIFY
 * while its poll is ten minutes away; elsewhere at its next poll, here a second.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class OtherNodesWakeTest {

    @Parameter
    TestDatabase.Kind kind;

    @Test
    void a_notification_queued_on_one_node_is_sent_by_the_dispatcher_of_another() throws Exception {
        TestDatabase database = TestDatabase.of(kind);
        Set<UUID> sent = ConcurrentHashMap.newKeySet();
        CountDownLatch delivered = new CountDownLatch(1);
        Set<UUID> expected = ConcurrentHashMap.newKeySet();
        DispatchNotifications dispatch = new DispatchNotifications(database.node().outbox(), entry -> {
            sent.add(entry.id());
            if (expected.contains(entry.id())) {
                delivered.countDown();
            }
            return DeliveryResult.delivered();
        }, Clock.systemUTC(), Backoff.standard(), 20, Duration.ofMinutes(1));
        Duration poll = kind == TestDatabase.Kind.POSTGRESQL ? Duration.ofMinutes(10) : Duration.ofSeconds(1);
        try (BackgroundDispatcher dispatcher = BackgroundDispatcher.start(dispatch, poll);
                TestDatabase.Node other = database.newNode()) {
            TimeUnit.MILLISECONDS.sleep(500); // past the first run and the listener's catch-up, on the poll alone
            Notification mail = Notification.passwordReset(Fixtures.newRequester(), ResetToken.random());
            List<OutboxEntry> queued = other.unitOfWork().inTransaction(
                    () -> other.outbox().enqueue(List.of(mail), Instant.now()));
            expected.add(queued.get(0).id());
            if (sent.contains(queued.get(0).id())) {
                delivered.countDown();
            }
            assertTrue(delivered.await(60, TimeUnit.SECONDS), "the other node's dispatcher never sent it");
        }
    }
}
