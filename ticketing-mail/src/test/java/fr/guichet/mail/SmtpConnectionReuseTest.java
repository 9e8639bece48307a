package fr.guichet.mail;

import static fr.guichet.core.contract.NotificationChannelContract.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The SMTP channel keeps its connections: reused, capped, closed when idle or closed, replaced when dropped. */
class SmtpConnectionReuseTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final int THREADS = 8;

    private final List<SmtpNotificationChannel> channels = new ArrayList<>();

    @AfterEach
    void closeChannels() {
        channels.forEach(SmtpNotificationChannel::close);
    }

    private SmtpNotificationChannel channel(MailConfig config) {
        SmtpNotificationChannel channel = (SmtpNotificationChannel) TestMail.smtp(config);
        channels.add(channel);
        return channel;
    }

    private static OutboxEntry mailTo(Person to) {
        return OutboxEntry.queued(sample(TemplateKey.REQUEST_RECEIVED, to), NOW);
    }

    private static List<Person> people(int count) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(Fixtures.newRequester());
        }
        return people;
    }

    /** Delivers a mail to each of {@code recipients}, spread over {@link #THREADS} threads, all at once. */
    private static List<DeliveryResult> deliverConcurrently(SmtpNotificationChannel channel, List<Person> recipients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<DeliveryResult>> tasks = recipients.stream()
                    .<Callable<DeliveryResult>>map(p -> () -> channel.deliver(mailTo(p))).toList();
            List<DeliveryResult> results = new ArrayList<>();
            for (Future<DeliveryResult> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("still waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Nested
    class OnGreenMail {
        private final int port = TestMail.freePort();
        private final GreenMail server = TestMail.greenMail(port);

        OnGreenMail() {
            server.start();
        }

        @AfterEach
        void stop() {
            server.stop();
        }

        private void assertReceivedOnce(List<Person> recipients) {
            for (Person p : recipients) {
                assertEquals(1, TestMail.receivedBy(server, p.email()).size(), p.email().value());
            }
        }

        @Test
        void two_hundred_mails_in_a_row_are_each_received_once() {
            SmtpNotificationChannel channel = channel(TestMail.config(port).build());
            List<Person> recipients = people(200);

            for (Person p : recipients) {
                assertInstanceOf(DeliveryResult.Delivered.class, channel.deliver(mailTo(p)));
            }

            assertEquals(200, server.getReceivedMessages().length);
            assertReceivedOnce(recipients);
        }

        @Test
        void after_a_server_restart_the_next_mail_goes_over_a_new_connection_once() {
            SmtpNotificationChannel channel = channel(TestMail.config(port).build());
            Person before = Fixtures.newRequester();
            Person after = Fixtures.newRequester();
            assertInstanceOf(DeliveryResult.Delivered.class, channel.deliver(mailTo(before)));
            assertReceivedOnce(List.of(before));

            server.reset();
            DeliveryResult result = channel.deliver(mailTo(after));

            assertInstanceOf(DeliveryResult.Delivered.class, result, result.toString());
            assertEquals(1, server.getReceivedMessages().length);
            assertReceivedOnce(List.of(after));
        }

        @Test
        void a_server_gone_after_a_mail_makes_the_next_a_transient_failure_and_a_later_one_goes_when_it_is_back() {
            SmtpNotificationChannel channel = channel(TestMail.config(port).build());
            channel.deliver(mailTo(Fixtures.newRequester()));
            server.stop();

            DeliveryResult whileDown = channel.deliver(mailTo(Fixtures.newRequester()));
            server.start();
            Person later = Fixtures.newRequester();
            DeliveryResult back = channel.deliver(mailTo(later));

            assertInstanceOf(DeliveryResult.TransientFailure.class, whileDown);
            assertTrue(((DeliveryResult.TransientFailure) whileDown).reason().contains("Connect"), whileDown
                    .toString());
            assertInstanceOf(DeliveryResult.Delivered.class, back, back.toString());
            assertEquals(1, server.getReceivedMessages().length);
            assertReceivedOnce(List.of(later));
        }

        @Test
        void mails_delivered_from_several_threads_at_once_are_each_received_once() throws Exception {
            SmtpNotificationChannel channel = channel(TestMail.config(port).connectionReuse(Duration.ofSeconds(30), 7)
                    .build());
            List<Person> recipients = people(200);

            List<DeliveryResult> results = deliverConcurrently(channel, recipients);

            assertTrue(results.stream().allMatch(DeliveryResult.Delivered.class::isInstance), results.toString());
            assertEquals(200, server.getReceivedMessages().length);
            assertReceivedOnce(recipients);
        }
    }

    @Nested
    class OnTinyServer {
        private final TinySmtpServer server;

        OnTinyServer() throws Exception {
            server = new TinySmtpServer();
        }

        @AfterEach
        void stop() throws Exception {
            server.close();
        }

        private SmtpNotificationChannel channel(Duration idle, int mailsPerConnection) {
            return SmtpConnectionReuseTest.this.channel(TestMail.config(server.port())
                    .connectionReuse(idle, mailsPerConnection).build());
        }

        private void assertAcceptedOnce(List<Person> recipients) {
            for (Person p : recipients) {
                assertEquals(1, server.acceptedFor(p.email().value()), p.email().value());
            }
        }

        @Test
        void fifty_mails_in_a_row_go_over_one_connection() {
            SmtpNotificationChannel channel = channel(Duration.ofSeconds(30), 100);
            List<Person> recipients = people(50);

            recipients.forEach(p -> channel.deliver(mailTo(p)));

            assertEquals(1, server.connections());
            assertEquals(0, server.quits());
            assertAcceptedOnce(recipients);
        }

        @Test
        void a_connection_carries_at_most_the_configured_number_of_mails() throws Exception {
            SmtpNotificationChannel channel = channel(Duration.ofSeconds(30), 3);
            List<Person> recipients = people(7);

            recipients.forEach(p -> channel.deliver(mailTo(p)));

            assertEquals(3, server.connections());
            await(() -> server.quits() == 2, "the two full connections to say QUIT");
            assertAcceptedOnce(recipients);
        }

        /** One mail, then {@code drop}, then another: the second goes over a second connection, each mail once. */
        private void assertTheNextMailGoesOverANewConnectionAfter(SmtpNotificationChannel channel, Executable drop)
                throws Throwable {
            List<Person> recipients = people(2);
            channel.deliver(mailTo(recipients.get(0)));

            drop.execute();
            DeliveryResult result = channel.deliver(mailTo(recipients.get(1)));

            assertInstanceOf(DeliveryResult.Delivered.class, result, result.toString());
            assertEquals(2, server.connections());
            assertEquals(2, server.acceptedCount());
            assertAcceptedOnce(recipients);
        }

        @Test
        void an_idle_connection_is_closed_and_the_next_mail_opens_a_new_one() throws Throwable {
            assertTheNextMailGoesOverANewConnectionAfter(channel(Duration.ofMillis(50), 100),
                    () -> await(() -> server.quits() == 1, "the idle connection to say QUIT"));
        }

        @Test
        void a_connection_the_server_dropped_with_421_is_replaced_and_the_mail_sent_once() throws Throwable {
            assertTheNextMailGoesOverANewConnectionAfter(channel(Duration.ofSeconds(30), 100),
                    server::dropOpenConnections);
        }

        @Test
        void a_refusal_on_a_reused_connection_is_answered_at_once_and_the_connection_kept() {
            SmtpNotificationChannel channel = channel(Duration.ofSeconds(30), 100);
            List<Person> recipients = people(4);
            server.replyToRcpt(recipients.get(1).email().value(), "550 5.1.1 User unknown");
            server.replyToRcpt(recipients.get(2).email().value(), "452 4.2.2 Mailbox full");

            List<DeliveryResult> results = recipients.stream().map(p -> channel.deliver(mailTo(p))).toList();

            assertEquals(List.of(DeliveryResult.delivered(),
                    DeliveryResult.permanentFailure("recipient refused: 550 5.1.1 User unknown"),
                    DeliveryResult.transientFailure("recipient refused: 452 4.2.2 Mailbox full"),
                    DeliveryResult.delivered()), results);
            assertEquals(1, server.connections());
            assertEquals(2, server.acceptedCount());
        }

        @Test
        void callers_at_once_never_open_more_connections_than_there_are_callers() throws Exception {
            SmtpNotificationChannel channel = channel(Duration.ofSeconds(30), 100);
            List<Person> recipients = people(80);

            List<DeliveryResult> results = deliverConcurrently(channel, recipients);

            assertTrue(results.stream().allMatch(DeliveryResult.Delivered.class::isInstance), results.toString());
            assertTrue(server.connections() <= THREADS, server.connections() + " connections");
            assertAcceptedOnce(recipients);
        }

        @Test
        void closing_the_channel_says_quit_and_later_deliveries_are_transient_failures() throws Exception {
            SmtpNotificationChannel channel = channel(Duration.ofSeconds(30), 100);
            channel.deliver(mailTo(Fixtures.newRequester()));

            channel.close();
            await(() -> server.quits() == 1, "the channel's connection to say QUIT");
            DeliveryResult afterwards = channel.deliver(mailTo(Fixtures.newRequester()));

            assertEquals(DeliveryResult.transientFailure("the SMTP channel is closed"), afterwards);
            assertEquals(1, server.connections());
            assertEquals(1, server.acceptedCount());
        }
    }
}
