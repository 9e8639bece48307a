package fr.guichet.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.examples.FilingClient.Filed;
import fr.guichet.examples.FilingClient.Incidents;
import fr.guichet.examples.MailSink.Mail;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two example-server processes on one fresh PostgreSQL or MariaDB database and one SMTP server, under a few hundred
 * filings spread over both by several clients, while the SMTP server goes away for some seconds and then, once a
 * dispatcher is sending again, one node is killed (SIGKILL) and started again: every answered filing is stored once
 * under the number it was answered with, nothing is half-written, and every notification reaches the SMTP server, a
 * mail sent twice being the same mail. It runs on the servers {@code -Pdatabases} selects (PostgreSQL and MariaDB),
 * as the other database suites do: two processes cannot share the embedded H2 file, so without the profile it has no
 * database to run on.
 */
class TwoNodesIT {

    private static final String PASSWORD = "deux-noeuds-" + UUID.randomUUID();
    private static final List<String> TEACHERS = List.of("mmontanes", "jdupont");
    private static final List<String> SUBJECTS = List.of("EVE-4.2", "MES-1.2", "ENT-2.1", "GES-3.1", "RES-5.3");
    private static final List<String> TYPES = List.of("USAGE", "INCIDENT", "ACCES", "INFO");
    private static final List<String> OPEN = List.of("NEW", "ASSIGNED", "IN_PROGRESS", "WAITING_FOR_REQUESTER");
    private static final Set<String> STAFF_TEMPLATES = Set.of("REQUEST_ASSIGNED_TO_YOU", "NEW_REQUEST_FOR_GROUP");
    private static final Pattern OUTBOX_MESSAGE_ID = Pattern.compile("<guichet\\.([0-9a-f-]{36})@[^>]+>");
    /** Notifications a dispatcher has claimed and not yet tried: queued with their next attempt now, then leased. */
    private static final String CLAIMED = "SELECT COUNT(*) FROM outbox WHERE state = 'PENDING' AND attempts = 0 "
            + "AND next_attempt_at > created_at";
    private static final String PENDING = "SELECT COUNT(*) FROM outbox WHERE state = 'PENDING'";

    private static final int FILINGS = 300;
    private static final int CLIENTS = 4;
    /** One filing in so many is sent again on the other node at once, as if its first answer were lost. */
    private static final int ANSWER_LOST_EVERY = 10;
    /** One filing starts every {@code PACE}, so that the load lasts about {@code FILINGS × PACE} on any machine. */
    private static final Duration PACE = Duration.ofMillis(100);
    /** Longer than the dispatchers' interval, so that both find the SMTP server gone. */
    private static final Duration SMTP_OUTAGE = Duration.ofSeconds(12);
    /** The outbox lease, short so that what the killed node had claimed is sent again within the drain. */
    private static final Duration LEASE = Duration.ofSeconds(15);
    /** Enough for the retries after the SMTP outage (backoff of about 30 s) and for the killed node's lease. */
    private static final Duration DRAIN = Duration.ofSeconds(60);

    @ParameterizedTest(allowZeroInvocations = true)
    @MethodSource("fr.guichet.examples.ScratchDatabase#selected")
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void filings_over_two_nodes_outlive_a_killed_node_and_an_smtp_outage(ScratchDatabase.Kind kind) throws Exception {
        Instant began = Instant.now();
        Path folder = Path.of("target", "two-nodes", kind + "-" + began.toEpochMilli()).toAbsolutePath();
        try (ScratchDatabase db = ScratchDatabase.create(kind); MailSink smtp = MailSink.start()) {
            Map<String, String> environment = Map.of("GUICHET_DB_URL", db.url(), "GUICHET_DB_USER", db.user(),
                    "GUICHET_SMTP_HOST", "127.0.0.1", "GUICHET_SMTP_PORT", Integer.toString(smtp.port),
                    "GUICHET_DEMO_PASSWORD", PASSWORD,
                    "GUICHET_MAIL_LEASE_SECONDS", Long.toString(LEASE.toSeconds()));
            try (ServerNode first = ServerNode.start("node-1", ServerNode.freePort(), folder, environment, "--demo");
                    ServerNode second = ServerNode.start("node-2", ServerNode.freePort(), folder, environment)) {
                log(began, "two nodes up: " + first + ", " + second);
                Incidents incidents = new Incidents();
                Load load = Load.start(List.of(first, second), incidents);

                load.awaitAnswered(FILINGS / 10);
                interruptSmtp(smtp, load, began);
                killWhileSending(second, db, load, began);
                List<Filed> filed = load.results();
                log(began, "load done: " + summary(filed, incidents));

                boolean drained = awaitDrained(db);
                log(began, drained ? "outbox drained" : "outbox not drained after " + DRAIN);
                List<String> violations = new ArrayList<>(incidents.unexpected());
                Stored stored = Stored.read(db);
                violations.addAll(checkFilings(filed, stored));
                violations.addAll(checkWrittenWhole(stored));
                List<Mail> mails = smtp.received();
                violations.addAll(checkMails(stored, mails));
                log(began, "checked: " + stored.requests.size() + " requests, " + stored.outbox.size()
                        + " outbox rows (by attempts " + stored.outbox.stream().collect(Collectors.groupingBy(
                                Outbox::attempts, Collectors.counting())) + "), " + mails.size() + " mails received, "
                        + mails.stream().map(Mail::messageId).distinct().count() + " distinct");
                assertTrue(violations.isEmpty(), kind + ": " + violations.size() + " violations (logs: " + first
                        + ", " + second + "):\n" + String.join("\n", violations));
            }
        }
    }

