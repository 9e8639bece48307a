package fr.guichet.benchmarks;

import fr.guichet.core.application.ListMyRequests;
import fr.guichet.core.application.ListQueue;
import fr.guichet.core.application.QueueFilter;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.PageRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Workload 2: "my requests" (first page of the current school year) and the staff queue (first page of one status)
 * through the core's use cases, at each size of the bulk-loaded table, p50/p99 per size; the data grows in place from
 * one size to the next with the same spread.
 */
final class QueryWorkload {

    static final String NAME = "2 lists";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private QueryWorkload() {
    }

    static void run(RunSettings settings, Results results) throws SQLException, IOException {
        results.note(NAME, "Latency of one use-case call (its COUNT and its page, in one transaction, plus the "
                + "catalog read), measured after a warm-up; " + BulkLoader.REQUESTERS + " requesters, "
                + BulkLoader.ROOTS * (BulkLoader.LEAVES + 1) + " subjects, " + BulkLoader.GROUPS
                + " groups, five school years. Each call changes its parameters (500 requesters in turn, "
                + "10 staff members of one group each in turn), so that no database answers from a cached result.");
        for (String kind : settings.databases()) {
            try (Database db = Database.create(kind); Stack stack = new Stack(db, 4)) {
                List<Person> agents = IntStream.range(0, BulkLoader.GROUPS).mapToObj(i -> new Person(
                        PersonId.of("agent-" + i), EmailAddress.of("agent" + i + "@ac-creteil.fr"),
                        new PersonName("Alice", "Agent" + i), null, Set.of(Role.AGENT), Set.of(BulkLoader.group(i)),
                        true)).toList();
                Person agent = agents.get(0);
                stack.load(BulkLoader.groups(), BulkLoader.catalog(), agents);
                BulkLoader loader = new BulkLoader(stack.dataSource(), db.isPostgres(), Instant.now());
                Map<Integer, Map<String, Double>> p99 = new TreeMap<>();
                for (int size : settings.sizes()) {
                    double seconds = loader.growTo(size);
                    System.out.printf(Locale.ROOT, "%s: %d requests loaded in %.1f s%n", kind, size, seconds);
                    results.add(NAME, kind + ", " + size + " requests", "bulk load (to this size)", seconds, "s");
                    List<Person> requesters = requestersOfThisYear(stack, 500);
                    ListMyRequests mine = stack.ticketing().listMyRequests();
                    ListQueue queue = stack.ticketing().listQueue();
                    int[] next = {0};
                    Map<String, Double> sizeP99 = new TreeMap<>();
                    sizeP99.put("my requests", measure(settings, results, kind, size, "my requests", i -> mine.list(
                            requesters.get(next[0]++ % requesters.size()), null, PageRequest.first())));
                    sizeP99.put("queue NEW", measure(settings, results, kind, size, "staff queue, status NEW",
                            i -> queue.list(agents.get(i % agents.size()), statusQueue(Status.NEW),
                                    PageRequest.first())));
                    sizeP99.put("queue CLOSED", measure(settings, results, kind, size, "staff queue, status CLOSED",
                            i -> queue.list(agents.get(i % agents.size()), statusQueue(Status.CLOSED),
                                    PageRequest.first())));
                    p99.put(size, sizeP99);
                    if (size == settings.sizes().get(settings.sizes().size() - 1)) {
                        explain(stack, db, agent, requesters.get(0), settings);
                    }
                }
                int smallest = settings.sizes().get(0);
                int largest = settings.sizes().get(settings.sizes().size() - 1);
                for (String query : List.of("my requests", "queue NEW", "queue CLOSED")) {
                    double ratio = p99.get(largest).get(query) / p99.get(smallest).get(query);
                    results.add(NAME, kind + ", " + query, "p99 at " + largest + " / p99 at " + smallest, ratio, "");
                    results.check(NAME, kind + " " + query + ": p99 at " + largest + " ≤ 2 × p99 at " + smallest,
                            ratio <= 2, String.format(Locale.ROOT, "%.2f ms vs %.2f ms (×%.2f)",
                                    p99.get(largest).get(query), p99.get(smallest).get(query), ratio));
                }
            }
        }
    }

    private static QueueFilter statusQueue(Status status) {
        return new QueueFilter(true, Set.of(status), null, null, null, null, null);
    }

