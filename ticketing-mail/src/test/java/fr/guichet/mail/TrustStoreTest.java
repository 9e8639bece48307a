package fr.guichet.mail;

import static fr.guichet.core.contract.NotificationChannelContract.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.guichet.core.application.MailReceipt;
import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.testing.Fixtures;
import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLS to mail servers whose certificate the JVM does not trust (GreenMail's SMTPS and IMAPS): refused with the JVM's
 * trust store, accepted with a configured one that holds the certificate, the server's name still checked.
 */
class TrustStoreTest {

    static {
        ServerCertificate.install();
    }

    private final int smtps = TestMail.freePort();
    private final int imaps = TestMail.freePort();
    private final GreenMail server = new GreenMail(new ServerSetup[] {
        new ServerSetup(smtps, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS),
        new ServerSetup(imaps, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS)});

    @BeforeEach
    void start() {
        server.start();
        server.setUser("guichet@ac-creteil.fr", "guichet", "secret");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void greenmail_serves_the_certificate_made_for_the_loopback() {
        assertTrue(ServerCertificate.servedByGreenMail());
    }

    @Test
    void smtps_is_refused_without_the_trust_store_and_carries_mail_with_it() {
        Person to = Fixtures.newRequester();
        MailConfig.Builder config = TestMail.config(smtps).security(MailConfig.Security.SSL);

        NotificationChannel untrusting = TestMail.smtp(config.build());
        assertInstanceOf(DeliveryResult.TransientFailure.class,
                untrusting.deliver(OutboxEntry.queued(sample(TemplateKey.REQUEST_RECEIVED, to), Instant.now())));
        assertEquals(0, TestMail.receivedBy(server, to.email()).size());

        NotificationChannel trusting = TestMail.smtp(config.trustStore(ServerCertificate.trustStore("s3cret")).build());
        assertInstanceOf(DeliveryResult.Delivered.class,
                trusting.deliver(OutboxEntry.queued(sample(TemplateKey.REQUEST_RECEIVED, to), Instant.now())));
        assertEquals(1, TestMail.receivedBy(server, to.email()).size());
    }

    @Test
    void imaps_is_refused_without_the_trust_store_and_read_with_it() throws MessagingException {
        ImapConfig.Builder config = ImapConfig.builder("imaps://127.0.0.1:" + imaps + "/INBOX", "guichet", "secret")
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

        MailboxPoller untrusting = new MailboxPoller(config.build(), mail -> receipt(), (mail, reason) -> receipt());
        assertThrows(MessagingException.class, untrusting::poll);

        MailboxPoller trusting = new MailboxPoller(config.trustStore(ServerCertificate.trustStore("s3cret")).build(),
                mail -> receipt(), (mail, reason) -> receipt());
        assertEquals(new MailboxPoller.Poll(0, 0, 0, 0), trusting.poll());
    }

    @Test
    void a_trust_store_that_cannot_be_read_stops_the_configuration_naming_the_file() {
        TrustStore missing = TrustStore.of(Path.of("/nonexistent/trust.p12"), "changeit");
        IllegalArgumentException smtp = assertThrows(IllegalArgumentException.class, () -> SmtpNotificationChannel
                .properties(TestMail.config(smtps).security(MailConfig.Security.STARTTLS).trustStore(missing).build()));
        assertTrue(smtp.getMessage().contains("/nonexistent/trust.p12"), smtp.getMessage());
        IllegalArgumentException imap = assertThrows(IllegalArgumentException.class, () -> new MailboxPoller(
                ImapConfig.builder("imaps://127.0.0.1:" + imaps, "guichet", "secret").trustStore(missing).build(),
                mail -> receipt(), (mail, reason) -> receipt()));
        assertTrue(imap.getMessage().contains("/nonexistent/trust.p12"), imap.getMessage());
    }

    private static MailReceipt receipt() {
        return new MailReceipt(MailReceipt.Outcome.IGNORED, Optional.empty(), "test");
    }
}