    private static void interruptSmtp(MailSink smtp, Load load, Instant began) throws InterruptedException {
        smtp.pause();
        log(began, "SMTP stopped after " + load.answered() + " filings");
        Thread.sleep(SMTP_OUTAGE.toMillis());
        smtp.resume();
        log(began, "SMTP back after " + load.answered() + " filings");
    }

    /** Kills {@code node} once a dispatcher is sending, so that the kill may catch it in the middle of a batch. */
    private static void killWhileSending(ServerNode node, ScratchDatabase db, Load load, Instant began)
            throws Exception {
        int claimed = awaitClaimed(db);
        node.kill();
        log(began, node.name + " killed after " + load.answered() + " filings, " + claimed
                + " notifications being sent");
        node.restart();
        log(began, node.name + " back after " + load.answered() + " filings, " + count(db, CLAIMED)
                + " notifications claimed then");
    }

    /** Clients filing {@link #FILINGS} requests at the pace, each on a node in turn, in the background. */
    private static final class Load {
        private final ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        private final List<Future<List<Filed>>> clients = new ArrayList<>();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger answered = new AtomicInteger();

        static Load start(List<ServerNode> nodes, Incidents incidents) throws IOException, InterruptedException {
            Load load = new Load();
            List<FilingClient> signedIn = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                signedIn.add(FilingClient.signIn(nodes.get(i % 2), TEACHERS.get(i % TEACHERS.size()), PASSWORD,
                        incidents));
            }
            Instant start = Instant.now();
            for (FilingClient client : signedIn) {
                load.clients.add(load.threads.submit(() -> load.fileAll(client, nodes, start)));
            }
            load.threads.shutdown();
            return load;
        }

        private List<Filed> fileAll(FilingClient client, List<ServerNode> nodes, Instant start)
                throws InterruptedException {
            List<Filed> filed = new ArrayList<>();
            for (int i = next.getAndIncrement(); i < FILINGS; i = next.getAndIncrement()) {
                long wait = Duration.between(Instant.now(), start.plus(PACE.multipliedBy(i))).toMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                String key = "filing-" + i;
                ServerNode first = nodes.get(i % 2);
                ServerNode second = nodes.get((i + 1) % 2);
                if (i % ANSWER_LOST_EVERY == 0) {
                    filed.addAll(client.fileTwice(key, filing(i), first, second));
                } else {
                    filed.add(client.file(key, filing(i), first, second));
                }
                answered.incrementAndGet();
            }
            return filed;
        }

        int answered() {
            return answered.get();
        }

