package fr.guichet.examples;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A GreenMail SMTP server on one port of the loopback that can be stopped and started again on the same port,
 * remembering what every run received (GreenMail forgets it on stop). Started and stopped by one thread; read by any.
 */
final class MailSink implements AutoCloseable {

    /** One received mail, by the headers the checks read. */
    record Mail(String messageId, String recipient, String subject) {
    }

    final int port;
    private final List<Managers> received = new CopyOnWriteArrayList<>();
    private GreenMail server;

    private MailSink(int port) {
        this.port = port;
    }

    /** A sink listening on a free port. */
    static MailSink start() {
        MailSink sink = new MailSink(ServerNode.freePort());
        sink.resume();
        return sink;
    }

    /** Stops listening: connections are refused until {@link #resume()}. */
    void pause() {
        server.stop();
    }

    /** Listens again on the same port. */
    void resume() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        received.add(server.getManagers());
    }

    /** Every mail received since the sink started, over all its runs. */
    List<Mail> received() {
        return received.stream().flatMap(run -> run.getImapHostManager().getAllMessages().stream())
                .map(stored -> mail(stored.getMimeMessage())).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static Mail mail(MimeMessage message) {
        try {
            return new Mail(message.getMessageID(),
                    ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress(),
                    message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException("GreenMail holds a mail it cannot read", e);
        }
    }
}
