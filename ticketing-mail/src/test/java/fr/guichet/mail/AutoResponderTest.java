package fr.guichet.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.application.BackgroundDispatcher;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.NotificationChannel;
import fr.guichet.core.testing.Fixtures;
import fr.guichet.core.testing.TestWorld;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Auto-responders answering every mail they receive run against Guichet for a minute, on real servers (GreenMail
 * SMTP and IMAP) with short polls: one pair (a teacher and the staff member handling their request) whose answers
 * say {@code Auto-Submitted: auto-replied}, one naive pair whose answers carry no header at all and go to the
 * Reply-To with "Re: …". Guichet never answers the first; the second would bounce between the two people through
 * Guichet for ever, and it stops after one round: each side's second answer repeats its first, which Guichet
 * ignores. The mails each side sent stay bounded.
 */
class AutoResponderTest {

    private static final Duration RUN = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);
    /** The mails one round gives each naive side at most: Guichet's first mail and the other side's answer. */
    private static final int ROUND = 2;

    private final TestMailbox mailbox = new TestMailbox();
    private final TestWorld world = new TestWorld();
    private final Ticketing ticketing = Ticketing.builder(world.ports()).clock(world.clock)
            .replyKeys(MailRoundTripTest.KEYS).ownAddresses(Set.of(EmailAddress.of(TestMailbox.ADDRESS))).build();
    private final NotificationChannel channel = TestMail.smtp(MailConfig.builder("127.0.0.1", TestMailbox.ADDRESS,
            "Guichet d'assistance", TestMail.BASE_URL).port(mailbox.smtpPort).replyKeys(MailRoundTripTest.KEYS)
            .build());

    @AfterEach
    void stop() {
        mailbox.close();
    }

    /** Someone's mailbox that answers every mail it receives, on a thread of its own. */
    private final class Responder implements Runnable {
        private final Person person;
        private final boolean marksItsAnswers;
        private final AtomicInteger sent = new AtomicInteger();
        private volatile boolean stopped;
        private volatile Exception failure;

        Responder(Person person, boolean marksItsAnswers) {
            this.person = person;
            this.marksItsAnswers = marksItsAnswers;
            mailbox.server.setUser(person.email().value(), person.email().value(), TestMailbox.PASSWORD);
        }

        @Override
        public void run() {
            try {
                while (!stopped) {
                    answerAll();
                    Thread.sleep(POLL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (MessagingException | RuntimeException e) {
                failure = e;
            }
        }

        private void answerAll() throws MessagingException {
            Store store = mailbox.store();
            store.connect(person.email().value(), TestMailbox.PASSWORD);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                for (Message received : inbox.getMessages()) {
                    answer((MimeMessage) received);
                    received.setFlag(Flags.Flag.DELETED, true);
                }
                inbox.close(true);
            } finally {
                store.close();
            }
        }

        private void answer(MimeMessage received) throws MessagingException {
            MimeMessage answer = mailbox.message();
            answer.setFrom(new InternetAddress(person.email().value()));
            InternetAddress to = (InternetAddress) (received.getReplyTo() != null ? received.getReplyTo()
                    : received.getFrom())[0];
            answer.setRecipient(Message.RecipientType.TO, to);
            answer.setSubject("Re: " + received.getSubject(), "UTF-8");
            answer.setText("Je suis absent jusqu'au 15 septembre.", "UTF-8");
            if (marksItsAnswers) {
                answer.setHeader("Auto-Submitted", "auto-replied");
                answer.setHeader("In-Reply-To", received.getMessageID());
            }
            mailbox.send(answer, to.getAddress().replaceFirst("\\+[^@]*@", "@"));
            sent.incrementAndGet();
        }
    }

    /** A teacher's request handled by a new staff member of its group, both answering every mail. */
    private List<Responder> pair(boolean marksItsAnswers) {
        Person teacher = Fixtures.newRequester();
        world.people.save(teacher);
        RequestNumber number = ticketing.fileRequest().file(teacher, Fixtures.seedDraft(), List.of(), null)
                .details().request().summaryLine().number();
        Person staff = Fixtures.newStaff(world.requests.find(number).orElseThrow().summaryLine().assignedGroup());
        world.people.save(staff);
        ticketing.takeRequest().take(staff, number, null);
        return List.of(new Responder(teacher, marksItsAnswers), new Responder(staff, marksItsAnswers));
    }

    /** The mails Guichet queued for {@code responder}'s person, all sent by its dispatcher. */
    private int guichetMailsTo(Responder responder) {
        return (int) world.outbox.all().stream()
                .filter(e -> e.notification().recipient().equals(responder.person.email())).count();
    }

    @Test
    void auto_responders_answering_guichet_for_a_minute_send_and_receive_a_bounded_number_of_mails()
            throws Exception {
        List<Responder> marked = pair(true);
        List<Responder> naive = pair(false);
        List<Responder> all = new ArrayList<>(marked);
        all.addAll(naive);
        List<Thread> threads = new ArrayList<>();
        for (Responder r : all) {
            Thread t = new Thread(r, "auto-responder " + r.person.email().value());
            t.start();
            threads.add(t);
        }
        try (BackgroundDispatcher dispatcher = BackgroundDispatcher.start(ticketing.dispatchNotifications(channel,
                DispatchConfig.defaults().backoff(), 50, Duration.ofMinutes(1)), POLL);
                MailboxPoller poller = MailboxPoller.start(mailbox.config(POLL).build(), ticketing.receiveMail())) {
            Thread.sleep(RUN.toMillis());
            all.forEach(r -> r.stopped = true);
            for (Thread t : threads) {
                t.join();
            }
        }

        for (Responder r : all) {
            assertEquals(null, r.failure, r.person.email().value());
            System.out.printf("%s (%s): Guichet mailed %d, it answered %d%n", r.person.email().value(),
                    r.marksItsAnswers ? "Auto-Submitted" : "naive", guichetMailsTo(r), r.sent.get());
        }
        int markedReceived = marked.stream().mapToInt(this::guichetMailsTo).sum();
        int markedSent = marked.stream().mapToInt(r -> r.sent.get()).sum();
        assertTrue(markedReceived <= 3, "Guichet mailed the pair whose answers are marked " + markedReceived
                + " times: only the acknowledgement and the staff's mails about the new request, never an answer");
        assertTrue(markedSent <= markedReceived, markedSent + " answers to " + markedReceived + " mails");
        for (Responder r : naive) {
            assertTrue(r.sent.get() >= 1, r.person.email().value() + " answered: the naive pair's loop ran");
            assertTrue(r.sent.get() <= ROUND, r.person.email().value() + " sent " + r.sent.get());
            assertTrue(guichetMailsTo(r) <= ROUND, r.person.email().value() + " received " + guichetMailsTo(r));
        }
    }
}
