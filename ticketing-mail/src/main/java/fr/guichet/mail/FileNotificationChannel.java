package fr.guichet.mail;

import fr.guichet.core.domain.notification.DeliveryResult;
import fr.guichet.core.domain.notification.OutboxEntry;
import fr.guichet.core.port.NotificationChannel;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Writes each notification's mail, exactly as SMTP would send it, to {@code <folder>/<entry id>.eml}; a resend
 * replaces the file rather than adding one, and a reader never sees a half-written file. For servers with no SMTP.
 * Thread-safe.
 */
final class FileNotificationChannel implements NotificationChannel {

    private static final System.Logger LOG = System.getLogger(FileNotificationChannel.class.getName());

    private final Path folder;
    private final MailComposer composer;
    private final Session session = Session.getInstance(new Properties());

    FileNotificationChannel(Path folder, MailComposer composer) {
        this.folder = folder;
        this.composer = composer;
    }

    /** Where the mail of the entry {@code id} is written. */
    Path fileOf(OutboxEntry entry) {
        return folder.resolve(entry.id() + ".eml");
    }

    @Override
    public DeliveryResult deliver(OutboxEntry entry) {
        MimeMessage message;
        try {
            message = composer.mailOf(entry, session);
        } catch (MailComposer.Undeliverable e) {
            return e.failure();
        }
        Path target = fileOf(entry);
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, entry.id() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                message.writeTo(out);
            }
            move(temporary, target);
            return DeliveryResult.delivered();
        } catch (IOException | MessagingException e) {
            deleteQuietly(temporary);
            return DeliveryResult.transientFailure("cannot write " + target + ": " + e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot delete the temporary mail file " + path, e);
        }
    }
}
