package fr.guichet.benchmarks;

import fr.guichet.core.application.AnonymiseExpiredData;
import fr.guichet.core.application.Ports;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.application.TicketingSettings;
import fr.guichet.core.domain.request.SearchText;
import fr.guichet.core.port.UnitOfWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Workload 9, the anonymisation of expired requests (issue 20): on a fresh database, closed requests each with a
 * message of their requester, three history entries, a file (its 2 KiB content stored) and a queued notification,
 * anonymised by {@code AnonymiseExpiredData.run()}; beside it, plain UPDATEs of the same rows, 200 requests a
 * transaction as the use case takes them; and the longest transaction of the run (the administration hold and the
 * rows of a batch are held until it commits).
 */
final class RetentionWorkload {

    static final String NAME = "9 anonymisation";
    private static final int BATCH = 200;
    private static final Instant CLOSED = Instant.parse("2019-06-20T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-10-01T06:00:00Z");
    private static final long FIRST = 5_000_000L;

    private RetentionWorkload() {
    }

    static void run(RunSettings settings, Results results) throws SQLException {
        int count = settings.smoke() ? 1_000 : 100_000;
        results.note(NAME, "One fresh database per database kind with the demo catalog and people; " + count
                + " requests CLOSED in June 2019, each with a follow-up of its requester, 3 history entries, a file "
                + "of 2 KiB (content stored in attachment_contents) and a queued notification, loaded by plain JDBC; "
                + "the tables' statistics then gathered (ANALYZE), as autovacuum would have for a database holding "
                + "years of requests. \"use case\": AnonymiseExpiredData.run() on 1 October 2026 (2 school years "
                + "kept): batches of 200, each one transaction holding the administration row (read candidates, list "
                + "files, delete each file's content, purge the outbox, one set-based UPDATE each of the messages, the "
                + "history and the files' names, each request's row in one JDBC batch). \"plain UPDATE\": the same "
                + "rows afterwards, 200 numbers a transaction, one UPDATE each of requests, request_messages, "
                + "request_history and request_attachments by number range: the floor of writing these rows. "
                + "\"longest transaction\": the longest unit of work of the use case's run, from begin to commit.");
        for (String kind : settings.databases()) {
            FilingBenchmark bench = new FilingBenchmark();
            bench.database = kind;
            bench.setUp();
            try {
                DataSource data = bench.dataSource();
                load(data, count);
                BulkLoader.analyze(data);
                TimedUnitOfWork timed = new TimedUnitOfWork(bench.stack().get(UnitOfWork.class));
                Ports ports = Ports.lookUpLocal(new Ports.Lookup() {
                    @Override
                    public <T> T get(Class<T> type) {
                        return type == UnitOfWork.class ? type.cast(timed) : bench.stack().get(type);
                    }
                });
                Ticketing ticketing = Ticketing.builder(ports).settings(TicketingSettings.defaults())
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
                AnonymiseExpiredData.Report[] report = new AnonymiseExpiredData.Report[1];
                double seconds = seconds(() -> report[0] = ticketing.anonymiseExpiredData().run());
                String scenario = kind + ", use case (" + count + " requests)";
                results.add(NAME, scenario, "total time", seconds, "s");
                results.add(NAME, scenario, "requests per second", count / seconds, "req/s");
                results.add(NAME, scenario, "longest transaction", timed.longestNanos() / 1e6, "ms");
                results.check(NAME, kind + ": every request anonymised and every file deleted",
                        report[0].requests() == count && report[0].files() == count,
                        report[0].requests() + " requests, " + report[0].files() + " files");
                double plain = seconds(() -> plainUpdate(data, count));
                String baseline = kind + ", plain UPDATE (" + count + " requests)";
                results.add(NAME, baseline, "total time", plain, "s");
                results.add(NAME, baseline, "requests per second", count / plain, "req/s");
            } finally {
                bench.tearDown();
            }
        }
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** The closed requests and their rows, in chunks of 1,000 requests a transaction. */
    private static void load(DataSource data, int count) throws SQLException {
        Timestamp closed = Timestamp.valueOf(LocalDateTime.ofInstant(CLOSED, ZoneOffset.UTC));
        Timestamp filed = Timestamp.valueOf(LocalDateTime.ofInstant(CLOSED.minusSeconds(86_400), ZoneOffset.UTC));
        byte[] content = new byte[2048];
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement requests = c.prepareStatement("INSERT INTO requests (number, requester_id, "
                    + "requester_given, requester_family, establishment, subject, type, summary, description, "
                    + "search_text, visibility, status, assigned_group, assignee, submitted_at, updated_at, "
                    + "resolved_at, version, idempotency_key, last_activity_at, last_activity_by, "
                    + "last_activity_staff, reopened, status_since) VALUES (?, ?, 'Camille', ?, '0941295X', "
                    + "'MES-1.1', 'INCIDENT', 'Le webmail refuse mon mot de passe', ?, ?, 'PRIVATE', 'CLOSED', "
                    + "'PLATEFORME', 'agent1', ?, ?, ?, 5, ?, ?, 'agent1', TRUE, FALSE, ?)");
                    PreparedStatement messages = c.prepareStatement("INSERT INTO request_messages (request_number, "
                            + "position, id, author_id, author_given, author_family, kind, body, at) "
                            + "VALUES (?, 0, ?, ?, 'Camille', ?, 'FOLLOW_UP', ?, ?)");
                    PreparedStatement history = c.prepareStatement("INSERT INTO request_history (request_number, "
                            + "position, at, by_person, event, from_value, to_value) VALUES (?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement files = c.prepareStatement("INSERT INTO request_attachments (id, "
                            + "request_number, position, name, media_type, size, at, message_id) "
                            + "VALUES (?, ?, 0, ?, 'application/pdf', 2048, ?, NULL)");
                    PreparedStatement contents = c.prepareStatement(
                            "INSERT INTO attachment_contents (id, size, content) VALUES (?, 2048, ?)");
                    PreparedStatement outbox = c.prepareStatement("INSERT INTO outbox (id, template, recipient, "
                            + "recipient_name, request_number, data, state, attempts, created_at, next_attempt_at, "
                            + "bulk) VALUES (?, 'REQUEST_RESOLVED', ?, ?, ?, '{}', 'SENT', 1, ?, ?, FALSE)")) {
                for (int i = 0; i < count; i++) {
                    long number = FIRST + i;
                    String requester = "bench-requester-" + (i % 50);
                    String family = "Enseignant" + (i % 50);
                    String description = "Depuis ce matin le webmail de " + family + " refuse le mot de passe.";
                    requests.setLong(1, number);
                    requests.setString(2, requester);
                    requests.setString(3, family);
                    requests.setString(4, description);
                    requests.setString(5, SearchText.of(String.valueOf(number), requester, family, description));
                    requests.setTimestamp(6, filed);
                    requests.setTimestamp(7, closed);
                    requests.setTimestamp(8, closed);
                    requests.setString(9, "key-" + number);
                    requests.setTimestamp(10, closed);
                    requests.setTimestamp(11, closed);
                    requests.addBatch();
                    messages.setLong(1, number);
                    messages.setString(2, UUID.randomUUID().toString());
                    messages.setString(3, requester);
                    messages.setString(4, family);
                    messages.setString(5, "Toujours bloqué, " + family);
                    messages.setTimestamp(6, filed);
                    messages.addBatch();
                    history(history, number, 0, filed, requester, "FILED", null, "PLATEFORME");
                    history(history, number, 1, filed, requester, "ATTACHMENT_ADDED", null, family + ".pdf");
                    history(history, number, 2, closed, "agent1", "STATUS_CHANGED", "RESOLVED", "CLOSED");
                    String file = UUID.randomUUID().toString();
                    files.setString(1, file);
                    files.setLong(2, number);
                    files.setString(3, family + ".pdf");
                    files.setTimestamp(4, filed);
                    files.addBatch();
                    contents.setString(1, file);
                    contents.setBytes(2, content);
                    contents.addBatch();
                    outbox.setString(1, UUID.randomUUID().toString());
                    outbox.setString(2, requester + "@ac-creteil.fr");
                    outbox.setString(3, "Camille " + family);
                    outbox.setLong(4, number);
                    outbox.setTimestamp(5, closed);
                    outbox.setTimestamp(6, closed);
                    outbox.addBatch();
                    if ((i + 1) % 1_000 == 0 || i == count - 1) {
                        requests.executeBatch();
                        messages.executeBatch();
                        history.executeBatch();
                        files.executeBatch();
                        contents.executeBatch();
                        outbox.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }

    private static void history(PreparedStatement s, long number, int position, Timestamp at, String by,
            String event, String from, String to) throws SQLException {
        s.setLong(1, number);
        s.setInt(2, position);
        s.setTimestamp(3, at);
        s.setString(4, by);
        s.setString(5, event);
        s.setString(6, from);
        s.setString(7, to);
        s.addBatch();
    }

    /** The same rows written again by plain UPDATEs, 200 numbers a transaction. */
    private static void plainUpdate(DataSource data, int count) {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement requests = c.prepareStatement("UPDATE requests SET requester_id = '$anonyme', "
                    + "requester_given = 'Personne', requester_family = 'anonymisée', summary = '[anonymisé]', "
                    + "description = '[anonymisé]', search_text = 'anonyme', idempotency_key = NULL, "
                    + "version = version + 1 WHERE number BETWEEN ? AND ?");
                    PreparedStatement messages = c.prepareStatement("UPDATE request_messages SET "
                            + "body = '[anonymisé]', author_id = '$anonyme' WHERE request_number BETWEEN ? AND ?");
                    PreparedStatement history = c.prepareStatement("UPDATE request_history SET by_person = "
                            + "'$anonyme' WHERE request_number BETWEEN ? AND ?");
                    PreparedStatement files = c.prepareStatement("UPDATE request_attachments SET name = '' "
                            + "WHERE request_number BETWEEN ? AND ?")) {
                for (long from = FIRST; from < FIRST + count; from += BATCH) {
                    for (PreparedStatement s : new PreparedStatement[] {requests, messages, history, files}) {
                        s.setLong(1, from);
                        s.setLong(2, from + BATCH - 1);
                        s.executeUpdate();
                    }
                    c.commit();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A unit of work that times each transaction it begins (not those it joins) and keeps the longest. */
    private static final class TimedUnitOfWork implements UnitOfWork {
        private final UnitOfWork delegate;
        private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
        private final AtomicLong longest = new AtomicLong();

        TimedUnitOfWork(UnitOfWork delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return timed(() -> delegate.inTransaction(work));
        }

        @Override
        public <T> T inRetryableTransaction(Supplier<T> work) {
            return timed(() -> delegate.inRetryableTransaction(work));
        }

        private <T> T timed(Supplier<T> transaction) {
            int outer = depth.get();
            depth.set(outer + 1);
            long start = System.nanoTime();
            try {
                return transaction.get();
            } finally {
                depth.set(outer);
                if (outer == 0) {
                    longest.accumulateAndGet(System.nanoTime() - start, Math::max);
                }
            }
        }

        long longestNanos() {
            return longest.get();
        }
    }
}
