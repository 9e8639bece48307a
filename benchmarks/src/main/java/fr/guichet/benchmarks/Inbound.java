package fr.guichet.benchmarks;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.guichet.benchmarks.MailRoundTripWorkload.Filed;
import fr.guichet.core.application.ReceiveMail;
import fr.guichet.core.domain.mail.ReplyKeys;
import fr.guichet.core.domain.mail.ReplyTag;
import fr.guichet.mail.ImapConfig;
import fr.guichet.mail.MailboxPoller;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;

/**
 * The inbound half of workload 11: replies of requesters to the requests of the burst (a tag signed for them, a
 * quoted history), put in the helpdesk's mailbox of a GreenMail IMAP server; first fetched whole by plain Jakarta
 * Mail, one UID at a time, then all in one {@code UID FETCH} (the baselines: GreenMail's raw fetch rates), then
 * imported by {@link MailboxPoller} into {@link ReceiveMail} until the inbox is empty, each becoming a follow-up that
 * notifies staff.
 */
final class Inbound {

    static final ReplyKeys KEYS = ReplyKeys.of(List.of("clef-de-benchmark-0123456789"));
    private static final String LOGIN = "guichet";
    private static final String PASSWORD = "secret";
    private static final int PER_REQUESTER = 10;

    private Inbound() {
    }

    static void run(Results results, String workload, String kind, ReceiveMail receive, DataSource data,
            List<Filed> filed, int replies) throws Exception {
        int port = MailWorkload.freePort();
        GreenMail imap = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        try {
            imap.setUser("guichet@ac-creteil.fr", LOGIN, PASSWORD);
            Session session = Session.getInstance(new Properties());
            List<Filed> chosen = chosen(filed, replies);
            for (int i = 0; i < chosen.size(); i++) {
                imap.getUserManager().getUser(LOGIN).deliver(new MimeMessage(session, new ByteArrayInputStream(
                        reply(chosen.get(i), i).getBytes(StandardCharsets.UTF_8))));
            }
            String scenario = kind + ", " + chosen.size() + " replies by mail";
            double raw = rawFetch(port, chosen.size());
            results.add(workload, scenario, "plain IMAP fetch, one UID at a time", raw, "mails/s");
            double together = rawFetchTogether(port, chosen.size());
            results.add(workload, scenario, "plain IMAP fetch, all in one UID FETCH", together, "mails/s");
            Map<String, Integer> before = outcomes(data);
            long start = System.nanoTime();
            try (MailboxPoller poller = MailboxPoller.start(ImapConfig.builder("imap://127.0.0.1:" + port
                    + "/INBOX", LOGIN, PASSWORD).pollInterval(Duration.ofMillis(100)).build(), receive)) {
                awaitEmpty(imap);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            results.add(workload, scenario, "import by the IMAP poller", chosen.size() / seconds, "mails/s");
            results.add(workload, scenario, "import / plain fetch", chosen.size() / seconds / raw, "");
            results.add(workload, scenario, "import / plain fetch in one UID FETCH", chosen.size() / seconds
                    / together, "");
            Map<String, Integer> after = outcomes(data);
            after.forEach((outcome, n) -> results.add(workload, scenario, "mails " + outcome.toLowerCase(Locale.ROOT),
                    n - before.getOrDefault(outcome, 0), "mails"));
        } finally {
            imap.stop();
        }
    }

    /** Up to {@code replies} of the requests, at most ten by one requester, within the default rate limit. */
    private static List<Filed> chosen(List<Filed> filed, int replies) {
        Map<Object, Integer> by = new HashMap<>();
        List<Filed> chosen = new ArrayList<>();
        for (Filed f : filed) {
            if (chosen.size() < replies && by.merge(f.requester().id(), 1, Integer::sum) <= PER_REQUESTER) {
                chosen.add(f);
            }
        }
        return chosen;
    }

    private static String reply(Filed f, int i) {
        ReplyTag tag = KEYS.tag(f.number(), f.requester().email());
        return "From: " + f.requester().email().value() + "\r\n"
                + "To: " + tag.replyAddress(fr.guichet.core.domain.person.EmailAddress.of("guichet@ac-creteil.fr"))
                        .value() + "\r\n"
                + "Subject: RE: [Guichet] Votre demande " + f.number().display() + " " + tag.subjectMarker() + "\r\n"
                + "Message-ID: <reponse." + i + "." + UUID.randomUUID() + "@ac-creteil.fr>\r\n"
                + "In-Reply-To: <guichet.request." + f.number().display() + "@ac-creteil.fr>\r\n"
                + "Date: Sun, 6 Dec 2026 10:00:00 +0100\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n"
                + "Bonjour,\r\nle webmail fonctionne de nouveau depuis ce matin, merci (" + i + ").\r\n\r\n"
                + "Le 6 déc. 2026 à 09:12, Guichet a écrit :\r\n"
                + "> Bonjour,\r\n> votre demande " + f.number().display() + " a bien été reçue.\r\n"
                + "> Cordialement,\r\n> Guichet\r\n";
    }

    /** Mails per second of a plain client reading each mail whole ({@code UID FETCH BODY.PEEK[]}), one at a time. */
    private static double rawFetch(int port, int count) throws MessagingException, IOException {
        return rate(port, count, inbox -> {
            int read = 0;
            for (Message m : inbox.getMessages()) {
                m.writeTo(OutputStream.nullOutputStream());
                read++;
            }
            return read;
        });
    }

    /** Mails per second of a plain client reading every mail whole in one {@code UID FETCH 1:* BODY.PEEK[]}. */
    private static double rawFetchTogether(int port, int count) throws MessagingException, IOException {
        return rate(port, count, inbox -> (Integer) inbox.doCommand(p -> {
            Response[] responses = p.command("UID FETCH 1:* (UID BODY.PEEK[])", null);
            p.notifyResponseHandlers(responses);
            p.handleResult(responses[responses.length - 1]);
            return (int) Arrays.stream(responses).filter(r -> r instanceof FetchResponse f
                    && f.getItem(BODY.class) != null).count();
        }));
    }

    /** How {@link #rate} reads the inbox: answers how many mails it read whole. */
    @FunctionalInterface
    private interface Reading {
        int read(IMAPFolder inbox) throws MessagingException, IOException;
    }

    /** Mails per second of {@code reading} the {@code count} mails of the inbox, opened read-only beforehand. */
    private static double rate(int port, int count, Reading reading) throws MessagingException, IOException {
        Properties p = new Properties();
        p.setProperty("mail.imap.peek", "true");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", port, LOGIN, PASSWORD);
        try {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            long start = System.nanoTime();
            int read = reading.read(inbox);
            double seconds = (System.nanoTime() - start) / 1e9;
            inbox.close(false);
            if (read != count) {
                throw new IllegalStateException("read " + read + " of " + count + " mails");
            }
            return read / seconds;
        } finally {
            store.close();
        }
    }

    private static void awaitEmpty(GreenMail imap) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (imap.getManagers().getImapHostManager().getInbox(imap.getUserManager().getUser(LOGIN))
                .getMessageCount() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the inbox was not emptied within 5 minutes");
            }
            Thread.sleep(20);
        }
    }

    /** Inbound mail logged, by outcome. */
    private static Map<String, Integer> outcomes(DataSource data) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT outcome, COUNT(*) FROM inbound_mail GROUP BY outcome")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }
}
