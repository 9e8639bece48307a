package fr.guichet.benchmarks;

import com.google.inject.Injector;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.guichet.core.application.BackgroundDispatcher;
import fr.guichet.core.application.DispatchNotifications;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.notification.Notification;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.request.RequestDraft;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.port.CatalogStore;
import fr.guichet.core.port.NotificationOutbox;
import fr.guichet.core.port.PersonRegistry;
import fr.guichet.core.port.UnitOfWork;
import fr.guichet.examples.DemoData;
import fr.guichet.jdbc.JdbcConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Workload 11 (issue 17): the mail round trip under load. In-process on each database, with the background dispatcher
 * of 4 senders (batches of 50) mailing GreenMail: the time from the commit of an answer to the SMTP server's 250 on an
 * idle queue (the baseline), then while 8 threads file 1,000 requests through {@code FileRequest} (each queuing its
 * acknowledgement and its staff mail), beside the time one sender takes to send one batch in the same burst. Then on
 * PostgreSQL, the example server with its dispatcher on GreenMail under a filing burst over HTTP at 8 connections for
 * the run's HTTP duration: the filing rate beside the dispatch rate, the backlog (outbox rows not sent) when the burst
 * ends and the time to drain it, with the processor time of each process per mail and per filing. In-process too, the
 * import of replies to the burst's requests by the IMAP poller beside a plain IMAP fetch of the same mails
 * ({@link Inbound}).
 */
final class MailRoundTripWorkload {

    static final String NAME = "11 mail round trip";

    private static final int SENDERS = 4;
    private static final int BATCH = 50;
    private static final int IDLE_SAMPLES = 100;
    private static final int FILINGS = 1_000;
    private static final int FILING_THREADS = 8;
    private static final int CONNECTIONS = 8;
    private static final int REPLIES = 500;

    private MailRoundTripWorkload() {
    }