    /** Runs {@code call} after a warm-up (bounded in calls and time), up to a number of calls or a time limit. */
    private static double measure(RunSettings settings, Results results, String kind, int size, String query,
            Consumer<Integer> call) {
        Latencies latencies = Sampling.lists(settings.smoke()).measure(call::accept);
        latencies.report(results, NAME, kind + ", " + size + " requests, " + query, false);
        return latencies.millisAt(99);
    }

    private static List<Person> requestersOfThisYear(Stack stack, int max) throws SQLException {
        SchoolYear year = SchoolYear.of(Instant.now(), PARIS);
        List<Person> people = new ArrayList<>();
        try (Connection c = stack.dataSource().getConnection();
                PreparedStatement p = c.prepareStatement("SELECT DISTINCT requester_id FROM requests "
                        + "WHERE submitted_at >= ? ORDER BY requester_id")) {
            p.setTimestamp(1, Timestamp.valueOf(year.start(PARIS).atZone(java.time.ZoneOffset.UTC)
                    .toLocalDateTime()));
            p.setMaxRows(max);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    people.add(new Person(PersonId.of(id), EmailAddress.of(id + "@ac-creteil.fr"),
                            new PersonName("Camille", "Enseignant"), null, Set.of(Role.REQUESTER), Set.of(), true));
                }
            }
        }
        if (people.isEmpty()) {
            throw new IllegalStateException("no requester filed anything this school year");
        }
        return people;
    }

    /**
     * Writes the database's plans of the two lists' COUNT and page at the largest size, for the profile: the
     * statements of {@code JdbiRequestRepository.list}, written out with their values and fewer columns.
     */
    private static void explain(Stack stack, Database db, Person agent, Person requester, RunSettings settings)
            throws SQLException, IOException {
        SchoolYear year = SchoolYear.of(Instant.now(), PARIS);
        String from = Timestamp.from(year.start(PARIS)).toInstant().atZone(java.time.ZoneOffset.UTC)
                .toLocalDateTime().toString().replace('T', ' ');
        String mine = " FROM " + (db.isPostgres() ? "requests" : "requests USE INDEX (requests_mine)")
                + " WHERE 1 = 1 AND requester_id = '" + requester.id().value()
                + "' AND submitted_at >= TIMESTAMP '" + from + "'";
        String group = agent.groups().iterator().next().value();
        String groupBranch = " FROM requests WHERE 1 = 1 AND assigned_group = '" + group + "' AND status = '%1$s'";
        String assigneeBranch = " FROM requests WHERE 1 = 1 AND assignee = '" + agent.id().value()
                + "' AND status = '%1$s'";
        String order = " ORDER BY submitted_at DESC, number DESC";
        String page = order + " LIMIT 20 OFFSET 0";
        String queueCount = "SELECT (SELECT COUNT(*)" + groupBranch + ") + (SELECT COUNT(*)" + assigneeBranch
                + " AND assigned_group NOT IN ('" + group + "'))";
        String groupOrder = db.isPostgres() ? order : " ORDER BY assigned_group, status," + order.substring(9);
        String assigneeOrder = db.isPostgres() ? order : " ORDER BY assignee, status," + order.substring(9);
        String queuePage = "SELECT number, summary FROM ((SELECT number, summary, submitted_at" + groupBranch
                + groupOrder + " LIMIT 20) UNION (SELECT number, summary, submitted_at" + assigneeBranch
                + assigneeOrder + " LIMIT 20)) branches" + page;
        String prefix = db.isPostgres() ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
        StringBuilder out = new StringBuilder();
        Map<String, String> statements = new TreeMap<>(Map.of(
                "1 my requests: count", "SELECT COUNT(*)" + mine,
                "2 my requests: page", "SELECT number, summary" + mine + page,
                "3 queue NEW: count", String.format(queueCount, "NEW"),
                "4 queue NEW: page", String.format(queuePage, "NEW"),
                "5 queue CLOSED: count", String.format(queueCount, "CLOSED"),
                "6 queue CLOSED: page", String.format(queuePage, "CLOSED")));
        try (Connection c = stack.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> e : statements.entrySet()) {
                out.append("## ").append(e.getKey()).append("\n").append(e.getValue()).append("\n\n");
                try (ResultSet rs = s.executeQuery(prefix + e.getValue())) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
                out.append('\n');
            }
        }
        Files.createDirectories(settings.output());
        Files.writeString(settings.output().resolve("explain-" + db.kind() + ".txt"), out);
    }
}
