package fr.guichet.jdbc;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.SchoolYear;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.Count;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestSort;
import fr.guichet.core.port.StatisticsGrouping;
import fr.guichet.core.port.StatisticsQuery;
import fr.guichet.core.port.StatusAge;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With 100,000 requests stored, the database answers "my requests" of a school year, a staff queue, an export's
 * batches and a period's figures through their indexes, never by reading the whole table.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("fr.guichet.jdbc.TestDatabase#selected")
class IndexUseTest {

    private static final int ROWS = 100_000;
    /** Far above any number the sequence hands out during a test run. */
    private static final long FIRST_NUMBER = 20_000_000_000L;
    /** The queue of an agent of PLATEFORME, which holds one in seven of the bulk rows. */
    private static final RequestQuery.QueueOf AGENT = new RequestQuery.QueueOf(PersonId.of("agent"),
            Set.of(GroupCode.of("PLATEFORME")));
    /** How many requests an export reads a batch (RequestBatches.SIZE). */
    private static final int BATCH = 500;

    /** A node of a PostgreSQL plan run: the rows it returned a loop, and its loops. */
    private static final Pattern ACTUAL_ROWS = Pattern.compile(
            "actual time=[0-9.]+\\.\\.[0-9.]+ rows=([0-9.]+) loops=(\\d+)");
    /** The rows a filter of a PostgreSQL plan's node turned down. */
    private static final Pattern REMOVED_BY_FILTER = Pattern.compile("Rows Removed by Filter: (\\d+)");
    /** The line of a PostgreSQL plan that reads an index, naming it. */
    private static final Pattern INDEX_SCAN = Pattern.compile("index (?:only )?scan (?:backward )?(?:using|on) (\\w+)");

    @Parameter
    TestDatabase.Kind kind;

    @Test
    void my_requests_of_a_school_year_are_read_through_an_index() throws Exception {
        TestDatabase database = loaded();
        SchoolYear year = SchoolYear.parse("2020-2021");
        ZoneId paris = ZoneId.of("Europe/Paris");
        RequestQuery mine = RequestQuery.all().withRequester(PersonId.of("bulk-42"))
                .withSubmittedBetween(year.start(paris), year.end(paris));
        JdbiRequestRepository requests = (JdbiRequestRepository) database.node().requests();
        String plan = requests.explain(mine, PageRequest.first());
        assertTrue(plan.toLowerCase(Locale.ROOT).contains("requests_mine"), plan);
    }

    /**
     * A queue's counts read its tallies as two ranges of their keys, its groups' and the person's outside them, not
     * every group's and person's tallies (as H2 reads an OR of two columns); PostgreSQL, left to choose, may scan the
     * few tallies of a test.
     */
    @Test
    void a_queues_counts_read_the_tallies_of_its_groups_and_of_its_person_alone() throws Exception {
        TestDatabase database = loaded();
        JdbiRequestRepository requests = (JdbiRequestRepository) database.node().requests();
        String plan = requests.explainTallies(RequestQuery.all().withQueueOf(AGENT)).toLowerCase(Locale.ROOT);
        if (kind == TestDatabase.Kind.H2) {
            assertTrue(plan.contains("primary_key") && plan.contains("request_tallies_by_assignee"), plan);
            assertFalse(plan.contains("request_tallies.tablescan"), plan);
        } else if (kind == TestDatabase.Kind.MARIADB) {
            assertTrue(plan.contains("request_tallies ref primary primary"), plan);
            assertTrue(plan.contains("request_tallies_by_assignee"), plan);
            assertFalse(plan.contains("request_tallies all"), plan);
        }
    }

    @Test
    void a_staff_queue_is_read_through_the_queue_indexes() throws Exception {
        TestDatabase database = loaded();
        RequestQuery queue = RequestQuery.all().withStatuses(Set.of(Status.NEW)).withQueueOf(AGENT);
        JdbiRequestRepository requests = (JdbiRequestRepository) database.node().requests();
        String plan = requests.explain(queue, PageRequest.first()).toLowerCase(Locale.ROOT);
        assertBranchesRead(plan, "requests_group_queue", "requests_assignee_queue");
        assertBothBranchesInIndexOrder(plan);
    }

