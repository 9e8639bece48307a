package fr.guichet.mail;

import com.google.inject.Guice;
import com.google.inject.Stage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.port.NotificationChannel;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Shared test helpers: free ports, a GreenMail on one, the test configuration, reading what a server received. */
final class TestMail {

    static final String FROM = "guichet@ac-creteil.fr";
    static final String REPLY_TO = "assistance@ac-creteil.fr";
    static final String HELPDESK = "plateforme@ac-creteil.fr";
    static final String BASE_URL = "https://guichet.ac-creteil.fr/";

    private TestMail() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GreenMail SMTP server on {@code port} of the loopback, not started. */
    static GreenMail greenMail(int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    static MailConfig.Builder config(int port) {
        return MailConfig.builder("127.0.0.1", FROM, "Guichet d'assistance", BASE_URL).port(port)
                .replyTo(REPLY_TO).helpdeskAddresses(HELPDESK)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    static NotificationChannel smtp(MailConfig config) {
        return Guice.createInjector(Stage.PRODUCTION, MailModule.smtp(config)).getInstance(NotificationChannel.class);
    }

    static NotificationChannel files(Path folder, MailConfig config) {
        return Guice.createInjector(Stage.PRODUCTION, MailModule.files(folder, config))
                .getInstance(NotificationChannel.class);
    }

    /** The messages GreenMail received for {@code recipient}. */
    static List<MimeMessage> receivedBy(GreenMail server, EmailAddress recipient) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, recipient)).toList();
    }

    static boolean addressedTo(MimeMessage message, EmailAddress recipient) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress()
                    .equalsIgnoreCase(recipient.value()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
