package fr.guichet.benchmarks;

import fr.guichet.core.application.CountRequests;
import fr.guichet.core.application.ListQueue;
import fr.guichet.core.application.QueueFilter;
import fr.guichet.core.application.Ticketing;
import fr.guichet.core.domain.person.EmailAddress;
import fr.guichet.core.domain.person.Person;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.Role;
import fr.guichet.core.domain.request.SearchText;
import fr.guichet.core.port.PageRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Workload 6, the agent's workbench (issue 14): on the bulk-loaded requests grown from size to size, p50/p99 of the
 * queue page as the front's worklist loads it (the first page of the staff member's queue, every status, with the
 * counts of the queue), of the counts alone
 * ({@code GET /requests/counts?scope=queue}), and of searches by number, by family name and by two French words, each
 * beside the plain-JDBC statements a hand-written application would run for the same answer on the same indexes
 * ({@link RawQueries}), in the same run.
 */
final class WorkbenchWorkload {

    static final String NAME = "6 workbench";
    /** The counts' target at the largest size on PostgreSQL, in milliseconds. */
    static final double COUNTS_TARGET_MS = 20;
    private static final String COUNTS = "counts, scope queue";
    private static final String RAW_COUNTS = "raw: counts, group and assignee ranges";
    private static final int STAFF = 40;
    /**
     * How many times each size's calls are measured, after a first pass of every call whose latencies are dropped:
     * the code the calls share compiled before the smallest size is measured, and each target judged on every round.
     */
    private static final int ROUNDS = 2;

    /**
     * The tallies of a queue of one group, as {@code RequestTallies} reads its counts and total (less the index it
     * names for the person's tallies, which H2 picks alone).
     */
    private static final String LIBRARY_TALLIES = """
            SELECT status, assignee, last_activity_staff, reopened, SUM(requests) AS requests FROM (SELECT
                assigned_group, status, assignee, last_activity_staff, reopened, requests FROM request_tallies WHERE
                assigned_group IN (?) UNION ALL SELECT assigned_group, status, assignee, last_activity_staff, reopened,
                requests FROM request_tallies WHERE assignee = ? AND assigned_group NOT IN (?)) queue WHERE 1 = 1
                GROUP BY status, assignee, last_activity_staff, reopened""";

    /**
     * A queue of one group searched by words, as {@code RequestListing} writes it: its group and its person each paired
     * with the first word in the request's words and in its school's (values: group, word, group, word, person, word,
     * person, word).
     */
    private static final String QUEUE_WITH_FIRST_WORD = """
            assigned_group IN (?) AND search_text LIKE ? ESCAPE '!' OR assigned_group IN (?) AND school_text LIKE ?
                ESCAPE '!' OR assignee = ? AND search_text LIKE ? ESCAPE '!' OR assignee = ? AND school_text LIKE ?
                ESCAPE '!'""";

    /**
     * The condition of {@code RequestListing.matches} for a search by two words in a queue of one group, as it writes
     * it: the second word, then the queue with the first.
     */
    private static final String WORDS_IN_QUEUE = """
            (search_text LIKE ? ESCAPE '!' OR school_text LIKE ? ESCAPE '!') AND (""" + QUEUE_WITH_FIRST_WORD + ")";

    /** The condition of {@code RequestListing.matches} for a search by a name in a queue of one group. */
    private static final String NAME_IN_QUEUE = "(" + QUEUE_WITH_FIRST_WORD + ")";

    /** One measured call: its label, the label of the raw call it is compared with (null for a raw one), its work. */
    private record Call(String label, String baseline, IntConsumer work) {
    }

    /** A statement whose plan is written, with its values. */
    private record Plan(String title, String sql, Object... values) {
    }

    private WorkbenchWorkload() {
    }

