package fr.guichet.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A GreenMail with SMTP and IMAP on free loopback ports, the helpdesk's mailbox {@code guichet@ac-creteil.fr}
 * (login {@code guichet}) in it: sends mails over SMTP, reads its folders over IMAP as another client would.
 */
final class TestMailbox implements AutoCloseable {

    static final String ADDRESS = "guichet@ac-creteil.fr";
    static final String LOGIN = "guichet";
    static final String PASSWORD = "secret";

    final int smtpPort = TestMail.freePort();
    final int imapPort = TestMail.freePort();
    final GreenMail server = new GreenMail(new ServerSetup[] {
        new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
    private final Session session;

    TestMailbox() {
        server.start();
        server.setUser(ADDRESS, LOGIN, PASSWORD);
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(smtpPort));
        p.setProperty("mail.imap.host", "127.0.0.1");
        p.setProperty("mail.imap.port", String.valueOf(imapPort));
        session = Session.getInstance(p);
    }

    /** The poller configuration of the helpdesk's mailbox, polling every {@code interval}. */
    ImapConfig.Builder config(Duration interval) {
        return ImapConfig.builder("imap://127.0.0.1:" + imapPort + "/INBOX", LOGIN, PASSWORD)
                .pollInterval(interval).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** A new, empty message of the test session, whose Message-ID, when set, is kept on sending. */
    MimeMessage message() {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (getHeader("Message-ID") == null) {
                    super.updateMessageID();
                }
            }
        };
    }

    /** Puts the mail {@code raw} (CRLF line breaks) in the helpdesk's inbox as it is, without SMTP. */
    void deliverRaw(String raw) throws MessagingException {
        server.getUserManager().getUser(LOGIN).deliver(new MimeMessage(session,
                new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    /** Sends {@code message} over SMTP to the envelope recipients {@code to}, whatever its headers say. */
    void send(MimeMessage message, String... to) throws MessagingException {
        Address[] recipients = new Address[to.length];
        for (int i = 0; i < to.length; i++) {
            recipients[i] = new InternetAddress(to[i]);
        }
        message.saveChanges();
        Transport.send(message, recipients);
    }

    /** A new, unconnected IMAP store on the test server. */
    Store store() throws MessagingException {
        return session.getStore("imap");
    }

    /** The messages of {@code folder} of the helpdesk's mailbox (none when it does not exist), read in full. */
    List<MimeMessage> folder(String name) throws MessagingException {
        return folder(LOGIN, PASSWORD, name);
    }

    /** The messages of {@code folder} of {@code login}'s mailbox (none when it does not exist), read in full. */
    List<MimeMessage> folder(String login, String password, String name) throws MessagingException {
        Store store = session.getStore("imap");
        store.connect(login, password);
        try {
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            try {
                List<MimeMessage> out = new ArrayList<>();
                for (Message m : folder.getMessages()) {
                    if (!m.isSet(jakarta.mail.Flags.Flag.DELETED)) {
                        out.add(new MimeMessage((MimeMessage) m));
                    }
                }
                return out;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** Moves every message of the inbox to {@code target}, as another node polling the mailbox would. */
    void moveAll(String target) throws MessagingException {
        Store store = session.getStore("imap");
        store.connect(LOGIN, PASSWORD);
        try {
            Folder to = store.getFolder(target);
            if (!to.exists()) {
                to.create(Folder.HOLDS_MESSAGES);
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] all = inbox.getMessages();
            inbox.copyMessages(all, to);
            for (Message m : all) {
                m.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
            }
            inbox.close(true);
        } finally {
            store.close();
        }
    }

    /**
     * Polls with {@code node} until the inbox is empty, four polls at most, as the scheduled poller would. GreenMail
     * drops the session that moves a mail another session has just moved, where a real server answers NO, so a race
     * between two nodes may end a poll early; the next poll takes up what is left.
     */
    void drainWith(MailboxPoller node) {
        for (int poll = 0; poll < 4 && waiting() != 0; poll++) {
            try {
                node.poll();
            } catch (MessagingException dropped) {
                continue;
            }
        }
    }

    /** How many mails the helpdesk's inbox holds, counted without reading them; -1 when it cannot be read now. */
    private int waiting() {
        try {
            Store store = store();
            store.connect(LOGIN, PASSWORD);
            try {
                return store.getFolder("INBOX").getMessageCount();
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
