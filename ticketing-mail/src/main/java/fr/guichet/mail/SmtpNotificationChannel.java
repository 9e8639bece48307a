package fr.guichet.mail;

import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.port.NotificationChannel;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends each notification as one mail over SMTP with Jakarta Mail, one connection per mail, and says how it went
 * (see {@link SmtpFailures}); a recipient that is the helpdesk itself is a permanent failure, never a mail.
 * Thread-safe.
 */
final class SmtpNotificationChannel implements NotificationChannel {

    private static final System.Logger LOG = System.getLogger(SmtpNotificationChannel.class.getName());

    private final MailConfig config;
    private final MailComposer composer;
    private final Session session;

    SmtpNotificationChannel(MailConfig config, MailComposer composer) {
        this.config = config;
        this.composer = composer;
        this.session = Session.getInstance(properties(config));
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
        return p;
    }

    @Override
    public DeliveryResult deliver(OutboxEntry entry) {
        Optional<String> refusal = composer.refusal(entry);
        if (refusal.isPresent()) {
            return DeliveryResult.permanentFailure(refusal.get());
        }
        MimeMessage message;
        try {
            message = composer.compose(entry, session);
        } catch (MessagingException | RuntimeException e) {
            return DeliveryResult.permanentFailure("message cannot be built: " + SafeText.header(String.valueOf(
                    e.getMessage())));
        }
        Transport transport = null;
        try {
            transport = session.getTransport();
            transport.connect(config.host(), config.port(), config.username(), config.password());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            return SmtpFailures.classify(e);
        } finally {
            closeQuietly(transport);
        }
        return DeliveryResult.delivered();
    }

    private static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            LOG.log(Level.DEBUG, "closing the SMTP connection failed after the mail was handed over", e);
        }
    }
}
