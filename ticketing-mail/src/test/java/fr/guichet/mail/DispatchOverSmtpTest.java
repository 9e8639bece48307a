package fr.guichet.mail;

import static fr.guichet.core.contract.NotificationChannelContract.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import fr.guichet.core.application.DispatchNotifications;
import fr.guichet.core.domain.notification.Backoff;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.OutboxEntry.DeliveryState;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.InMemoryDatabase;
import fr.guichet.core.testing.InMemoryNotificationOutbox;
import fr.guichet.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's dispatcher driving the SMTP channel through outages and refusals, on the in-memory outbox. */
class DispatchOverSmtpTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 0.2, 5);

    private final MutableClock clock = new MutableClock(Fixtures.SEED_DAY);
    private final InMemoryNotificationOutbox outbox = new InMemoryNotificationOutbox(new InMemoryDatabase());

    private DispatchNotifications dispatcher(NotificationChannel channel) {
        return new DispatchNotifications(outbox, channel, clock, BACKOFF, 20, Duration.ofMinutes(5));
    }

    private List<Person> queue(int count) {
        List<Person> recipients = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Person to = Fixtures.newRequester();
            recipients.add(to);
            notifications.add(sample(TemplateKey.values()[i % TemplateKey.values().length], to));
        }
        outbox.enqueue(notifications, clock.instant());
        return recipients;
    }

    @Test
    void fifty_notifications_queued_while_the_server_is_down_are_all_delivered_once_when_it_is_back() {
        int port = TestMail.freePort();
        GreenMail server = TestMail.greenMail(port);
        DispatchNotifications dispatch = dispatcher(TestMail.smtp(TestMail.config(port).build()));
        List<Person> recipients = queue(50);

        DispatchNotifications.Report whileDown = dispatch.dispatchDue();

        assertEquals(new DispatchNotifications.Report(0, 50, 0), whileDown);
        assertTrue(outbox.all().stream().allMatch(e -> e.state() == DeliveryState.PENDING && e.attempts() == 1
                && e.error().orElseThrow().contains("Connect")), outbox.all().get(0).toString());
        server.start();
        try {
            assertEquals(new DispatchNotifications.Report(0, 0, 0), dispatch.dispatchDue(), "not due yet");
            clock.advance(Duration.ofSeconds(37));

            DispatchNotifications.Report afterwards = dispatch.dispatchDue();
            clock.advance(Duration.ofHours(1));
            DispatchNotifications.Report later = dispatch.dispatchDue();

            assertEquals(new DispatchNotifications.Report(50, 0, 0), afterwards);
            assertEquals(new DispatchNotifications.Report(0, 0, 0), later);
            assertEquals(50, server.getReceivedMessages().length);
            for (Person p : recipients) {
                assertEquals(1, TestMail.receivedBy(server, p.email()).size(), p.email().value());
            }
            assertTrue(outbox.all().stream().allMatch(e -> e.state() == DeliveryState.SENT && e.attempts() == 2));
        } finally {
            server.stop();
        }
    }

    @Test
    void a_recipient_refused_with_550_fails_with_the_servers_reason_and_the_others_are_delivered() throws Exception {
        try (TinySmtpServer server = new TinySmtpServer()) {
            DispatchNotifications dispatch = dispatcher(TestMail.smtp(TestMail.config(server.port()).build()));
            List<Person> recipients = queue(5);
            Person refused = recipients.get(2);
            server.replyToRcpt(refused.email().value(),
                    "550 5.1.1 <" + refused.email().value() + ">: Recipient address rejected: User unknown");

            DispatchNotifications.Report report = dispatch.dispatchDue();

            assertEquals(new DispatchNotifications.Report(4, 0, 1), report);
            OutboxEntry failed = outbox.all().stream()
                    .filter(e -> e.notification().recipient().equals(refused.email())).findFirst().orElseThrow();
            assertEquals(DeliveryState.FAILED, failed.state());
            assertEquals("recipient refused: 550 5.1.1 <" + refused.email().value()
                    + ">: Recipient address rejected: User unknown", failed.error().orElseThrow());
            assertEquals(List.of(failed), outbox.failed(10));
            assertEquals(4, server.acceptedCount());
            for (Person p : recipients) {
                assertEquals(p == refused ? 0 : 1, server.acceptedFor(p.email().value()), p.email().value());
            }
        }
    }

    @Test
    void a_4xx_on_the_recipient_is_retried_later_and_then_delivered_once() throws Exception {
        try (TinySmtpServer server = new TinySmtpServer()) {
            DispatchNotifications dispatch = dispatcher(TestMail.smtp(TestMail.config(server.port()).build()));
            Person to = queue(1).get(0);
            server.replyToRcpt(to.email().value(), "451 4.3.0 Mailbox temporarily unavailable");

            assertEquals(new DispatchNotifications.Report(0, 1, 0), dispatch.dispatchDue());
            OutboxEntry retried = outbox.all().get(0);
            assertEquals("recipient refused: 451 4.3.0 Mailbox temporarily unavailable", retried.lastError());
            server.acceptAll();
            clock.advance(Duration.ofMinutes(1));

            assertEquals(new DispatchNotifications.Report(1, 0, 0), dispatch.dispatchDue());
            assertEquals(1, server.acceptedFor(to.email().value()));
        }
    }

    @Test
    void a_transient_failure_that_never_ends_fails_for_good_after_the_backoffs_attempts() throws Exception {
        try (TinySmtpServer server = new TinySmtpServer()) {
            DispatchNotifications dispatch = dispatcher(TestMail.smtp(TestMail.config(server.port()).build()));
            Person to = queue(1).get(0);
            server.replyToRcpt(to.email().value(), "452 4.2.2 Mailbox full");

            for (int attempt = 1; attempt <= BACKOFF.maxAttempts(); attempt++) {
                dispatch.dispatchDue();
                clock.advance(Duration.ofMinutes(15));
            }

            OutboxEntry entry = outbox.all().get(0);
            assertEquals(DeliveryState.FAILED, entry.state());
            assertEquals(BACKOFF.maxAttempts(), entry.attempts());
            assertTrue(entry.lastError().contains("452 4.2.2 Mailbox full"), entry.lastError());
        }
    }

    @Test
    void a_server_that_never_answers_is_a_transient_failure_after_the_read_timeout() throws Exception {
        try (TinySmtpServer server = new TinySmtpServer()) {
            server.beSilent();
            NotificationChannel channel = TestMail.smtp(TestMail.config(server.port())
                    .timeouts(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(2)).build());

            DeliveryResult result = channel.deliver(OutboxEntry.queued(
                    sample(TemplateKey.REQUEST_RECEIVED, Fixtures.newRequester()), clock.instant()));

            assertInstanceOf(DeliveryResult.TransientFailure.class, result);
            assertTrue(((DeliveryResult.TransientFailure) result).reason().contains("SocketTimeoutException"),
                    result.toString());
        }
    }

    @Test
    void starttls_required_but_not_offered_is_a_transient_failure_and_sends_nothing_in_clear() throws Exception {
        try (TinySmtpServer server = new TinySmtpServer()) {
            NotificationChannel channel = TestMail.smtp(TestMail.config(server.port())
                    .security(MailConfig.Security.STARTTLS).build());

            DeliveryResult result = channel.deliver(OutboxEntry.queued(
                    sample(TemplateKey.REQUEST_RECEIVED, Fixtures.newRequester()), clock.instant()));

            assertInstanceOf(DeliveryResult.TransientFailure.class, result);
            assertTrue(((DeliveryResult.TransientFailure) result).reason().contains("STARTTLS"), result.toString());
            assertEquals(0, server.acceptedCount());
        }
    }
}
