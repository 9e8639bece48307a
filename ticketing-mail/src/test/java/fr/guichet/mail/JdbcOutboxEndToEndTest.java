package fr.guichet.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import com.icegreen.greenmail.util.GreenMail;
import fr.guichet.core.application.BackgroundDispatcher;
import fr.guichet.core.application.DispatchNotifications;
import fr.guichet.core.application.Ports;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.SupportGroup;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.MutableClock;
import fr.guichet.jdbc.JdbcConfig;
import fr.guichet.jdbc.JdbcModule;
import jakarta.mail.internet.MimeMessage;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end on the real parts: the core's use cases on the JDBC outbox of ticketing-jdbc (H2), the core's dispatcher
 * and the SMTP channel, wired by the two Guice modules, delivering to GreenMail.
 */
class JdbcOutboxEndToEndTest {

    private final int port = TestMail.freePort();
    private final GreenMail server = TestMail.greenMail(port);
    private final MutableClock clock = new MutableClock(Fixtures.SEED_DAY);
    private final DispatchConfig settings = new DispatchConfig(DispatchConfig.defaults().backoff(), 10,
            Duration.ofMinutes(1), Duration.ofMillis(50), 1);
    private Injector injector;
    private Ticketing ticketing;
    private DispatchNotifications dispatch;
    private final Person agent = Fixtures.agent();
    private final Person specialist = Fixtures.specialist();