    @Test
    void a_whole_staff_queue_newest_first_is_read_in_the_order_of_filing_across_statuses() throws Exception {
        TestDatabase database = loaded();
        RequestQuery queue = RequestQuery.all().withQueueOf(AGENT);
        JdbiRequestRepository requests = (JdbiRequestRepository) database.node().requests();
        String plan = requests.explain(queue, PageRequest.first()).toLowerCase(Locale.ROOT);
        assertTrue(Pattern.compile(switch (kind) {
            case H2 -> "requests_group_newest\\b.*requests_assignee_newest\\b";
            case POSTGRESQL -> "limit.*\\n.*index scan using requests_(group_)?newest on requests";
            case MARIADB -> "derived requests (index|range|ref) \\S+ requests_(group_)?newest ";
        }, Pattern.DOTALL).matcher(plan).find(), "the group's requests read newest first, across statuses: " + plan);
        assertBothBranchesInIndexOrder(plan);
    }

    @Test
    void a_staff_queue_by_due_is_read_through_the_queue_indexes_by_due() throws Exception {
        TestDatabase database = loaded();
        RequestQuery queue = RequestQuery.all().withStatuses(Set.of(Status.NEW)).withSort(RequestSort.DUE)
                .withQueueOf(AGENT);
        JdbiRequestRepository requests = (JdbiRequestRepository) database.node().requests();
        String plan = requests.explain(queue, new PageRequest(3, 20)).toLowerCase(Locale.ROOT);
        assertBranchesRead(plan, "requests_group_queue_due", "requests_assignee_queue_due");
        assertBothBranchesInIndexOrder(plan);
    }

    @Test
    void a_staff_queue_by_last_change_is_read_through_the_queue_indexes_by_update() throws Exception {
        TestDatabase database = loaded();
        RequestQuery queue = RequestQuery.all().withStatuses(Set.of(Status.NEW)).withSort(RequestSort.UPDATED)
                .withOnly(Set.of(RequestQuery.Only.AWAITING_STAFF))
                .withQueueOf(AGENT);
        JdbiRequestRepository requests = (JdbiRequestRepository) database.node().requests();
        String plan = requests.explain(queue, PageRequest.first()).toLowerCase(Locale.ROOT);
        assertBranchesRead(plan, "requests_group_queue_updated", "requests_assignee_queue_updated");
        assertBothBranchesInIndexOrder(plan);
    }

    @Test
    void a_search_by_words_among_every_request_reads_them_newest_first_through_an_index() throws Exception {
        JdbiRequestRepository requests = searching(loaded());
        String plan = requests.explainNewest(RequestQuery.all().withWords("identifiant")).toLowerCase(Locale.ROOT);
        assertTrue(names(plan, "requests_newest"), plan);
        assertFalse(plan.contains("seq scan on requests"), plan);
        assertFalse(plan.lines().filter(l -> l.contains("requests")).anyMatch(l -> l.contains("filesort")), plan);
    }

    @Test
    void a_search_by_words_in_a_queue_reads_the_queue_newest_first_across_statuses() throws Exception {
        JdbiRequestRepository requests = searching(loaded());
        RequestQuery queue = RequestQuery.all().withWords("identifiant").withQueueOf(AGENT);
        String plan = requests.explainNewest(queue).toLowerCase(Locale.ROOT);
        assertTrue(names(plan, "requests_group_newest") || names(plan, "requests_newest"), plan);
        assertFalse(plan.contains("seq scan on requests") || Pattern.compile("->\\s+sort\\s+\\(").matcher(plan).find(),
                plan);
    }