        /** Waits until {@code count} filings are answered, or every client is done. */
        void awaitAnswered(int count) throws InterruptedException {
            Instant giveUp = Instant.now().plus(PACE.multipliedBy(FILINGS).multipliedBy(2));
            while (answered.get() < count && !clients.stream().allMatch(Future::isDone)) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new AssertionError("only " + answered.get() + " of " + count + " filings answered");
                }
                Thread.sleep(50);
            }
        }

        List<Filed> results() throws Exception {
            List<Filed> all = new ArrayList<>();
            for (Future<List<Filed>> client : clients) {
                all.addAll(client.get(PACE.multipliedBy(FILINGS).multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS));
            }
            return all;
        }
    }

    private static String filing(int i) {
        return "{\"subject\":\"" + SUBJECTS.get(i % SUBJECTS.size()) + "\",\"type\":\"" + TYPES.get(i % TYPES.size())
                + "\",\"summary\":\"panne n° " + i + "\",\"description\":\"Demande " + i + " du test à deux "
                + "nœuds.\",\"visibility\":\"PRIVATE\"}";
    }

    /** Waits until a dispatcher is sending; returns how many notifications are claimed, or 0 after {@link #LEASE}. */
    private static int awaitClaimed(ScratchDatabase db) throws SQLException, InterruptedException {
        Instant giveUp = Instant.now().plus(LEASE);
        try (Connection c = db.connect()) {
            while (Instant.now().isBefore(giveUp)) {
                int claimed = count(c, CLAIMED);
                if (claimed > 0) {
                    return claimed;
                }
                Thread.sleep(10);
            }
        }
        return 0;
    }

    private static boolean awaitDrained(ScratchDatabase db) throws SQLException, InterruptedException {
        Instant giveUp = Instant.now().plus(DRAIN);
        while (Instant.now().isBefore(giveUp)) {
            if (count(db, PENDING) == 0) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    private static int count(ScratchDatabase db, String query) throws SQLException {
        try (Connection c = db.connect()) {
            return count(c, query);
        }
    }

    private static int count(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * Every filing was accepted, once (at most one 201 for a key), and is stored once under its key with the number
     * every answer to that key gave; no two filings share a number; nothing is stored that was not sent.
     */
    private static List<String> checkFilings(List<Filed> filed, Stored stored) {
        List<String> violations = new ArrayList<>();
        Map<String, List<Request>> storedByKey = stored.requests.stream()
                .collect(Collectors.groupingBy(r -> r.requester() + "/" + r.key()));
        Map<String, List<Filed>> answersByKey = filed.stream()
                .collect(Collectors.groupingBy(f -> f.identifier() + "/" + f.key()));
        Map<String, String> keyOfNumber = new HashMap<>();
        answersByKey.forEach((key, answers) -> {
            List<Filed> accepted = answers.stream().filter(Filed::accepted).toList();
            Set<String> numbers = accepted.stream().map(Filed::number).collect(Collectors.toSet());
            long created = accepted.stream().filter(f -> f.status() == 201).count();
            List<Request> rows = storedByKey.getOrDefault(key, List.of());
            if (numbers.size() != 1 || created > 1 || rows.size() != 1
                    || rows.get(0).number() != Long.parseLong(numbers.iterator().next())) {
                violations.add(key + " answered " + answers + " is stored as " + rows);
                return;
            }
            String other = keyOfNumber.put(numbers.iterator().next(), key);
            if (other != null) {
                violations.add("number " + numbers.iterator().next() + " answered to " + other + " and " + key);
            }
        });
        stored.requests.stream().filter(r -> !answersByKey.containsKey(r.requester() + "/" + r.key()))
                .forEach(r -> violations.add("request stored for no filing sent: " + r));
        return violations;
    }

    /**
     * Each request has its one FILED history entry and its notifications (one to the requester, at least one to
     * staff, none twice), and the kept open-request counts equal a recount.
     */
    private static List<String> checkWrittenWhole(Stored stored) {
        List<String> violations = new ArrayList<>();
        Map<Long, List<String>> history = stored.history;
        Map<Long, List<Outbox>> outbox = stored.outbox.stream().collect(Collectors.groupingBy(Outbox::request));
        for (Request r : stored.requests) {
            List<String> events = history.getOrDefault(r.number(), List.of());
            if (events.stream().filter("FILED"::equals).count() != 1) {
                violations.add("request " + r.number() + " has the history " + events);
            }
            List<Outbox> rows = outbox.getOrDefault(r.number(), List.of());
            long toRequester = rows.stream().filter(o -> o.template().equals("REQUEST_RECEIVED")
                    && o.recipient().equalsIgnoreCase(stored.emails.get(r.requester()))).count();
            long toStaff = rows.stream().filter(o -> STAFF_TEMPLATES.contains(o.template())).count();
            long distinct = rows.stream().map(o -> o.template() + " " + o.recipient()).distinct().count();
            if (toRequester != 1 || toStaff < 1 || distinct != rows.size()) {
                violations.add("request " + r.number() + " has the notifications " + rows);
            }
        }
        Set<Long> numbers = stored.requests.stream().map(Request::number).collect(Collectors.toSet());
        stored.outbox.stream().filter(o -> !numbers.contains(o.request()))
                .forEach(o -> violations.add("notification of no stored request: " + o));
        stored.outbox.stream().filter(o -> !o.state().equals("SENT"))
                .forEach(o -> violations.add("notification not sent: " + o));
        Map<String, Long> recount = stored.requests.stream()
                .filter(r -> r.assignee() != null && OPEN.contains(r.status()))
                .collect(Collectors.groupingBy(Request::assignee, Collectors.counting()));
        Map<String, Long> kept = new HashMap<>(stored.openCounts);
        kept.values().removeIf(count -> count == 0);
        if (!kept.equals(recount)) {
            violations.add("open_request_counts holds " + stored.openCounts + ", a recount gives " + recount);
        }
        Map<String, Long> tallies = new HashMap<>(stored.tallies);
        tallies.values().removeIf(count -> count == 0);
        if (!tallies.equals(stored.talliesRecounted)) {
            violations.add("request_tallies holds " + stored.tallies + ", a recount gives " + stored.talliesRecounted);
        }
        return violations;
    }

    /**
     * Every notification reached the SMTP server at least once; each mail received is the mail of one outbox row, and
     * mails with the same Message-ID are the same mail.
     */
    private static List<String> checkMails(Stored stored, List<Mail> received) {
        List<String> violations = new ArrayList<>();
        Map<String, Outbox> rows = stored.outbox.stream().collect(Collectors.toMap(Outbox::id, Function.identity()));
        Map<String, List<Mail>> byId = new HashMap<>();
        for (Mail mail : received) {
            Matcher id = OUTBOX_MESSAGE_ID.matcher(Objects.toString(mail.messageId(), ""));
            if (!id.matches() || !rows.containsKey(id.group(1))) {
                violations.add("mail of no outbox row: " + mail);
                continue;
            }
            byId.computeIfAbsent(id.group(1), k -> new ArrayList<>()).add(mail);
        }
        for (Outbox row : stored.outbox) {
            List<Mail> mails = byId.getOrDefault(row.id(), List.of());
            String number = String.format("%07d", row.request());
            if (mails.isEmpty()) {
                violations.add("no mail received for " + row);
            } else if (mails.stream().anyMatch(m -> !m.recipient().equalsIgnoreCase(row.recipient())
                    || !m.subject().contains(number) || !m.equals(mails.get(0)))) {
                violations.add("different mails for " + row + ": " + mails);
            }
        }
        return violations;
    }

    private record Request(long number, String requester, String key, String status, String assignee) {
    }

    private record Outbox(String id, long request, String template, String recipient, String state, int attempts,
            String lastError) {
    }

    /** What the nodes stored, read with plain JDBC once they are done. */
    private static final class Stored {
        final List<Request> requests = new ArrayList<>();
        final Map<Long, List<String>> history = new HashMap<>();
        final List<Outbox> outbox = new ArrayList<>();
        final Map<String, Long> openCounts = new HashMap<>();
        final Map<String, Long> tallies = new HashMap<>();
        final Map<String, Long> talliesRecounted = new HashMap<>();
        final Map<String, String> emails = new HashMap<>();

        static Stored read(ScratchDatabase db) throws SQLException {
            Stored stored = new Stored();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT number, requester_id, idempotency_key, status, assignee "
                        + "FROM requests")) {
                    while (rs.next()) {
                        stored.requests.add(new Request(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT request_number, event FROM request_history")) {
                    while (rs.next()) {
                        stored.history.computeIfAbsent(rs.getLong(1), n -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT id, request_number, template, recipient, state, "
                        + "attempts, last_error FROM outbox")) {
                    while (rs.next()) {
                        stored.outbox.add(new Outbox(rs.getString(1).strip(), rs.getLong(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7)));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT person_id, open_requests FROM open_request_counts")) {
                    while (rs.next()) {
                        stored.openCounts.put(rs.getString(1), rs.getLong(2));
                    }
                }
                String tallied = "CONCAT(assigned_group, ' ', %s, ' ', status, ' ', "
                        + "CASE WHEN last_activity_staff THEN 'staff' ELSE 'requester' END, ' ', "
                        + "CASE WHEN reopened THEN 'reopened' ELSE '' END)";
                try (ResultSet rs = s.executeQuery("SELECT " + String.format(tallied, "assignee")
                        + ", requests FROM request_tallies")) {
                    while (rs.next()) {
                        stored.tallies.put(rs.getString(1), rs.getLong(2));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT " + String.format(tallied, "COALESCE(assignee, '')")
                        + ", COUNT(*) FROM requests GROUP BY assigned_group, assignee, status, last_activity_staff, "
                        + "reopened")) {
                    while (rs.next()) {
                        stored.talliesRecounted.put(rs.getString(1), rs.getLong(2));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT id, email FROM people")) {
                    while (rs.next()) {
                        stored.emails.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return stored;
        }
    }

    private static String summary(List<Filed> filed, Incidents incidents) {
        Map<Integer, Long> statuses = filed.stream().collect(Collectors.groupingBy(Filed::status,
                Collectors.counting()));
        long retried = filed.stream().filter(f -> f.attempts() > 1).count();
        return filed.size() + " answers to " + FILINGS + " filings " + statuses + ", " + retried + " after a retry, "
                + incidents.explainedByAKill() + " connection errors from the killed node, "
                + incidents.unexpected().size() + " unexpected";
    }

    private static void log(Instant began, String event) {
        System.out.printf("%6.1f s  %s%n", Duration.between(began, Instant.now()).toMillis() / 1000.0, event);
    }
}
