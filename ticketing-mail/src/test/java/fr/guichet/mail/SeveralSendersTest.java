package fr.guichet.mail;

import static fr.guichet.core.contract.NotificationChannelContract.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import com.icegreen.greenmail.util.GreenMail;
import fr.guichet.core.application.BackgroundDispatcher;
import fr.guichet.core.application.DispatchNotifications;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.MutableClock;
import fr.guichet.jdbc.JdbcConfig;
import fr.guichet.jdbc.JdbcModule;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several senders of one node drain the JDBC outbox (H2) to GreenMail together: every mail arrives once, and each
 * sender keeps its own SMTP connection, so the channel never opens more connections than there are senders; the first
 * sender, kept for mail that is not bulk, mails an answer while the others hold their batches of acknowledgements.
 */
class SeveralSendersTest {

    private static final int SENDERS = 4;
    private static final int MAILS = 2_000;
    private static final int ACKNOWLEDGEMENTS = 120;

    private final int port = TestMail.freePort();
    private final GreenMail server = TestMail.greenMail(port);
    private final MutableClock clock = new MutableClock(Fixtures.SEED_DAY);
    private final DispatchConfig settings = DispatchConfig.defaults().withSenders(SENDERS);
    private Injector injector;

    @AfterEach
    void stop() throws Exception {
        server.stop();
        if (injector != null) {
            ((SmtpNotificationChannel) injector.getInstance(NotificationChannel.class)).close();
            if (injector.getInstance(DataSource.class) instanceof Closeable pool) {
                pool.close();
            }
        }
    }

    @Test
    void four_senders_drain_two_thousand_mails_each_received_once_over_at_most_four_connections() throws Exception {
        server.start();
        try (ConnectionCountingProxy proxy = new ConnectionCountingProxy(port)) {
            injector = Guice.createInjector(Stage.PRODUCTION,
                    new JdbcModule(new JdbcConfig("jdbc:h2:mem:senders-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                            "sa", "")),
                    MailModule.smtp(TestMail.config(proxy.port()).connectionReuse(Duration.ofMinutes(1), MAILS)
                            .build()));
            NotificationOutbox outbox = injector.getInstance(NotificationOutbox.class);
            DispatchNotifications dispatch = new DispatchNotifications(outbox,
                    injector.getInstance(NotificationChannel.class), clock, settings.backoff(), settings.batchSize(),
                    settings.lease());
            List<Notification> mails = IntStream.range(0, MAILS)
                    .mapToObj(i -> sample(TemplateKey.REQUEST_RECEIVED, Fixtures.newRequester())).toList();

            try (BackgroundDispatcher dispatcher = BackgroundDispatcher.start(dispatch, settings.interval(),
                    settings.senders())) {
                outbox.enqueue(mails, clock.instant());
                assertTrue(server.waitForIncomingEmail(120_000, MAILS), server.getReceivedMessages().length
                        + " mails received");
            }

            List<String> recipients = new ArrayList<>();
            for (MimeMessage m : server.getReceivedMessages()) {
                for (Address a : m.getAllRecipients()) {
                    recipients.add(a.toString());
                }
            }
            assertEquals(MAILS, recipients.size());
            assertEquals(MAILS, new HashSet<>(recipients).size(), "a mail received twice");
            assertTrue(proxy.connections() <= SENDERS, proxy.connections() + " connections");
        }
    }

    @Test
    void an_answer_reaches_the_smtp_server_while_the_other_sender_holds_its_batch_of_acknowledgements()
            throws Exception {
        server.start();
        injector = Guice.createInjector(Stage.PRODUCTION, new JdbcModule(new JdbcConfig("jdbc:h2:mem:kept-"
                + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")), MailModule.smtp(TestMail.config(port).build()));
        NotificationOutbox outbox = injector.getInstance(NotificationOutbox.class);
        UnitOfWork unitOfWork = injector.getInstance(UnitOfWork.class);
        NotificationChannel smtp = injector.getInstance(NotificationChannel.class);
        CountDownLatch bulkHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        NotificationChannel heldBulk = entry -> {
            if (entry.notification().template().bulk()) {
                bulkHeld.countDown();
                await(release);
            }
            return smtp.deliver(entry);
        };
        DispatchConfig two = settings.withSenders(2);
        DispatchNotifications dispatch = new DispatchNotifications(outbox, heldBulk, clock, two.backoff(),
                two.batchSize(), two.lease());
        List<Notification> acknowledgements = IntStream.range(0, ACKNOWLEDGEMENTS)
                .mapToObj(i -> sample(TemplateKey.REQUEST_RECEIVED, Fixtures.newRequester())).toList();
        Person teacher = Fixtures.newRequester();

        try (BackgroundDispatcher dispatcher = BackgroundDispatcher.start(dispatch, two.interval(), two.senders())) {
            unitOfWork.run(() -> outbox.enqueue(acknowledgements, clock.instant()));
            assertTrue(bulkHeld.await(30, TimeUnit.SECONDS), "no sender took the acknowledgements");
            unitOfWork.run(() -> outbox.enqueue(List.of(sample(TemplateKey.ANSWER_POSTED, teacher)),
                    clock.instant()));

            assertTrue(server.waitForIncomingEmail(30_000, 1), "the answer waited for the acknowledgements");
            assertEquals(1, server.getReceivedMessages().length);
            assertTrue(TestMail.addressedTo(server.getReceivedMessages()[0], teacher.email()));
            release.countDown();
            assertTrue(server.waitForIncomingEmail(60_000, ACKNOWLEDGEMENTS + 1),
                    server.getReceivedMessages().length + " mails received");
        } finally {
            release.countDown();
        }
        assertEquals(ACKNOWLEDGEMENTS + 1, server.getReceivedMessages().length);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