    @Test
    void a_word_many_requests_hold_outside_a_queue_is_looked_up_by_the_queues_keys_not_among_all_its_holders()
            throws Exception {
        JdbiRequestRepository requests = searching(loaded());
        RequestQuery queue = RequestQuery.all().withWords("imprimante").withQueueOf(AGENT);
        String plan = requests.explainMatches(queue).toLowerCase(Locale.ROOT);
        if (kind == TestDatabase.Kind.POSTGRESQL) {
            assertFalse(plan.contains("establishments"), "the school's words are the request's own: " + plan);
            List<String> reads = indexReads(plan);
            assertTrue(reads.stream().allMatch(r -> r.contains("(assigned_group)") || r.contains("(assignee)")), plan);
            assertTrue(reads.stream().anyMatch(r -> (r.startsWith("requests_words:")
                    || r.startsWith("requests_school_words:")) && r.contains("(assigned_group)")), plan);
            assertFalse(plan.contains("seq scan on requests"), plan);
        }
    }

    @Test
    void a_rare_word_searched_among_every_request_is_looked_up_in_the_words_indexes_by_the_word_alone()
            throws Exception {
        JdbiRequestRepository requests = searching(loaded());
        String plan = requests.explainMatches(RequestQuery.all().withWords("introuvable")).toLowerCase(Locale.ROOT);
        if (kind == TestDatabase.Kind.POSTGRESQL) {
            assertFalse(plan.contains("establishments"), "the school's words are the request's own: " + plan);
            assertTrue(names(plan, "requests_words") && names(plan, "requests_school_words"), plan);
            assertFalse(plan.contains("seq scan on requests"), plan);
        }
    }

    /**
     * A word searched in a queue, or among every request, is read as the scope's newest holders of the word, from the
     * index of words by word and group and by word and assignee, or by word alone, newest first, at most
     * {@link RequestListing#POSTED} of them and no request (a word that 14,000 of the group's 14,286 requests hold,
     * 86,000 of all), whatever the years the scope holds; the requests are then read by number.
     */
    @Test
    void a_word_searched_is_read_as_the_scopes_newest_holders_of_the_word_from_the_index_of_words() throws Exception {
        JdbiRequestRepository requests = searching(loaded());
        Map<RequestQuery, List<String>> indexes = Map.of(
                RequestQuery.all().withWords("identifiant").withQueueOf(AGENT),
                List.of("request_words_group", "request_words_assignee"),
                RequestQuery.all().withWords("perte identifiant").withQueueOf(AGENT),
                List.of("request_words_group", "request_words_assignee"),
                RequestQuery.all().withWords("identifiant"), List.of("request_words_newest"));
        indexes.forEach((query, names) -> {
            String plan = requests.explainPosted(query).toLowerCase(Locale.ROOT);
            assertTrue(names.stream().allMatch(index -> names(plan, index)), plan);
            assertFalse(plan.contains("seq scan") || plan.contains("tablescan"), plan);
            if (kind == TestDatabase.Kind.POSTGRESQL) {
                Matcher read = Pattern.compile("scan using " + names.get(0) + " on request_words \\(actual time="
                        + "[0-9.]+\\.\\.[0-9.]+ rows=(\\d+)").matcher(plan);
                assertTrue(read.find() && Long.parseLong(read.group(1)) <= RequestListing.POSTED, plan);
                assertFalse(Pattern.compile("->\\s+sort\\s+\\(").matcher(plan).find() || plan.contains(" on requests"),
                        plan);
            } else if (kind == TestDatabase.Kind.H2) {
                assertTrue(plan.split("index sorted", -1).length - 1 >= names.size(), "ranges in index order: " + plan);
            } else {
                assertFalse(plan.lines().filter(l -> l.contains(" request_words "))
                        .anyMatch(l -> l.contains("filesort")), plan);
            }
        });
    }

    /**
     * The postings of the holders kept of a searched word are probed by number for another word, not read by that word
     * alone: H2 read every posting of a common word to keep a hundred numbers.
     */
    @Test
    void the_postings_of_the_holders_kept_are_probed_by_number_not_read_by_the_other_word() throws Exception {
        JdbiRequestRepository requests = searching(loaded());
        String plan = requests.explainHolding(List.of("imprimante", "imprimantes"),
                LongStream.rangeClosed(1, 120).boxed().toList()).toLowerCase(Locale.ROOT);
        if (kind == TestDatabase.Kind.POSTGRESQL) {
            assertFalse(plan.contains("seq scan"), plan);
        } else {
            assertTrue(names(plan, "request_words_by_number"), plan);
        }
    }

