package fr.guichet.mail;

import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.mail.SmtpConnections.Connection;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.lang.System.Logger.Level;
import java.util.Properties;

/**
 * Sends each notification as one mail over SMTP with Jakarta Mail, reusing connections (see {@link SmtpConnections}),
 * and says how it went (see {@link SmtpFailures}); a recipient that is the helpdesk itself is a permanent failure,
 * never a mail. A mail whose reused connection turns out to have been dropped by the server (idle timeout, 421,
 * network) is sent once more over a new connection before a failure is answered. Thread-safe; once closed, every
 * delivery is a transient failure.
 */
final class SmtpNotificationChannel implements NotificationChannel, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SmtpNotificationChannel.class.getName());

    private final MailComposer composer;
    private final Session session;
    private final SmtpConnections connections;

    SmtpNotificationChannel(MailConfig config, MailComposer composer) {
        this.composer = composer;
        this.session = Session.getInstance(properties(config));
        this.connections = new SmtpConnections(config, session);
    }

    /** The Jakarta Mail session properties for {@code config}. */
    static Properties properties(MailConfig config) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", config.host());
        p.setProperty("mail.smtp.port", String.valueOf(config.port()));
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(config.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", String.valueOf(config.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(config.writeTimeout().toMillis()));
        p.setProperty("mail.smtp.from", config.from().value());
        p.setProperty("mail.smtp.auth", String.valueOf(config.user().isPresent()));
        switch (config.security()) {
            case STARTTLS -> {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SSL -> {
                p.setProperty("mail.smtp.ssl.enable", "true");
                p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
            }
        }
        config.trust().ifPresent(trust -> p.put("mail.smtp.ssl.socketFactory", trust.socketFactory()));
        return p;
    }

    @Override
    public DeliveryResult deliver(OutboxEntry entry) {
        MimeMessage message;
        try {
            message = composer.mailOf(entry, session);
        } catch (MailComposer.Undeliverable e) {
            return e.failure();
        }
        try {
            return send(message, connections.take());
        } catch (MessagingException e) {
            return SmtpFailures.classify(e);
        }
    }

    private DeliveryResult send(MimeMessage message, Connection connection) throws MessagingException {
        boolean reused = connection.reused();
        try {
            connection.send(message);
        } catch (MessagingException e) {
            DeliveryResult failure = SmtpFailures.classify(e);
            if (connection.alive()) {
                connections.giveBack(connection);
                return failure;
            }
            connection.close();
            if (!reused || failure instanceof DeliveryResult.PermanentFailure) {
                return failure;
            }
            LOG.log(Level.DEBUG, "the SMTP connection was dropped ({0}); sending again over a new one", failure);
            return send(message, connections.open());
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        connections.giveBack(connection);
        return DeliveryResult.delivered();
    }

    /** Closes the idle connections now and the busy ones when their mail is sent. */
    @Override
    public void close() {
        connections.close();
    }
}