    static void run(RunSettings settings, Results results) throws SQLException, IOException {
        results.note(NAME, "Latency of one call after a warm-up, each call taking the next of 10 staff members (one "
                + "group each), of " + SupportVocabulary.SEARCHED_NAMES.size() + " family names, of "
                + SupportVocabulary.WORD_PAIRS.size() + " pairs of words " + SupportVocabulary.WORD_PAIRS
                + " or of the request numbers. The worklist is one ListQueue page (scope queue, every status, "
                + "newest first) and one CountRequests of the queue, as the front's worklist loads them. \"raw\" "
                + "calls are plain JDBC in auto-commit on the same pool: a page (the names of assignee and last "
                + "actor joined from people) and its COUNT(*) of up to 10,001 rows with the queue as one OR, and the "
                + "counts as one statement reading up to 10,001 entries of each status of the group's index range "
                + "and of the person's. At each size every call is run once as it is measured, its latencies dropped "
                + "(so that the code the calls share is compiled before the smallest size is measured), then measured "
                + "in " + ROUNDS + " rounds, each target judged on each round. Up to 2,000 calls or 4 s per call after "
                + "1 s of warm-up, at least 5: the p99 of a call measured fewer than 100 times is its maximum. \"calls "
                + "that saw a collection\" ran while the JVM's collector paused it, and \"p99 of calls that saw "
                + "none\" leaves them out (not judged). On H2 the file is compacted after each load "
                + "(SHUTDOWN COMPACT, as after a bulk import: the load leaves the file about three times its "
                + "compacted size, and H2 rewrites it in the background while the calls run), and \"H2 file reads "
                + "per call\" is how many pages of its file its store read per measured call, those its cache did "
                + "not hold: each one a read of "
                + "the system's file cache, or of the disk when that cache no longer holds the page.");
        int smallest = settings.sizes().get(0);
        int largest = settings.sizes().get(settings.sizes().size() - 1);
        Sampling sampling = Sampling.workbench(settings.smoke());
        for (String kind : settings.databases()) {
            try (Database db = Database.create(kind); Stack stack = new Stack(db, 4)) {
                List<Person> staff = staff();
                stack.load(BulkLoader.groups(), BulkLoader.catalog(), staff);
                List<Person> agents = staff.subList(0, BulkLoader.GROUPS);
                RawQueries raw = new RawQueries(stack.dataSource());
                BulkLoader loader = new BulkLoader(stack.dataSource(), db.isPostgres(), Instant.now());
                Map<Integer, Map<String, Map<Integer, Double>>> p99s = new TreeMap<>();
                for (int size : settings.sizes()) {
                    double seconds = loader.growTo(size);
                    System.out.printf(Locale.ROOT, "%s: %d requests loaded in %.1f s%n", kind, size, seconds);
                    String scenario = kind + ", " + size + " requests";
                    results.add(NAME, scenario, "bulk load (to this size)", seconds, "s");
                    if (!db.isPostgres()) {
                        results.add(NAME, scenario, "H2 file after the load", databaseBytes(stack.dataSource(), db)
                                / 1e6, "MB");
                        results.add(NAME, scenario, "H2 compaction", loader.compact(), "s");
                    }
                    results.add(NAME, scenario, "database size", databaseBytes(stack.dataSource(), db) / 1e6,
                            "MB");
                    if (size == smallest) {
                        shares(results, raw, scenario, size, agents.get(0));
                    }
                    List<Call> calls = calls(stack.ticketing(), raw, agents, size);
                    for (Call call : calls) {
                        sampling.measure(call.work());
                    }
                    LongSupplier fileReads = db.isPostgres() ? () -> 0 : () -> h2Info(stack.dataSource(), "FILE_READ");
                    for (int round = 1; round <= ROUNDS; round++) {
                        Map<String, Map<Integer, Double>> p99 = p99s.computeIfAbsent(round, r -> new LinkedHashMap<>());
                        String measured = scenario + ", round " + round + ", ";
                        for (Call call : calls) {
                            Sampling.Counted counted = sampling.measure(call.work(), fileReads);
                            Latencies latencies = counted.latencies();
                            latencies.report(results, NAME, measured + call.label(), false);
                            results.add(NAME, measured + call.label(), "calls that saw a collection",
                                    counted.collected(), "count");
                            results.add(NAME, measured + call.label(), "p99 of calls that saw none",
                                    counted.uncollected().millisAt(99), "ms");
                            if (!db.isPostgres()) {
                                results.add(NAME, measured + call.label(), "H2 file reads per call",
                                        counted.perCall(), "");
                            }
                            p99.computeIfAbsent(call.label(), k -> new TreeMap<>()).put(size,
                                    latencies.millisAt(99));
                        }
                        for (Call call : calls) {
                            if (call.baseline() != null) {
                                results.add(NAME, measured + call.label(), "p99 / p99 of " + call.baseline(),
                                        p99.get(call.label()).get(size) / p99.get(call.baseline()).get(size), "");
                            }
                        }
                    }
                    if (size == largest) {
                        explain(stack, db, agents.get(0), settings);
                    }
                }
                p99s.forEach((round, p99) -> judge(results, kind + ", round " + round, p99, smallest, largest));
            }
        }
    }