    /**
     * On H2 and MariaDB a searched word is looked up in the index of words: the vocabulary's words holding it, their
     * postings by their key, the directory's schools holding it and their requests by establishment, then the requests
     * found read by number, a queue kept among them; never the requests read whole. The whole list's total and page
     * read the same way, but that H2 may read a status's range of requests first (NEW, 5% of them here) and look each
     * one up in the index of words by its number.
     */
    @Test
    void a_word_searched_on_h2_and_mariadb_is_read_from_the_index_of_words_then_its_requests_by_number()
            throws Exception {
        if (kind == TestDatabase.Kind.POSTGRESQL) {
            return;
        }
        JdbiRequestRepository requests = searching(loaded());
        List<RequestQuery> searches = List.of(RequestQuery.all().withWords("introuvable"),
                RequestQuery.all().withWords("IMPRIMANTE").withQueueOf(AGENT),
                RequestQuery.all().withWords("ne identifiant").withQueueOf(AGENT),
                RequestQuery.all().withWords("identifiant").withStatuses(Set.of(Status.NEW)));
        assertAll(searches.stream().flatMap(query -> List.<String>of(requests.explainMatches(query),
                requests.explain(query.withSort(RequestSort.UPDATED), new PageRequest(2, 20)))
                .stream()).map(plan -> () -> assertReadFromWords(plan.toLowerCase(Locale.ROOT))));
    }

    @Test
    void the_requests_idle_in_a_status_are_read_through_the_index_by_status_since() throws Exception {
        TestDatabase database = loaded();
        JdbiRequestRepository requests = (JdbiRequestRepository) database.node().requests();
        Instant before = Instant.parse("2030-01-01T00:00:00Z");
        for (StatusAge after : Arrays.asList(null,
                new StatusAge(RequestNumber.of(42), Instant.parse("2020-01-01T00:00:00Z")))) {
            String plan = requests.explainInStatusBefore(Status.WAITING_FOR_REQUESTER, before, after, 100)
                    .toLowerCase(Locale.ROOT);
            assertTrue(plan.contains("requests_by_status_since"), plan);
            assertFalse(plan.contains("seq scan") || plan.contains("tablescan"), plan);
        }
    }

    @Test
    void the_closed_requests_left_to_anonymise_are_read_from_their_index() throws Exception {
        TestDatabase database = loaded();
        JdbiRequestRepository requests = (JdbiRequestRepository) database.node().requests();
        Instant before = Instant.parse("2030-01-01T00:00:00Z");
        for (StatusAge after : Arrays.asList(null,
                new StatusAge(RequestNumber.of(42), Instant.parse("2020-01-01T00:00:00Z")))) {
            String plan = requests.explainClosedBefore(before, after, 200).toLowerCase(Locale.ROOT);
            assertTrue(plan.contains("requests_to_anonymise"), plan);
            assertFalse(plan.contains("seq scan") || plan.contains("tablescan"), plan);
        }
    }