    @BeforeEach
    void start() {
        server.start();
        injector = Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                install(new JdbcModule(new JdbcConfig("jdbc:h2:mem:mail-e2e-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1", "sa", "")));
                install(MailModule.smtp(TestMail.config(port).build()));
            }
        });
        PersonRegistry people = injector.getInstance(PersonRegistry.class);
        for (SupportGroup g : Fixtures.groups()) {
            people.saveGroup(g);
        }
        for (Person p : List.of(agent, specialist)) {
            people.save(p);
        }
        injector.getInstance(CatalogStore.class).replace(Fixtures.catalog());
        ticketing = Ticketing.builder(Ports.lookUpLocal(injector::getInstance)).clock(clock).build();
        dispatch = ticketing.dispatchNotifications(injector.getInstance(NotificationChannel.class), settings.backoff(),
                settings.batchSize(), settings.lease());
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        if (injector.getInstance(DataSource.class) instanceof Closeable pool) {
            pool.close();
        }
    }

    /** A fresh requester with a request filed, its filing's mails sent and the inboxes emptied. */
    private RequestNumber filedRequestOf(Person requester) throws Exception {
        injector.getInstance(PersonRegistry.class).save(requester);
        RequestNumber number = ticketing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), null)
                .details().request().summaryLine().number();
        dispatch.dispatchDue();
        server.purgeEmailFromAllMailboxes();
        return number;
    }

    @Test
    void a_use_case_that_fails_and_rolls_back_queues_no_mail() throws Exception {
        Person requester = Fixtures.newRequester();
        RequestNumber number = filedRequestOf(requester);
        UnitOfWork transaction = injector.getInstance(UnitOfWork.class);

        assertThrows(IllegalStateException.class, () -> transaction.run(() -> {
            ticketing.postMessage().post(agent, number, "Voici la réponse.", false, null);
            throw new IllegalStateException("the surrounding work fails after the answer");
        }));

        assertEquals(new DispatchNotifications.Report(0, 0, 0), dispatch.dispatchDue());
        assertEquals(0, server.getReceivedMessages().length);
        assertTrue(ticketing.viewRequest().view(agent, number).request().messages().isEmpty(), "the answer was rolled back");
    }

    @Test
    void a_use_case_that_commits_queues_exactly_its_mails() throws Exception {
        Person requester = Fixtures.newRequester();
        RequestNumber number = filedRequestOf(requester);

        ticketing.redirectRequest().redirect(agent, number, Fixtures.EVE, specialist.id(), "Pour Sam", null);
        DispatchNotifications.Report report = dispatch.dispatchDue();

        assertEquals(new DispatchNotifications.Report(2, 0, 0), report);
        assertEquals(2, server.getReceivedMessages().length);
        assertEquals(List.of("[Guichet " + number.display() + "] Demande redirigée : perte d'identifiant"),
                subjects(TestMail.receivedBy(server, requester.email())));
        assertEquals(List.of("[Guichet " + number.display() + "] Demande qui vous est confiée : perte d'identifiant"),
                subjects(TestMail.receivedBy(server, specialist.email())));
        assertEquals(new DispatchNotifications.Report(0, 0, 0), dispatch.dispatchDue());
    }

    @Test
    void a_public_answer_ends_in_one_mail_in_the_requesters_inbox() throws Exception {
        Person requester = Fixtures.newRequester();
        RequestNumber number = filedRequestOf(requester);

        BackgroundDispatcher background = BackgroundDispatcher.start(dispatch, settings.interval());
        try {
            ticketing.postMessage().post(agent, number, "Bonjour,\nvotre identifiant est réinitialisé.", false,
                    null);
            assertTrue(server.waitForIncomingEmail(10_000, 1));
        } finally {
            background.close();
        }

        List<MimeMessage> inbox = TestMail.receivedBy(server, requester.email());
        assertEquals(1, inbox.size());
        assertEquals(1, server.getReceivedMessages().length);
        MimeMessage mail = inbox.get(0);
        assertEquals("[Guichet " + number.display() + "] Réponse à votre demande : perte d'identifiant",
                mail.getSubject());
        String text = SmtpNotificationChannelTest.part(mail, "text/plain");
        assertTrue(text.contains("votre identifiant est réinitialisé."), text);
        assertTrue(text.contains("https://guichet.ac-creteil.fr/demandes/" + number.display()), text);
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
    }

    @Test
    void mails_held_by_a_node_that_stopped_go_after_the_default_lease_the_one_accepted_again_with_its_message_id()
            throws Exception {
        Person requester = Fixtures.newRequester();
        injector.getInstance(PersonRegistry.class).save(requester);
        ticketing.fileRequest().file(requester, Fixtures.seedDraft(), List.of(), null);
        NotificationOutbox outbox = injector.getInstance(NotificationOutbox.class);
        NotificationChannel smtp = injector.getInstance(NotificationChannel.class);
        DispatchConfig defaults = DispatchConfig.defaults();
        DispatchNotifications stopping = new DispatchNotifications(outbox, entry -> {
            smtp.deliver(entry);
            throw new NodeStopped();
        }, clock, defaults.backoff(), defaults.batchSize(), defaults.lease());
        DispatchNotifications survivor = new DispatchNotifications(outbox, smtp, clock, defaults.backoff(),
                defaults.batchSize(), defaults.lease());

        assertThrows(NodeStopped.class, stopping::dispatchDue);
        clock.advance(defaults.lease().minusSeconds(1));
        assertEquals(new DispatchNotifications.Report(0, 0, 0), survivor.dispatchDue());
        clock.advance(Duration.ofSeconds(1));
        DispatchNotifications.Report afterLease = survivor.dispatchDue();

        assertEquals(Duration.ofSeconds(60), defaults.lease());
        assertTrue(afterLease.sent() >= 2, afterLease.toString());
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            ids.add(m.getMessageID());
        }
        assertEquals(afterLease.sent() + 1, ids.size());
        assertEquals(ids.get(0), ids.get(1), "the mail accepted before the stop, sent again: " + ids);
        assertEquals(afterLease.sent(), new HashSet<>(ids).size(), ids.toString());
    }

    /** What a node's sudden end looks like to the dispatcher's thread: nothing after it runs. */
    private static final class NodeStopped extends Error {
    }

    private static List<String> subjects(List<MimeMessage> messages) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : messages) {
            subjects.add(m.getSubject());
        }
        return subjects;
    }
}
