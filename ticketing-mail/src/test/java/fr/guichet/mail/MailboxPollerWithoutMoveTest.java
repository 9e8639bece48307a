package fr.guichet.mail;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.InboundMail;
import fr.guichet.core.application.MailReceipt;
import fr.guichet.core.domain.mail.LoggedMail;
import fr.guichet.core.testing.TestWorld;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mailbox poller on an IMAP server without {@code MOVE} (RFC 6851) but with {@code UIDPLUS}: GreenMail behind a
 * proxy hiding {@code MOVE}, the core over in-memory ports. Imported mail leaves the inbox by {@code UID COPY},
 * {@code UID STORE \Deleted} and {@code UID EXPUNGE} of those mails only; a mail whose import failed is neither
 * flagged nor expunged.
 */
class MailboxPollerWithoutMoveTest {

    private static final String DONE = "Guichet-traites";

    private final TestMailbox mailbox = new TestMailbox();
    private final TestWorld world = new TestWorld();
    private final CapabilityHidingProxy proxy = new CapabilityHidingProxy(mailbox.imapPort, List.of("MOVE"));

    MailboxPollerWithoutMoveTest() throws IOException {
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        mailbox.close();
    }

    private MailboxPoller poller(Function<InboundMail, MailReceipt> receive) {
        return new MailboxPoller(ImapConfig.builder("imap://127.0.0.1:" + proxy.port() + "/INBOX", TestMailbox.LOGIN,
                TestMailbox.PASSWORD).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)).build(), receive,
                world.ticketing.receiveMail()::keepUnreadable);
    }

    private MailboxPoller poller() {
        return poller(world.ticketing.receiveMail()::receive);
    }

    private void deliver(int mails) throws MessagingException {
        for (int i = 0; i < mails; i++) {
            mailbox.deliverRaw("From: marie.curie@ac-creteil.fr\r\nTo: guichet@ac-creteil.fr\r\nSubject: n° " + i
                    + "\r\nMessage-ID: <sans-move-" + i + "@ac-creteil.fr>\r\n\r\nMessage " + i + "\r\n");
        }
    }

    /** The commands the poller sent through the proxy that begin with {@code command}. */
    private List<String> sent(String command) {
        return proxy.commands().stream().filter(line -> line.startsWith(command + " ")).toList();
    }

    /** The UID sets of the commands beginning with {@code command} ({@code UID COPY 1:3 …} gives {@code 1:3}). */
    private List<String> sets(String command) {
        return sent(command).stream().map(line -> line.split(" ")[2]).toList();
    }

    /** How many mails {@code folder} holds, those flagged {@code \Deleted} included. */
    private int held(String folder) throws MessagingException {
        Store store = mailbox.store();
        store.connect(TestMailbox.LOGIN, TestMailbox.PASSWORD);
        try {
            return store.getFolder(folder).getMessageCount();
        } finally {
            store.close();
        }
    }

    private Set<String> logged() {
        return world.mailLog.all().stream().map(LoggedMail::messageKey).collect(Collectors.toSet());
    }

    private static Set<String> ids(List<MimeMessage> mails) throws MessagingException {
        Set<String> out = new HashSet<>();
        for (MimeMessage m : mails) {
            out.add(m.getMessageID());
        }
        return out;
    }

    private static boolean announces(int port, String capability) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.imap.host", "127.0.0.1");
        p.setProperty("mail.imap.port", String.valueOf(port));
        IMAPStore store = (IMAPStore) Session.getInstance(p).getStore("imap");
        store.connect(TestMailbox.LOGIN, TestMailbox.PASSWORD);
        try {
            return store.hasCapability(capability);
        } finally {
            store.close();
        }
    }

    @Test
    void the_proxy_hides_move_that_greenmail_announces_and_keeps_uidplus() throws Exception {
        assertAll(() -> assertTrue(announces(mailbox.imapPort, "MOVE")),
                () -> assertFalse(announces(proxy.port(), "MOVE")),
                () -> assertTrue(announces(proxy.port(), "UIDPLUS")));
    }

    @Test
    void a_polls_mails_are_imported_once_and_leave_the_inbox_by_one_uid_copy_store_and_expunge_never_a_move()
            throws Exception {
        deliver(4);

        assertEquals(new MailboxPoller.Poll(4, 0, 0, 0), poller().poll());

        assertEquals(4, world.mailLog.all().size());
        assertEquals(4, logged().size());
        assertEquals(0, held("INBOX"));
        assertEquals(Set.of("<sans-move-0@ac-creteil.fr>", "<sans-move-1@ac-creteil.fr>",
                "<sans-move-2@ac-creteil.fr>", "<sans-move-3@ac-creteil.fr>"), ids(mailbox.folder(DONE)));
        assertAll(() -> assertEquals(List.of(), sent("UID MOVE")),
                () -> assertEquals(List.of(), sent("MOVE")),
                () -> assertEquals(1, sets("UID COPY").size(), proxy.commands().toString()),
                () -> assertEquals(sets("UID COPY"), sets("UID STORE")),
                () -> assertEquals(sets("UID COPY"), sets("UID EXPUNGE")));

        assertEquals(new MailboxPoller.Poll(0, 0, 0, 0), poller().poll());
        assertEquals(4, world.mailLog.all().size());
        assertEquals(1, sent("UID COPY").size());
    }

    @Test
    void with_the_store_down_nothing_is_copied_flagged_nor_expunged() throws Exception {
        deliver(2);
        world.db.setDown(true);

        assertEquals(new MailboxPoller.Poll(0, 1, 0, 0), poller().poll());

        assertEquals(2, held("INBOX"));
        assertEquals(2, mailbox.folder("INBOX").size());
        assertEquals(0, held(DONE));
        assertAll(() -> assertEquals(List.of(), sent("UID COPY")),
                () -> assertEquals(List.of(), sent("UID STORE")),
                () -> assertEquals(List.of(), sent("UID EXPUNGE")),
                () -> assertEquals(List.of(), sent("EXPUNGE")));
    }

    @Test
    void mails_whose_import_failed_stay_in_the_inbox_unflagged_and_are_imported_at_the_next_poll() throws Exception {
        deliver(3);
        AtomicInteger imports = new AtomicInteger();
        MailboxPoller failingAfterOne = poller(mail -> {
            MailReceipt receipt = world.ticketing.receiveMail().receive(mail);
            if (imports.incrementAndGet() == 1) {
                world.db.setDown(true);
            }
            return receipt;
        });

        assertEquals(new MailboxPoller.Poll(1, 1, 0, 0), failingAfterOne.poll());

        assertEquals(Set.of("<sans-move-0@ac-creteil.fr>"), ids(mailbox.folder(DONE)));
        assertEquals(Set.of("<sans-move-1@ac-creteil.fr>", "<sans-move-2@ac-creteil.fr>"),
                ids(mailbox.folder("INBOX")));
        assertEquals(2, held("INBOX"));
        List<String> moved = sets("UID COPY");
        assertAll(() -> assertEquals(1, moved.size(), proxy.commands().toString()),
                () -> assertTrue(moved.get(0).matches("[0-9]+"), moved.get(0)),
                () -> assertEquals(moved, sets("UID STORE")),
                () -> assertEquals(moved, sets("UID EXPUNGE")),
                () -> assertEquals(List.of(), sent("EXPUNGE")));

        world.db.setDown(false);
        assertEquals(Set.of("sans-move-0@ac-creteil.fr"), logged());
        assertEquals(new MailboxPoller.Poll(2, 0, 0, 0), poller().poll());

        assertEquals(0, held("INBOX"));
        assertEquals(3, held(DONE));
        assertEquals(3, world.mailLog.all().size());
        assertEquals(3, logged().size());
        assertEquals(List.of(), sent("UID MOVE"));
        assertEquals(2, sent("UID EXPUNGE").size());
    }
}