    /** Forty staff members, the first ten one per group (the measured ones), the others spread over the groups. */
    private static List<Person> staff() {
        return IntStream.range(0, STAFF).mapToObj(i -> new Person(PersonId.of("agent-" + i),
                EmailAddress.of("agent" + i + "@ac-creteil.fr"), new PersonName(
                        SupportVocabulary.GIVEN_NAMES.get(i % SupportVocabulary.GIVEN_NAMES.size()),
                        SupportVocabulary.FAMILY_NAMES.get(SupportVocabulary.FAMILY_NAMES.size() - 1 - i)), null,
                Set.of(Role.AGENT), Set.of(BulkLoader.group(i % BulkLoader.GROUPS)), true)).toList();
    }

    /** The calls, library and raw, each library call followed by the raw call it is compared with. */
    private static List<Call> calls(Ticketing ticketing, RawQueries raw, List<Person> agents, int size) {
        ListQueue queue = ticketing.listQueue();
        CountRequests counts = ticketing.countRequests();
        PageRequest first = PageRequest.first();
        List<String> names = SupportVocabulary.SEARCHED_NAMES;
        List<String> pairs = SupportVocabulary.WORD_PAIRS;
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("worklist: queue page and its counts", "raw: page, total and counts", i -> {
            Person agent = agents.get(i % agents.size());
            queue.list(agent, QueueFilter.queue(), first);
            counts.count(agent, QueueFilter.queue());
        }));
        calls.add(new Call("raw: page, total and counts", null, i -> {
            Person agent = agents.get(i % agents.size());
            raw.page(RawQueries.QUEUE, true, group(agent), agent.id().value());
            raw.counts(group(agent), agent.id().value());
        }));
        calls.add(new Call(COUNTS, RAW_COUNTS, i -> counts.count(agents.get(i % agents.size()),
                QueueFilter.queue())));
        calls.add(new Call(RAW_COUNTS, null, i -> {
            Person agent = agents.get(i % agents.size());
            raw.counts(group(agent), agent.id().value());
        }));
        calls.add(new Call("raw: counts of the group alone, index only", null, i -> raw.query(
                RawQueries.GROUP_COUNTS, group(agents.get(i % agents.size())))));
        calls.add(new Call("search by number, scope all", "raw: by number", i -> queue.list(
                agents.get(i % agents.size()), search(false, String.valueOf(number(i, size))), first)));
        calls.add(new Call("raw: by number", null, i -> raw.page(RawQueries.NUMBER, false, number(i, size))));
        for (boolean inQueue : List.of(true, false)) {
            String scope = inQueue ? "scope queue" : "scope all";
            String nameRaw = "raw: by name, " + scope;
            calls.add(new Call("search by name, " + scope, nameRaw, i -> queue.list(agents.get(i % agents.size()),
                    search(inQueue, names.get(i % names.size())), first)));
            calls.add(new Call(nameRaw, null, i -> {
                Object[] words = likes(names.get(i % names.size()));
                raw.page(inQueue ? RawQueries.QUEUE + " AND " + RawQueries.ONE_WORD : RawQueries.ONE_WORD, true,
                        inQueue ? queueThen(agents.get(i % agents.size()), words) : words);
            }));
            String wordsRaw = "raw: by two words, " + scope;
            calls.add(new Call("search by two words, " + scope, wordsRaw, i -> queue.list(
                    agents.get(i % agents.size()), search(inQueue, pairs.get(i % pairs.size())), first)));
            calls.add(new Call(wordsRaw, null, i -> {
                Object[] words = likes(pairs.get(i % pairs.size()));
                raw.page(inQueue ? RawQueries.QUEUE + " AND " + RawQueries.TWO_WORDS : RawQueries.TWO_WORDS, true,
                        inQueue ? queueThen(agents.get(i % agents.size()), words) : words);
            }));
        }
        return calls;
    }

    private static QueueFilter search(boolean inQueue, String words) {
        return new QueueFilter(inQueue, Set.of(), null, null, null, words, null);
    }

    private static long number(int i, int size) {
        return 1 + Math.floorMod(i * 7919L, size);
    }

    private static String group(Person agent) {
        return agent.groups().iterator().next().value();
    }

    /** The LIKE patterns of the words of {@code typed}, normalised as the core normalises them. */
    private static Object[] likes(String typed) {
        return SearchText.words(typed).stream().map(w -> "%" + w + "%").toArray();
    }

    private static Object[] queueThen(Person agent, Object[] words) {
        Object[] values = new Object[2 + words.length];
        values[0] = group(agent);
        values[1] = agent.id().value();
        System.arraycopy(words, 0, values, 2, words.length);
        return values;
    }

    /** How many requests each searched name and pair of words matches, and the measured queue, as shares. */
    private static void shares(Results results, RawQueries raw, String scenario, int size, Person agent) {
        for (String name : SupportVocabulary.SEARCHED_NAMES) {
            results.add(NAME, scenario + ", name \"" + name + "\"", "share of requests matched",
                    100.0 * raw.count(RawQueries.ONE_WORD, likes(name)) / size, "%");
        }
        for (String pair : SupportVocabulary.WORD_PAIRS) {
            results.add(NAME, scenario + ", words \"" + pair + "\"", "share of requests matched",
                    100.0 * raw.count(RawQueries.TWO_WORDS, likes(pair)) / size, "%");
        }
        results.add(NAME, scenario + ", queue of " + agent.id().value(), "share of requests matched",
                100.0 * raw.count(RawQueries.QUEUE, group(agent), agent.id().value()) / size, "%");
    }

    /** The bytes of the database: H2's file, PostgreSQL's database. */
    private static long databaseBytes(DataSource data, Database db) {
        if (!db.isPostgres()) {
            return h2Info(data, "FILE_SIZE");
        }
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One of H2's {@code info.} settings as a number: {@code FILE_READ}, the pages its store has read from its file
     * since it was opened (those its cache did not hold), or {@code FILE_SIZE}.
     */
    private static long h2Info(DataSource data, String name) {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            s.setString(1, "info." + name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return Long.parseLong(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Ratios of p99 from the smallest to the largest size in one round of a run ({@code run}: the database and the
     * round), and the targets: ≤ 2, and the counts under 20 ms on PostgreSQL.
     */
    private static void judge(Results results, String run, Map<String, Map<Integer, Double>> p99, int smallest,
            int largest) {
        p99.forEach((label, bySize) -> {
            double ratio = bySize.get(largest) / bySize.get(smallest);
            results.add(NAME, run + ", " + label, "p99 at " + largest + " / p99 at " + smallest, ratio, "");
            if (!label.startsWith("raw:")) {
                results.check(NAME, run + ", " + label + ": p99 at " + largest + " ≤ 2 × p99 at " + smallest,
                        ratio <= 2, String.format(Locale.ROOT, "%.2f ms vs %.2f ms (×%.2f)", bySize.get(largest),
                                bySize.get(smallest), ratio));
            }
        });
        if (run.startsWith("postgresql")) {
            double counts = p99.get(COUNTS).get(largest);
            results.check(NAME, run + ", " + COUNTS + ": p99 at " + largest + " < " + (int) COUNTS_TARGET_MS + " ms",
                    counts < COUNTS_TARGET_MS, String.format(Locale.ROOT, "%.2f ms", counts));
        }
    }

    /**
     * Writes the plans, with actual times, of the library's counts (the tallies of the measured agent's queue) and word
     * search, as {@code RequestTallies} and {@code RequestListing} write them, and of the raw statements, at the
     * largest size, to {@code explain-workbench-<database>.txt}.
     */
    private static void explain(Stack stack, Database db, Person agent, RunSettings settings)
            throws SQLException, IOException {
        String me = agent.id().value();
        String group = group(agent);
        Object[] pair = likes(SupportVocabulary.WORD_PAIRS.get(0));
        Object[] name = likes(SupportVocabulary.SEARCHED_NAMES.get(0));
        Object[] common = likes("Mercier");
        String wordsMatches = matches(db, WORDS_IN_QUEUE);
        String nameMatches = matches(db, NAME_IN_QUEUE);
        List<Plan> plans = List.of(
                new Plan("library counts and total of the queue, its tallies", LIBRARY_TALLIES, group, me,
                        group),
                new Plan("raw counts, group and assignee ranges", RawQueries.COUNTS,
                        RawQueries.countsValues(group, me)),
                new Plan("raw counts of the group alone", RawQueries.GROUP_COUNTS, group),
                new Plan("library search by two words, scope queue: matches", wordsMatches, pair[1],
                        pair[1], group, pair[0], group, pair[0], me, pair[0], me, pair[0]),
                new Plan("library search by name, scope queue: matches", nameMatches, group, name[0], group,
                        name[0], me, name[0], me, name[0]),
                new Plan("library search by a name of common trigrams, scope queue: matches", nameMatches,
                        group, common[0], group, common[0], me, common[0], me, common[0]),
                new Plan("raw search by two words, scope queue: total", RawQueries.totalSql(RawQueries.QUEUE
                        + " AND " + RawQueries.TWO_WORDS), queueThen(agent, pair)),
                new Plan("raw search by two words, scope all: page", RawQueries.pageSql(RawQueries.TWO_WORDS),
                        pair),
                new Plan("raw search by two words, scope all: total", RawQueries.totalSql(RawQueries.TWO_WORDS),
                        pair),
                new Plan("raw search by name, scope all: total", RawQueries.totalSql(RawQueries.ONE_WORD), name));
        String prefix = db.isPostgres() ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
        StringBuilder out = new StringBuilder();
        try (Connection c = stack.dataSource().getConnection()) {
            for (Plan plan : plans) {
                out.append("## ").append(plan.title()).append("\n").append(plan.sql()).append("\n-- with ")
                        .append(List.of(plan.values())).append("\n\n");
                RawQueries.plan(c, prefix, plan.sql(), plan.values()).forEach(line -> out.append(line).append('\n'));
                out.append('\n');
            }
        }
        Files.createDirectories(settings.output());
        Files.writeString(settings.output().resolve("explain-workbench-" + db.kind() + ".txt"), out);
    }

    /**
     * {@code RequestListing.matches} for {@code condition}, the numbers only, as {@code Dialect.firstRowsOf} writes
     * it: planned whole on PostgreSQL, a plain limit elsewhere.
     */
    private static String matches(Database db, String condition) {
        String select = "SELECT number FROM requests WHERE 1 = 1 AND " + condition;
        return db.isPostgres() ? "WITH matched AS MATERIALIZED (" + select + ") SELECT * FROM matched LIMIT 101"
                : select + " LIMIT 101";
    }
}