    /**
     * The statement {@link JdbiRequestRepository#listAfter} runs for a batch after the first reads a range of an index
     * of its order from where the last batch ended: requests_newest for every request by filing, a queue's indexes of
     * its order (or, by filing, the group's or every request's by filing) for a queue. On MariaDB, whose EXPLAIN does
     * not say which of the index's columns bound a range, the batch after four others also reads at most two batches'
     * entries of its indexes (a queue's union reads one per branch), not every row before it again; so does
     * PostgreSQL's by due, where every closed request shares its instant (by filing, PostgreSQL may read a queue's
     * batch through requests_newest, every group's, from the bound: a group's share of the entries read, not more
     * batch after batch).
     */
    @Test
    void an_exports_next_batch_is_read_through_the_index_of_its_order_from_where_the_last_one_ended()
            throws Exception {
        TestDatabase database = loaded();
        JdbiRequestRepository requests = (JdbiRequestRepository) database.node().requests();
        RequestQuery queue = RequestQuery.all().withStatuses(Set.of(Status.CLOSED)).withQueueOf(AGENT);
        Map<RequestQuery, List<String>> indexes = Map.of(RequestQuery.all(), List.of("requests_newest"),
                RequestQuery.all().withSort(RequestSort.OLDEST), List.of("requests_newest"),
                RequestQuery.all().withQueueOf(AGENT), List.of("requests_group_newest", "requests_newest"),
                queue, List.of("requests_group_queue", "requests_group_newest", "requests_newest"),
                queue.withSort(RequestSort.OLDEST), List.of("requests_group_queue", "requests_group_newest",
                        "requests_newest"),
                queue.withSort(RequestSort.UPDATED), List.of("requests_group_queue_updated"),
                queue.withSort(RequestSort.UPDATED_LONGEST_AGO), List.of("requests_group_queue_updated"),
                queue.withSort(RequestSort.DUE), List.of("requests_group_queue_due"));
        assertAll(indexes.entrySet().stream().map(e -> () -> {
            RequestQuery query = e.getKey();
            List<RequestSummary> first = requests.listAfter(query, null, BATCH);
            String plan = requests.explainAfter(query, first.get(first.size() - 1), BATCH).toLowerCase(Locale.ROOT);
            String column = switch (query.sort()) {
                case NEWEST, OLDEST -> "submitted_at";
                case UPDATED, UPDATED_LONGEST_AGO -> "updated_at";
                case DUE -> "due_order";
            };
            String seen = query.sort() + (query.queueOf() == null ? "" : " in a queue")
                    + (query.statuses().isEmpty() ? "" : " " + query.statuses()) + ": " + plan;
            assertFalse(plan.contains("seq scan") || plan.contains("tablescan"), seen);
            assertTrue(e.getValue().stream().anyMatch(index -> readsFromBound(plan, index, column)),
                    e.getValue() + " from a bound of " + column + ", " + seen);
            if (kind == TestDatabase.Kind.MARIADB
                    || kind == TestDatabase.Kind.POSTGRESQL && query.sort() == RequestSort.DUE) {
                List<RequestSummary> four = requests.listAfter(query, null, 4 * BATCH);
                long read = indexEntriesRead(database, query, four.get(four.size() - 1));
                assertTrue(read > BATCH / 2 && read <= 2 * BATCH, read + " index entries read for the batch after "
                        + four.size() + " rows, " + seen);
            }
        }));
    }

    /** How many index entries the database reads for the batch of {@code query} after {@code after}. */
    private long indexEntriesRead(TestDatabase database, RequestQuery query, RequestSummary after) {
        return kind == TestDatabase.Kind.MARIADB ? mariadbEntriesRead(database, query, after)
                : Jdbi.create(database.node().dataSource()).withHandle(h -> indexRowsRead(
                        RequestListing.after(Dialect.POSTGRESQL, query, after).first(h, "EXPLAIN ANALYZE ", BATCH)
                                .mapTo(String.class).list()));
    }

    /**
     * The rows the index scans of a PostgreSQL plan run with its actual counts returned, and those their filters
     * turned down after reading them.
     */
    private static long indexRowsRead(List<String> plan) {
        long read = 0;
        boolean inIndexScan = false;
        for (String line : plan) {
            Matcher node = ACTUAL_ROWS.matcher(line);
            if (node.find()) {
                inIndexScan = line.contains("Index Scan") || line.contains("Index Only Scan");
                if (inIndexScan) {
                    read += Math.round(Double.parseDouble(node.group(1))) * Long.parseLong(node.group(2));
                }
            }
            Matcher removed = REMOVED_BY_FILTER.matcher(line);
            if (inIndexScan && removed.find()) {
                read += Long.parseLong(removed.group(1));
            }
        }
        return read;
    }

