package fr.guichet.benchmarks;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Stage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.guichet.core.application.BackgroundDispatcher;
import fr.guichet.core.application.DispatchNotifications;
import fr.guichet.core.application.Ports;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.notification.Backoff;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.notification.TemplateKey;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.jdbc.JdbcModule;
import fr.guichet.mail.DispatchConfig;
import fr.guichet.mail.MailConfig;
import fr.guichet.mail.MailModule;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import javax.sql.DataSource;

/**
 * Workload 4: the core's dispatcher, with the JDBC outbox and the SMTP channel, draining queued mails to a local
 * GreenMail; baselines: plain Jakarta Mail sending as many mails of the same size to the same server, one connection
 * per mail, then over one reused connection (the channel reuses its connection up to 100 mails).
 */
final class MailWorkload {

    static final String NAME = "4 mail dispatch";

    private static final List<Integer> SENDERS = List.of(1, 4);
    private static final int IDLE_SAMPLES = 200;
    private static final int BACKLOG = 55;
    private static final int BACKLOG_ROUNDS = 5;
    static final String ANSWERED_DOMAIN = "reponses.ac-creteil.fr";

    private MailWorkload() {
    }

    static void run(RunSettings settings, Results results) throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            results.note(NAME, settings.mails() + " mails queued in the outbox, then DispatchNotifications.dispatchDue "
                    + "(batches of 50) until all are sent, by one sender then again by " + SENDERS.get(1)
                    + " senders at once; GreenMail on 127.0.0.1 in the same JVM.");
            for (String kind : settings.databases()) {
                double rate = dispatch(settings, results, kind, port, smtp);
                results.check(NAME, kind + ": " + settings.mails() + " mails drained, none lost", rate > 0,
                        String.format(Locale.ROOT, "%.0f mails/s", rate));
                smtp.purgeEmailFromAllMailboxes();
            }
            for (boolean reuse : List.of(false, true)) {
                double rate = baseline(settings.mails(), port, reuse, smtp);
                results.add(NAME, reuse ? "plain Jakarta Mail, one reused connection"
                        : "plain Jakarta Mail, one connection per mail", "throughput", rate, "mails/s");
                smtp.purgeEmailFromAllMailboxes();
            }
            for (String kind : settings.databases()) {
                double ratio = results.value(NAME, kind + ", dispatcher", "throughput")
                        / results.value(NAME, "plain Jakarta Mail, one connection per mail", "throughput");
                results.add(NAME, kind + ", dispatcher", "ratio to one connection per mail", ratio, "");
            }
        } finally {
            smtp.stop();
        }
    }

    private static double dispatch(RunSettings settings, Results results, String kind, int port, GreenMail smtp)
            throws Exception {
        try (Database db = Database.create(kind)) {
            Injector injector = injector(db, 4, port, 1);
            try {
                NotificationOutbox outbox = injector.getInstance(NotificationOutbox.class);
                UnitOfWork unitOfWork = injector.getInstance(UnitOfWork.class);
                DispatchNotifications dispatcher = injector.getInstance(DispatchNotifications.class);
                boolean drained = true;
                double rate = 0;
                for (int senders : SENDERS) {
                    String label = kind + ", dispatcher" + (senders == 1 ? "" : ", " + senders + " senders");
                    long queueStart = System.nanoTime();
                    for (int from = 0; from < settings.mails(); from += 500) {
                        List<Notification> batch = new ArrayList<>();
                        for (int i = from; i < Math.min(settings.mails(), from + 500); i++) {
                            batch.add(notification(i));
                        }
                        unitOfWork.run(() -> outbox.enqueue(batch, Instant.now()));
                    }
                    results.add(NAME, label + ", queueing", "time", (System.nanoTime() - queueStart) / 1e9, "s");
                    long start = System.nanoTime();
                    DispatchNotifications.Report report = drain(dispatcher, senders);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    int received = smtp.getReceivedMessages().length;
                    int other = report.retried() + report.failed();
                    results.add(NAME, label, "drain time", seconds, "s");
                    results.add(NAME, label, "throughput", report.sent() / seconds, "mails/s");
                    results.add(NAME, label, "sent", report.sent(), "mails");
                    results.add(NAME, label, "retried or failed", other, "mails");
                    results.add(NAME, label, "received by GreenMail", received, "mails");
                    drained &= report.sent() == settings.mails() && received == settings.mails() && other == 0;
                    rate = senders == 1 ? report.sent() / seconds : rate;
                    smtp.purgeEmailFromAllMailboxes();
                }
                latency(results, kind, injector, smtp);
                return drained ? rate : 0;
            } finally {
                ((AutoCloseable) injector.getInstance(DataSource.class)).close();
            }
        }
    }

    /**
     * The core's use cases on {@code ticketing-jdbc} over {@code db} (a pool of {@code poolSize}), mailing through the
     * SMTP channel to 127.0.0.1:{@code port}, its dispatcher claiming batches of 50 for {@code senders} senders.
     */
    static Injector injector(Database db, int poolSize, int port, int senders) {
        MailConfig config = MailConfig.builder("127.0.0.1", "guichet@ac-creteil.fr", "Guichet",
                "http://127.0.0.1:8080").port(port).build();
        return Guice.createInjector(Stage.PRODUCTION, new JdbcModule(db.config(poolSize)),
                MailModule.smtp(config), MailModule.dispatcher(new DispatchConfig(Backoff.standard(), 50,
                        Duration.ofMinutes(5), Duration.ofSeconds(10), senders)), new AbstractModule() {
                            @Provides
                            Ticketing ticketing(Injector local) {
                                return Ticketing.builder(Ports.lookUpLocal(local::getInstance))
                                        .replyKeys(Inbound.KEYS).build();
                            }
                        });
    }

    /**
     * Runs {@code senders} threads that each call {@link DispatchNotifications#dispatchDue} until a run finds nothing,
     * as the senders of {@link BackgroundDispatcher} do, and adds up their reports.
     */
    private static DispatchNotifications.Report drain(DispatchNotifications dispatcher, int senders)
            throws Exception {
        Callable<DispatchNotifications.Report> sender = () -> {
            int sent = 0;
            int retried = 0;
            int failed = 0;
            while (true) {
                DispatchNotifications.Report run = dispatcher.dispatchDue();
                if (run.sent() + run.retried() + run.failed() == 0) {
                    return new DispatchNotifications.Report(sent, retried, failed);
                }
                sent += run.sent();
                retried += run.retried();
                failed += run.failed();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            int sent = 0;
            int retried = 0;
            int failed = 0;
            for (Future<DispatchNotifications.Report> f : pool.invokeAll(Collections.nCopies(senders, sender))) {
                sent += f.get().sent();
                retried += f.get().retried();
                failed += f.get().failed();
            }
            return new DispatchNotifications.Report(sent, retried, failed);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * From the commit of a unit of work that queues one answer to GreenMail's receipt of it (the SMTP server's 250),
     * with the background dispatcher running on its 10-second poll: on an idle queue, one answer at a time; then
     * behind a backlog, one answer committed right after 55 acknowledgements committed one by one, as a burst of
     * filings queues them, timed to the answer's own receipt.
     */
    private static void latency(Results results, String kind, Injector injector, GreenMail smtp) throws Exception {
        NotificationOutbox outbox = injector.getInstance(NotificationOutbox.class);
        UnitOfWork unitOfWork = injector.getInstance(UnitOfWork.class);
        Latencies idle = new Latencies();
        Latencies behindBacklog = new Latencies();
        smtp.purgeEmailFromAllMailboxes();
        try (BackgroundDispatcher background = BackgroundDispatcher.start(
                injector.getInstance(DispatchNotifications.class), Duration.ofSeconds(10))) {
            for (int i = 0; i < IDLE_SAMPLES; i++) {
                int before = smtp.getReceivedMessages().length;
                Notification answer = notification(i);
                unitOfWork.run(() -> outbox.enqueue(List.of(answer), Instant.now()));
                long committed = System.nanoTime();
                awaitReceived(() -> smtp.getReceivedMessages().length, before + 1);
                idle.recordNanos(System.nanoTime() - committed);
            }
            for (int round = 0; round < BACKLOG_ROUNDS; round++) {
                for (int i = 0; i < BACKLOG; i++) {
                    Notification acknowledgement = acknowledgement(i);
                    unitOfWork.run(() -> outbox.enqueue(List.of(acknowledgement), Instant.now()));
                }
                Notification answer = answerTo(round);
                unitOfWork.run(() -> outbox.enqueue(List.of(answer), Instant.now()));
                long committed = System.nanoTime();
                awaitReceived(() -> smtp.getReceivedMessagesForDomain(ANSWERED_DOMAIN).length, round + 1);
                behindBacklog.recordNanos(System.nanoTime() - committed);
                awaitReceived(() -> smtp.getReceivedMessages().length, IDLE_SAMPLES + (round + 1) * (BACKLOG + 1));
            }
        }
        idle.report(results, NAME, kind + ", commit to 250, idle queue", false);
        behindBacklog.report(results, NAME, kind + ", commit to 250, answer after " + BACKLOG
                + " acknowledgements", false);
        results.check(NAME, kind + ": p99 from commit to 250 under 1 s on an idle queue", idle.millisAt(99) < 1_000,
                String.format(Locale.ROOT, "p99 %.1f ms over %d mails", idle.millisAt(99), IDLE_SAMPLES));
    }

    /** The answer that follows a burst of acknowledgements goes to a domain of its own, to be told apart. */
    static Notification answerTo(int round) {
        Notification n = notification(round);
        return new Notification(n.template(), EmailAddress.of("enseignant" + round + "@" + ANSWERED_DOMAIN),
                n.recipientName(), n.request(), n.data());
    }

    /** The acknowledgement of a filing, as FileRequest queues it: bulk mail. */
    private static Notification acknowledgement(int i) {
        Notification n = notification(i);
        return new Notification(TemplateKey.REQUEST_RECEIVED, n.recipient(), n.recipientName(), n.request(),
                n.data());
    }

    static void awaitReceived(IntSupplier received, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.getAsInt() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("GreenMail did not receive mail " + count + " within 60 s");
            }
            Thread.sleep(0, 200_000);
        }
    }

    static Notification notification(int i) {
        return new Notification(TemplateKey.ANSWER_POSTED, EmailAddress.of("enseignant" + i + "@ac-creteil.fr"),
                "Camille Enseignant" + i, RequestNumber.of(i + 1), Map.of(
                        "number", String.format(Locale.ROOT, "%07d", i + 1),
                        "summary", "Le webmail refuse mon mot de passe",
                        "subject", "MES – 1.1 – Webmail",
                        "status", "En cours",
                        "requesterName", "Camille Enseignant" + i,
                        "recipientName", "Camille Enseignant" + i,
                        "body", "Bonjour, votre mot de passe a été réinitialisé ; essayez de nouveau.",
                        "author", "Alice Martin"));
    }

    private static double baseline(int mails, int port, boolean reuse, GreenMail smtp) throws MessagingException {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(p);
        String body = "Bonjour Camille,\n\n" + "Votre demande 0000001 « Le webmail refuse mon mot de passe » a reçu "
                + "une réponse :\n\nBonjour, votre mot de passe a été réinitialisé ; essayez de nouveau.\n\n"
                + "http://127.0.0.1:8080/demandes/0000001\n".repeat(4);
        long start = System.nanoTime();
        Transport shared = reuse ? session.getTransport("smtp") : null;
        if (shared != null) {
            shared.connect();
        }
        try {
            for (int i = 0; i < mails; i++) {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("guichet@ac-creteil.fr"));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress("enseignant" + i + "@ac-creteil.fr"));
                m.setSubject("[Guichet] Réponse à votre demande " + (i + 1), "UTF-8");
                m.setText(body, "UTF-8");
                m.saveChanges();
                if (shared != null) {
                    shared.sendMessage(m, m.getAllRecipients());
                } else {
                    Transport.send(m);
                }
            }
        } finally {
            if (shared != null) {
                shared.close();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (smtp.getReceivedMessages().length != mails) {
            throw new IllegalStateException("GreenMail received " + smtp.getReceivedMessages().length + " of "
                    + mails);
        }
        return mails / seconds;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