    static void run(RunSettings settings, Results results) throws Exception {
        int port = MailWorkload.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            results.note(NAME, "In-process: BackgroundDispatcher with " + SENDERS + " senders, batches of " + BATCH
                    + ", " + IDLE_SAMPLES + " answers one at a time on an idle queue, then answers one at a time "
                    + "while " + FILING_THREADS + " threads file " + FILINGS + " requests (FileRequest). Over HTTP "
                    + "(PostgreSQL): GuichetServer --demo mailing GreenMail, " + CONNECTIONS + " connections filing "
                    + "for " + settings.httpDuration().toSeconds() + " s after a " + settings.httpWarmup()
                    .toSeconds() + "-second warm-up and a drain.");
            for (String kind : settings.databases()) {
                inProcess(settings, results, kind, port, smtp);
                smtp.purgeEmailFromAllMailboxes();
            }
            if (settings.databases().contains("postgresql")) {
                overHttp(settings, results, port, smtp);
                smtp.purgeEmailFromAllMailboxes();
            }
        } finally {
            smtp.stop();
        }
    }

    private static void inProcess(RunSettings settings, Results results, String kind, int port, GreenMail smtp)
            throws Exception {
        int filings = settings.smoke() ? 50 : FILINGS;
        try (Database db = Database.create(kind)) {
            Injector injector = MailWorkload.injector(db, 12, port, SENDERS);
            try {
                List<Person> requesters = IntStream.range(0, 50).mapToObj(FilingBenchmark::requester).toList();
                PersonRegistry registry = injector.getInstance(PersonRegistry.class);
                UnitOfWork unitOfWork = injector.getInstance(UnitOfWork.class);
                NotificationOutbox outbox = injector.getInstance(NotificationOutbox.class);
                unitOfWork.run(() -> {
                    DemoData.groups().forEach(registry::saveGroup);
                    injector.getInstance(CatalogStore.class).replace(DemoData.catalog());
                    DemoData.people().forEach(registry::save);
                    requesters.forEach(registry::save);
                });
                Ticketing ticketing = injector.getInstance(Ticketing.class);
                RequestDraft draft = RequestDraft.parse(FilingBenchmark.SUBJECT, "INCIDENT",
                        "Le webmail refuse mon mot de passe",
                        "Depuis ce matin le webmail affiche « identifiants incorrects ».", "PRIVATE");
                Latencies idle = new Latencies();
                Latencies duringBurst = new Latencies();
                AtomicInteger answers = new AtomicInteger();
                try (BackgroundDispatcher background = BackgroundDispatcher.start(
                        injector.getInstance(DispatchNotifications.class), Duration.ofSeconds(10), SENDERS)) {
                    for (int i = 0; i < (settings.smoke() ? 10 : IDLE_SAMPLES); i++) {
                        idle.recordNanos(answer(unitOfWork, outbox, smtp, answers));
                    }
                    int before = smtp.getReceivedMessages().length;
                    AtomicInteger filed = new AtomicInteger();
                    Queue<Filed> requests = new ConcurrentLinkedQueue<>();
                    ExecutorService pool = Executors.newFixedThreadPool(FILING_THREADS);
                    long start = System.nanoTime();
                    List<Future<?>> burst = new ArrayList<>();
                    for (int t = 0; t < FILING_THREADS; t++) {
                        int thread = t;
                        burst.add(pool.submit(() -> {
                            for (int n = filed.getAndIncrement(); n < filings; n = filed.getAndIncrement()) {
                                Person requester = requesters.get((n + thread) % requesters.size());
                                requests.add(new Filed(ticketing.fileRequest().file(requester, draft, List.of(), null)
                                        .details().request().summaryLine().number(), requester));
                            }
                            return null;
                        }));
                    }
                    while (burst.stream().anyMatch(f -> !f.isDone())) {
                        duringBurst.recordNanos(answer(unitOfWork, outbox, smtp, answers));
                    }
                    for (Future<?> f : burst) {
                        f.get();
                    }
                    double filingSeconds = (System.nanoTime() - start) / 1e9;
                    pool.shutdown();
                    int queued = count(injector.getInstance(DataSource.class), "") - answers.get();
                    MailWorkload.awaitReceived(() -> smtp.getReceivedMessages().length, queued + answers.get());
                    double drainedSeconds = (System.nanoTime() - start) / 1e9;
                    int burstMails = smtp.getReceivedMessages().length - before;
                    double rate = burstMails / drainedSeconds;
                    String scenario = kind + ", " + filings + " filings";
                    results.add(NAME, scenario, "filing rate", filings / filingSeconds, "requests/s");
                    results.add(NAME, scenario, "mails sent, burst and answers", burstMails, "mails");
                    results.add(NAME, scenario, "dispatch rate, burst start to last mail", rate, "mails/s");
                    results.add(NAME, scenario, "time for one sender to send one batch", BATCH * SENDERS / rate
                            * 1000, "ms");
                    idle.report(results, NAME, kind + ", commit to 250, idle queue, " + SENDERS + " senders", false);
                    duringBurst.report(results, NAME, kind + ", commit to 250, answer during " + filings
                            + " filings", false);
                    double batchMillis = BATCH * SENDERS / rate * 1000;
                    results.add(NAME, kind + ", commit to 250, answer during " + filings + " filings",
                            "p99 / one batch", duringBurst.millisAt(99) / batchMillis, "");
                    results.check(NAME, kind + ": an answer during the burst waits no more than one batch (p99)",
                            duringBurst.millisAt(99) <= batchMillis, String.format(Locale.ROOT,
                                    "p99 %.0f ms over %d answers, one batch %.0f ms", duringBurst.millisAt(99),
                                    duringBurst.count(), batchMillis));
                    Inbound.run(results, NAME, kind, ticketing.receiveMail(), injector.getInstance(DataSource.class),
                            List.copyOf(requests), settings.smoke() ? 20 : REPLIES);
                }
            } finally {
                ((AutoCloseable) injector.getInstance(DataSource.class)).close();
            }
        }
    }

    /** Commits one answer, numbered by {@code answers}, and answers the nanoseconds until GreenMail received it. */
    private static long answer(UnitOfWork unitOfWork, NotificationOutbox outbox, GreenMail smtp,
            AtomicInteger answers) throws InterruptedException {
        int round = answers.getAndIncrement();
        Notification answer = MailWorkload.answerTo(round);
        unitOfWork.run(() -> outbox.enqueue(List.of(answer), Instant.now()));
        long committed = System.nanoTime();
        MailWorkload.awaitReceived(() -> smtp.getReceivedMessagesForDomain(MailWorkload.ANSWERED_DOMAIN).length,
                round + 1);
        return System.nanoTime() - committed;
    }

    /** How many outbox rows are in {@code state} (any state when empty). */
    private static int count(DataSource data, String state) throws SQLException {
        try (Connection c = data.getConnection()) {
            return count(c, state);
        }
    }

    private static int count(Connection c, String state) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox"
                + (state.isEmpty() ? "" : " WHERE state = '" + state + "'"))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void overHttp(RunSettings settings, Results results, int port, GreenMail smtp) throws Exception {
        Path folder = Files.createTempDirectory("guichet-bench-mail-burst");
        String password = UUID.randomUUID().toString();
        int http = MailWorkload.freePort();
        try (Database db = Database.create("postgresql")) {
            JdbcConfig config = db.config(10);
            try (ChildJvm server = ChildJvm.start("guichet-server-mail-burst", "fr.guichet.examples.GuichetServer",
                    List.of("--demo"), Map.of("GUICHET_PORT", String.valueOf(http), "GUICHET_DATA_DIR",
                            folder.resolve("data").toString(), "GUICHET_DEMO_PASSWORD", password,
                            "GUICHET_BASE_URL", "http://127.0.0.1:" + http, "GUICHET_DB_URL", config.url(),
                            "GUICHET_DB_USER", config.user(), "GUICHET_SMTP_HOST", "127.0.0.1", "GUICHET_SMTP_PORT",
                            String.valueOf(port)), folder, http);
                    Connection c = DriverManager.getConnection(config.url(), config.user(), config.password())) {
                RunSettings warmUp = new RunSettings(settings.databases(), settings.filingThreads(), settings.sizes(),
                        Duration.ZERO, settings.httpWarmup(), CONNECTIONS, settings.mails(), settings.output(),
                        settings.smoke());
                HttpWorkload.load(warmUp, CONNECTIONS, i -> new Filing(server, password, i), () -> { });
                awaitNone(c, "PENDING", Duration.ofMinutes(5));
                RunSettings burst = new RunSettings(settings.databases(), settings.filingThreads(), settings.sizes(),
                        Duration.ZERO, settings.httpDuration(), CONNECTIONS, settings.mails(), settings.output(),
                        settings.smoke());
                int rowsBefore = count(c, "");
                int sentBefore = count(c, "SENT");
                CpuTimes burstStart = CpuTimes.now(server.pid());
                HttpWorkload.Outcome outcome = HttpWorkload.load(burst, CONNECTIONS,
                        i -> new Filing(server, password, i), () -> { });
                CpuTimes burstEnd = CpuTimes.now(server.pid());
                int backlog = count(c, "PENDING");
                int queued = count(c, "") - rowsBefore;
                int sent = count(c, "SENT") - sentBefore;
                long drainStart = System.nanoTime();
                awaitNone(c, "PENDING", Duration.ofMinutes(10));
                double drain = (System.nanoTime() - drainStart) / 1e9;
                CpuTimes drained = CpuTimes.now(server.pid()).since(burstEnd);
                cpu(results, backlog, outcome.all().count(), sent, burstEnd.since(burstStart), drained);
                double seconds = settings.httpDuration().toNanos() / 1e9;
                String scenario = "postgresql, HTTP filing burst, " + CONNECTIONS + " connections";
                results.add(NAME, scenario, "filing rate", outcome.throughput(), "requests/s");
                results.add(NAME, scenario, "errors", outcome.errors(), "count");
                results.add(NAME, scenario, "filings", outcome.all().count(), "requests");
                results.add(NAME, scenario, "mails queued per filing", queued / (double) outcome.all().count(), "");
                results.add(NAME, scenario, "mails queued", queued, "mails");
                results.add(NAME, scenario, "queueing rate", queued / seconds, "mails/s");
                results.add(NAME, scenario, "dispatch rate during the burst", sent / seconds, "mails/s");
                results.add(NAME, scenario, "backlog at the end (outbox rows not sent)", backlog, "mails");
                results.add(NAME, scenario, "time to drain the backlog", drain, "s");
                results.add(NAME, scenario, "drain rate", drain == 0 ? 0 : backlog / drain, "mails/s");
                outcome.all().report(results, NAME, scenario, false);
                results.check(NAME, "postgresql: the dispatcher keeps up with filing over HTTP (backlog drained "
                        + "within the burst's duration)", drain <= seconds, String.format(Locale.ROOT,
                                "%.0f filings/s, %.0f mails/s queued, %.0f mails/s sent; backlog %d drained in "
                                        + "%.1f s", outcome.throughput(), queued / seconds, sent / seconds, backlog,
                                drain));
            } finally {
                Database.deleteFolder(folder);
            }
        }
    }

    /**
     * The processor time of the burst and of the drain, by process, and what one mail and one filing cost: a mail is
     * the drain's time over the mails it sent (the server's dispatcher, GreenMail receiving in this JVM, PostgreSQL);
     * a filing is the burst's time less the mails sent meanwhile at that cost, over the filings (this JVM's share
     * being the HTTP clients').
     */
    private static void cpu(Results results, int backlog, long filings, int sentDuringBurst, CpuTimes burst,
            CpuTimes drain) {
        String scenario = "postgresql, HTTP filing burst, processor time";
        for (var phase : Map.of("burst", burst, "drain", drain).entrySet()) {
            CpuTimes t = phase.getValue();
            results.add(NAME, scenario, phase.getKey() + ", server", t.server(), "s");
            results.add(NAME, scenario, phase.getKey() + ", benchmark JVM (GreenMail, HTTP clients)", t.self(), "s");
            results.add(NAME, scenario, phase.getKey() + ", PostgreSQL", t.postgresql(), "s");
            results.add(NAME, scenario, phase.getKey() + ", machine (all cores busy)", t.machine(), "s");
        }
        if (backlog == 0 || filings == 0) {
            return;
        }
        double mailServer = drain.server() / backlog;
        double mailGreenMail = drain.self() / backlog;
        double mailPostgresql = drain.postgresql() / backlog;
        double mailMachine = drain.machine() / backlog;
        results.add(NAME, scenario, "per mail, server (dispatcher)", mailServer * 1000, "ms");
        results.add(NAME, scenario, "per mail, GreenMail receiving", mailGreenMail * 1000, "ms");
        results.add(NAME, scenario, "per mail, PostgreSQL", mailPostgresql * 1000, "ms");
        results.add(NAME, scenario, "per mail, machine", mailMachine * 1000, "ms");
        results.add(NAME, scenario, "per filing, server", (burst.server() - sentDuringBurst * mailServer) / filings
                * 1000, "ms");
        results.add(NAME, scenario, "per filing, PostgreSQL", (burst.postgresql() - sentDuringBurst
                * mailPostgresql) / filings * 1000, "ms");
        results.add(NAME, scenario, "per filing, HTTP clients", (burst.self() - sentDuringBurst * mailGreenMail)
                / filings * 1000, "ms");
        results.add(NAME, scenario, "per filing, machine", (burst.machine() - sentDuringBurst * mailMachine)
                / filings * 1000, "ms");
    }

    private static void awaitNone(Connection c, String state, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count(c, state) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("outbox rows still " + state + " after " + limit);
            }
            Thread.sleep(50);
        }
    }

    /** A request filed during the burst, and by whom. */
    record Filed(RequestNumber number, Person requester) {
    }

    /** A connection that files requests as its demo requester. */
    private static final class Filing implements HttpWorkload.Client {
        private final HttpWorkload.MixedClient client;

        Filing(ChildJvm server, String password, int index) {
            this.client = new HttpWorkload.MixedClient(server.base(), password, index);
        }

        @Override
        public void prepare() throws java.io.IOException, InterruptedException {
            client.prepare();
        }

        @Override
        public String call(java.util.Random random) throws java.io.IOException, InterruptedException {
            client.file();
            return "file";
        }
    }
}