    /** How many index entries MariaDB reads for the batch of {@code query} after {@code after}. */
    private static long mariadbEntriesRead(TestDatabase database, RequestQuery query, RequestSummary after) {
        return Jdbi.create(database.node().dataSource()).withHandle(h -> {
            long before = indexEntriesRead(h);
            RequestListing.after(Dialect.MARIADB, query, after).first(h, "", BATCH).mapToMap().list();
            return indexEntriesRead(h) - before;
        });
    }

    /**
     * The index entries this MariaDB session has read so far: rows read next or previous in an index, and entries its
     * index condition turned down.
     */
    private static long indexEntriesRead(Handle h) {
        Map<String, Long> status = new HashMap<>();
        h.createQuery("SHOW SESSION STATUS WHERE Variable_name IN ('Handler_read_next', 'Handler_read_prev', "
                + "'Handler_icp_attempts', 'Handler_icp_match')")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(entry -> status.put(entry.getKey(), entry.getValue()));
        return status.get("Handler_read_next") + status.get("Handler_read_prev") + status.get("Handler_icp_attempts")
                - status.get("Handler_icp_match");
    }

    /**
     * On PostgreSQL once the table is vacuumed, as autovacuum leaves it after a bulk of inserts: until its pages are
     * marked all-visible, an index-only read would visit the table anyway and the planner reads requests_newest.
     */
    @Test
    void the_figures_of_a_month_are_read_from_the_figures_index() throws Exception {
        TestDatabase database = loaded();
        if (kind == TestDatabase.Kind.POSTGRESQL) {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.execute("VACUUM requests");
            }
        }
        JdbiRequestStatistics statistics = new JdbiRequestStatistics(new Database(
                Jdbi.create(database.node().dataSource()), Dialect.of(database.config.url())));
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant from = LocalDate.of(2020, 3, 1).atStartOfDay(paris).toInstant();
        Instant before = LocalDate.of(2020, 4, 1).atStartOfDay(paris).toInstant();
        for (StatisticsGrouping by : List.of(StatisticsGrouping.SUBJECT, StatisticsGrouping.ESTABLISHMENT)) {
            String plan = statistics.explain(new StatisticsQuery(from, before, paris, by, null,
                    List.of(SubjectCode.parse("EVE-4")), before, 501)).toLowerCase(Locale.ROOT);
            assertTrue(names(plan, "requests_figures"), plan);
            assertFalse(plan.contains("seq scan on requests") || plan.contains("requests.tablescan"), plan);
        }
    }

    /**
     * The requests of {@code database}, a search by words looking first among as small a part of a group's requests as
     * {@link RequestListing#WINDOW} is of a group's on a platform of a few million requests.
     */
    private static JdbiRequestRepository searching(TestDatabase database) {
        return new JdbiRequestRepository(new Database(Jdbi.create(database.node().dataSource()),
                Dialect.of(database.config.url())), Count.CAP, 600, RequestListing.POSTED);
    }

    /** The database of this kind, holding the bulk rows once whichever test runs first. */
    private TestDatabase loaded() throws Exception {
        TestDatabase database = TestDatabase.of(kind);
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet bulk = s.executeQuery("SELECT COUNT(*) FROM requests WHERE number > " + FIRST_NUMBER)) {
            bulk.next();
            if (bulk.getLong(1) == 0) {
                s.execute(bulkInsert());
                indexWords(c);
                if (kind == TestDatabase.Kind.POSTGRESQL) {
                    s.execute("ANALYZE requests, request_words, search_words");
                } else if (kind == TestDatabase.Kind.MARIADB) {
                    s.execute("ANALYZE TABLE requests, request_words, search_words");
                }
            }
        }
        return database;
    }

    /** Writes the index of words of the bulk rows, as Guichet does at filing ({@link RequestWords}). */
    private void indexWords(Connection c) throws SQLException {
        Dialect dialect = Dialect.of(TestDatabase.of(kind).config.url());
        try (PreparedStatement texts = c.prepareStatement("SELECT DISTINCT search_text FROM requests WHERE number > "
                + FIRST_NUMBER); ResultSet found = texts.executeQuery();
                PreparedStatement postings = c.prepareStatement("INSERT INTO request_words (word, number, "
                        + "assigned_group, assignee, submitted_at) SELECT ?, number, assigned_group, assignee, "
                        + "submitted_at FROM requests WHERE number > " + FIRST_NUMBER + " AND search_text = ?");
                PreparedStatement vocabulary = c.prepareStatement(dialect.insertUnlessPresent("search_words", "word")
                        .replace(":word", "?"))) {
            while (found.next()) {
                for (String word : RequestWords.of(found.getString(1))) {
                    postings.setString(1, word);
                    postings.setString(2, found.getString(1));
                    postings.executeUpdate();
                    vocabulary.setString(1, word);
                    vocabulary.executeUpdate();
                }
            }
        }
    }

    private String bulkInsert() {
        String columns = "INSERT INTO requests (number, requester_id, requester_given, requester_family, subject, "
                + "type, summary, description, search_text, visibility, status, assigned_group, submitted_at, "
                + "updated_at, status_since, version) ";
        String constants = "'Élise', 'Ñúñez', 'EVE-4.2', 'USAGE', ";
        return switch (kind) {
            case POSTGRESQL -> columns + "SELECT " + FIRST_NUMBER + " + g, 'bulk-' || (g % 1000), " + constants
                    + texts("g") + status("g") + "TIMESTAMP '2019-01-01 00:00:00' + g * INTERVAL '15 minutes', "
                    + "TIMESTAMP '2019-01-01 00:00:00' + g * INTERVAL '15 minutes', "
                    + "TIMESTAMP '2019-01-01 00:00:00' + g * INTERVAL '15 minutes', 1 "
                    + "FROM generate_series(1, " + ROWS + ") AS g";
            case MARIADB -> columns + "SELECT " + FIRST_NUMBER + " + seq, CONCAT('bulk-', seq % 1000), " + constants
                    + texts("seq") + status("seq") + "TIMESTAMP '2019-01-01 00:00:00' + INTERVAL (seq * 15) MINUTE, "
                    + "TIMESTAMP '2019-01-01 00:00:00' + INTERVAL (seq * 15) MINUTE, "
                    + "TIMESTAMP '2019-01-01 00:00:00' + INTERVAL (seq * 15) MINUTE, 1 "
                    + "FROM seq_1_to_" + ROWS;
            case H2 -> columns + "SELECT " + FIRST_NUMBER + " + X, 'bulk-' || MOD(X, 1000), " + constants
                    + texts("X") + status("X") + "DATEADD(MINUTE, X * 15, TIMESTAMP '2019-01-01 00:00:00'), "
                    + "DATEADD(MINUTE, X * 15, TIMESTAMP '2019-01-01 00:00:00'), "
                    + "DATEADD(MINUTE, X * 15, TIMESTAMP '2019-01-01 00:00:00'), 1 "
                    + "FROM SYSTEM_RANGE(1, " + ROWS + ")";
        };
    }

    /**
     * The summary, description, words and visibility of the bulk row of rank {@code rank}: a printer out of order in
     * the group AUTRE-3 (words that many requests hold, none of PLATEFORME's), a lost password in the others.
     */
    private static String texts(String rank) {
        String printer = "CASE WHEN MOD(" + rank + ", 7) = 3 THEN ";
        return printer + "'imprimante en panne' ELSE 'perte d''identifiant' END, " + printer
                + "'Elle ne marche plus' ELSE 'Je ne sais plus' END, " + printer
                + "'imprimante en panne elle ne marche plus' ELSE 'perte d''identifiant je ne sais plus' END, "
                + "'PRIVATE', ";
    }

    /**
     * The status and group of the bulk row of rank {@code rank}, spread as on a platform that has lived for years: one
     * in 20 NEW and the others CLOSED (each in its status since it was last changed), one in 7 in the group PLATEFORME
     * and the others in 6 other groups.
     */
    private static String status(String rank) {
        return "CASE WHEN MOD(" + rank + ", 20) = 0 THEN 'NEW' ELSE 'CLOSED' END, CASE WHEN MOD(" + rank
                + ", 7) = 0 THEN 'PLATEFORME' ELSE CONCAT('AUTRE-', MOD(" + rank + ", 7)) END, ";
    }

    /**
     * That {@code plan} reads the index of words by its keys and the requests it finds by number, no table but the
     * vocabulary and the directory read whole.
     */
    private void assertReadFromWords(String plan) {
        if (kind == TestDatabase.Kind.H2) {
            assertTrue(plan.contains("public.request_words p") && plan.contains(": word in("), plan);
            assertTrue(Pattern.compile("public\\.primary_key_\\w+: number = holding\\.matched").matcher(plan).find()
                    || plan.contains("number is not distinct from"), plan);
            assertFalse(plan.contains("public.requests.tablescan") || plan.contains("request_words.tablescan"), plan);
        } else {
            List<String[]> rows = plan.lines().map(l -> l.split(" ")).toList();
            assertTrue(rows.stream().anyMatch(c -> c[2].equals("p") && c[5].equals("primary")), plan);
            assertTrue(rows.stream().anyMatch(c -> c[2].equals("requests") && c[3].equals("eq_ref")), plan);
            assertFalse(rows.stream().anyMatch(c -> List.of("requests", "s", "p").contains(c[2])
                    && c[3].equals("all")), plan);
        }
    }

    /** That a queue's two branches are each read in their index's order, none of the table read whole. */
    private void assertBothBranchesInIndexOrder(String plan) {
        assertFalse(plan.contains("seq scan") || plan.contains("tablescan"), plan);
        if (kind == TestDatabase.Kind.H2) {
            assertEquals(2, plan.split("index sorted", -1).length - 1, "both branches read in index order: " + plan);
        } else if (kind == TestDatabase.Kind.MARIADB) {
            assertFalse(plan.lines().filter(l -> l.contains("requests_")).anyMatch(l -> l.contains("filesort")), plan);
        }
    }

    /**
     * The group's branch is read through {@code groupIndex}, in its order, the person's few rows through
     * {@code assigneeIndex}, or either through the narrower counting index, whichever the database finds cheaper.
     */
    private static void assertBranchesRead(String plan, String groupIndex, String assigneeIndex) {
        assertTrue((names(plan, groupIndex) || names(plan, "requests_group_counts"))
                && (names(plan, assigneeIndex) || names(plan, "requests_assignee_counts")), plan);
    }

    /**
     * Whether {@code plan} reads {@code index} from a bound of {@code column}, the order's: a range of it, not the
     * whole index up to where the last batch ended.
     */
    private boolean readsFromBound(String plan, String index, String column) {
        Pattern bound = Pattern.compile("\\b" + column + " [<>]=");
        Pattern row = Pattern.compile("row\\(" + column + ", number\\) [<>] ");
        return switch (kind) {
            case POSTGRESQL -> indexReads(plan).stream().anyMatch(r -> r.startsWith(index + ":")
                    && row.matcher(r).find());
            case H2 -> Pattern.compile(Pattern.quote(index) + ":[^*]*\\b" + column + " [<>]=").matcher(plan).find();
            case MARIADB -> plan.lines().map(l -> l.split(" ")).anyMatch(c -> c.length > 5 && c[5].equals(index)
                    && c[3].equals("range"));
        };
    }

    /** What each index read of a PostgreSQL {@code plan} looks up: "index: its index condition", in plan order. */
    private static List<String> indexReads(String plan) {
        List<String> reads = new ArrayList<>();
        String index = null;
        for (String line : plan.lines().toList()) {
            Matcher scan = INDEX_SCAN.matcher(line);
            if (scan.find()) {
                index = scan.group(1);
            } else if (index != null && line.contains("index cond:")) {
                reads.add(index + ": " + line.trim());
            }
        }
        return reads;
    }

    private static boolean names(String plan, String index) {
        return Pattern.compile(Pattern.quote(index) + "\\b").matcher(plan).find();
    }
}
