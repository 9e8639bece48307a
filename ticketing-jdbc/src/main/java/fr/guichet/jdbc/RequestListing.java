package fr.guichet.jdbc;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.RequestSearch;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestSort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The list of requests a query matches, as SQL of fixed text and the values to bind to it: the only SQL written in
 * Java. A staff queue is read in branches, one per (group, status) and one per (assignee, status), each an ordered
 * range of an index: a page takes the first rows of every branch (the whole queue unfiltered in the order of filing,
 * of one branch per group and one of the person's, across statuses), and the total counts the rows of the branches
 * read as one UNION ALL, the assignee's holding only requests outside the groups; a queue searched by words is one
 * condition, left to the words' indexes.
 * A word is found in the request's own text or in its school's: on PostgreSQL in {@code search_text} or
 * {@code school_text}, each with its trigram index, which also keys the request's group and assignee; on H2 and
 * MariaDB the longest word through Guichet's index of words ({@link RequestWords}: the vocabulary's words holding it,
 * then their requests, and the requests of the directory's schools holding it), read first and joined to the requests
 * by number, its candidates exactly its matches, the other words compared in the rows read (a requester's own few
 * requests compare every word in their rows). A search's newest rows ({@link #newest})
 * are read in their order and their words compared in the rows, after the newest holders of its rarest word, read
 * from the index of words, each posting carrying its request's group, assignee and filing time
 * ({@link #postedNumbers}), on every database.
 * A total reads each of its branches up to cap + 1 rows, the counts likewise per status
 * ({@link fr.guichet.core.port.Count}), so that they cost the same however many requests the years pile up: PostgreSQL
 * reads the branches' union lazily and stops at the cap + 1st row across them; H2 and MariaDB aggregate each branch
 * apart and sum them, beyond the cap a lower bound ({@link #aggregated}). The total of a queue in every status reads
 * one branch per group and one for the person, across statuses. A list kept to a queue, statuses, a group, an assignee
 * or the narrowings alone is counted from {@link RequestTallies} instead.
 */
final class RequestListing {

    /**
     * How many of its scope's newest requests a search by words reads first ({@link #newest}): enough to hold more
     * than {@link fr.guichet.core.port.Count#SEARCH_CAP} matches (120 on average) of words found in 2% of the requests,
     * and a first page of words found in 0.4% of them.
     */
    static final int WINDOW = 6_000;

    /**
     * How many holders of a searched word, newest first, a search reads from the index of words before its window
     * ({@link #postedNumbers}): enough for the first page and the total of a name, each holder a match, and of two
     * words when one in ten holders of the rarer one holds the other.
     */
    static final int POSTED = 1_000;

    /** The most vocabulary words, and schools, holding a searched word that {@link #postedNumbers} reads apart. */
    static final int HOLDERS = 16;

    /** The most searched words whose newest holders a search reads, to keep those of the rarest. */
    static final int POSTED_WORDS = 3;

    /** The only orders a list may take: the allow-list from {@link RequestSort} to SQL. */
    private static final Map<RequestSort, String> ORDER_BY = Map.of(
            RequestSort.NEWEST, " ORDER BY submitted_at DESC, number DESC",
            RequestSort.OLDEST, " ORDER BY submitted_at ASC, number ASC",
            RequestSort.UPDATED, " ORDER BY updated_at DESC, number DESC",
            RequestSort.UPDATED_LONGEST_AGO, " ORDER BY updated_at ASC, number ASC",
            RequestSort.DUE, " ORDER BY due_order ASC, number ASC");

    /**
     * For each order, the column it orders by first, whether it reads it descending, and the instant of a request it
     * orders by: the rows following a given one are those after it in (column, number), {@link Dialect#after}.
     */
    private static final Map<RequestSort, Keyset> AFTER = Map.of(
            RequestSort.NEWEST, new Keyset("submitted_at", true, RequestSummary::submittedAt),
            RequestSort.OLDEST, new Keyset("submitted_at", false, RequestSummary::submittedAt),
            RequestSort.UPDATED, new Keyset("updated_at", true, RequestSummary::updatedAt),
            RequestSort.UPDATED_LONGEST_AGO, new Keyset("updated_at", false, RequestSummary::updatedAt),
            RequestSort.DUE, new Keyset("due_order", false, s -> s.serviceLevel().nextDue(s.status())));

    /** The columns a searched word is looked for in: the request's own words and its school's. */
    private static final List<String> WORD_COLUMNS = List.of("search_text", "school_text");

    /** The condition of each narrowing of a list. */
    private static final Map<RequestQuery.Only, String> ONLY = Map.of(
            RequestQuery.Only.UNASSIGNED, " AND assignee IS NULL",
            RequestQuery.Only.AWAITING_STAFF, " AND last_activity_staff = FALSE",
            RequestQuery.Only.REOPENED, " AND reopened = TRUE");

    /** The counts of an open status's rows read: all, unassigned, awaiting the staff, assigned to me, reopened. */
    private static final Counted COUNT_OPEN = Counted.of("""
            COUNT(*) AS total, SUM(CASE WHEN assignee IS NULL THEN 1 ELSE 0 END) AS unassigned,
                SUM(CASE WHEN last_activity_staff = FALSE THEN 1 ELSE 0 END) AS awaiting_staff,
                SUM(CASE WHEN assignee = :me THEN 1 ELSE 0 END) AS mine,
                SUM(CASE WHEN reopened = TRUE THEN 1 ELSE 0 END) AS reopened""",
            "assignee, last_activity_staff, reopened");
    /** The counts of RESOLVED rows read: all, and awaiting the staff (a requester may still write on them). */
    private static final Counted COUNT_RESOLVED = Counted.of("""
            COUNT(*) AS total, 0 AS unassigned, SUM(CASE WHEN last_activity_staff = FALSE THEN 1 ELSE 0 END)
                AS awaiting_staff, 0 AS mine, 0 AS reopened""", "last_activity_staff");
    /** The count of CLOSED rows read, which no flag counts among. */
    private static final Counted COUNT_CLOSED = Counted.of(
            "COUNT(*) AS total, 0 AS unassigned, 0 AS awaiting_staff, 0 AS mine, 0 AS reopened", "1 AS one");

    /** The count of the rows of a list's total. */
    private static final Counted COUNT_ALL = Counted.of("COUNT(*) AS total", "1 AS one");

    /** The condition of a list that keeps every row. */
    private static final String EVERY_ROW = " WHERE 1 = 1";

    /** What keeps, of the requests assigned to the person, those outside the groups of their queue. */
    private static final String OUTSIDE_GROUPS = " AND assigned_group NOT IN (<queueGroups>)";

    private final Dialect dialect;
    private final String from;
    private final String orderBy;
    /**
     * What the queue's index names end with: the indexes of a queue sorted by last change end with "_updated", those of
     * one sorted by due with "_due".
     */
    private final String indexSuffix;
    private final StringBuilder where = new StringBuilder(EVERY_ROW);
    /** Whether the list starts after a given row ({@link #after}), a queue's branches read from that bound. */
    private boolean fromBound;
    /**
     * The searched words' conditions of the whole list, after {@link #where}: through the index of words where the
     * database reads it, in the texts otherwise (on PostgreSQL but the first word of a queue, held in {@link #scope}).
     */
    private final StringBuilder words = new StringBuilder();
    /**
     * What a whole list reads: {@link #from}, or the requests holding the word looked up in the index of words, then
     * their rows by number.
     */
    private String source;
    /** The searched words' conditions in the texts of the rows {@link #newest} reads. */
    private final StringBuilder wordsInRows = new StringBuilder();
    /** The queue a list searched by words keeps, as one condition, after {@link #words} in the whole list only. */
    private String scope = "";
    /** Whether the list reads its scope's newest rows first ({@link #newest}): a staff search by words. */
    private boolean newestFirst;
    /** How many words the list searches. */
    private int searched;
    /**
     * The searched words whose newest holders may be read first ({@link #postedNumbers}): those the index of words
     * holds, longest first, at most {@link #POSTED_WORDS}; none outside a staff search newest first.
     */
    private final List<String> postedWords = new ArrayList<>();
    /** What keeps a queue's requests, as one condition; nothing outside a queue. */
    private String queueKeys = "";
    /**
     * The ranges of the index of words the scope's newest holders of a word are read from: one per key of a queue, one
     * of every request.
     */
    private final List<Branch> postedBranches = new ArrayList<>();
    /** The ordered index ranges the scope of {@link #newest} is read from: none for every request. */
    private final List<Branch> scopeBranches = new ArrayList<>();
    /** The values only {@link #newest} and {@link #postedNumbers} bind. */
    private final Map<String, Object> scopeValues = new HashMap<>();
    private final List<Branch> pageBranches = new ArrayList<>();
    /** The branches of a queue counted by status, each holding one status. */
    private final List<Branch> countBranches = new ArrayList<>();
    /**
     * The branches of a queue its total reads: those of {@link #countBranches}, or, for every status, one per group
     * and one for the person's requests outside them, across statuses.
     */
    private final List<Branch> totalBranches = new ArrayList<>();
    /** The statuses a list outside a queue's branches is counted in, each read apart. */
    private final List<Status> countedStatuses = new ArrayList<>();
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();

    private RequestListing(Dialect dialect, RequestQuery q) {
        this.dialect = dialect;
        this.from = q.requester() == null ? "requests" : dialect.requestsOfOneRequester();
        this.source = from;
        this.orderBy = ORDER_BY.get(q.sort());
        this.indexSuffix = q.sort() == RequestSort.UPDATED || q.sort() == RequestSort.UPDATED_LONGEST_AGO ? "_updated"
                : q.sort() == RequestSort.DUE ? "_due" : "";
    }

    /**
     * The list of what {@code q} matches after {@code after} in its order (from the first when null), read through
     * {@link #first}.
     */
    static RequestListing after(Dialect dialect, RequestQuery q, RequestSummary after) {
        RequestListing c = of(dialect, q);
        if (after != null) {
            Keyset keyset = AFTER.get(q.sort());
            c.add(dialect.after(keyset.column(), keyset.descending(), ":afterAt", ":afterNumber"), "afterAt",
                    keyset.at().apply(after));
            c.values.put("afterNumber", after.number().value());
            c.fromBound = true;
        }
        return c;
    }

    /** The list of what {@code q} matches on a database of {@code dialect}. */
    static RequestListing of(Dialect dialect, RequestQuery q) {
        RequestListing c = new RequestListing(dialect, q);
        if (q.requester() != null) {
            c.add(" AND requester_id = :requester", "requester", q.requester().value());
        }
        if (q.submittedFrom() != null) {
            c.add(" AND submitted_at >= :submittedFrom", "submittedFrom", q.submittedFrom());
        }
        if (q.submittedBefore() != null) {
            c.add(" AND submitted_at < :submittedBefore", "submittedBefore", q.submittedBefore());
        }
        if (q.subject() != null) {
            c.add(" AND (subject = :subject OR subject LIKE :subjectBelow ESCAPE '!')", "subject",
                    q.subject().value());
            c.values.put("subjectBelow", likeEscaped(q.subject().value() + ".") + "%");
        }
        if (q.group() != null) {
            c.add(" AND assigned_group = :group", "group", q.group().value());
        }
        if (q.assignee() != null) {
            c.add(" AND assignee = :assignee", "assignee", q.assignee().value());
        }
        if (q.establishment() != null) {
            c.add(" AND establishment = :establishment", "establishment", q.establishment().value());
        }
        if (q.department() != null) {
            c.add(" AND establishment IN (SELECT uai FROM establishments WHERE department = :department)",
                    "department", q.department().code());
        }
        for (RequestQuery.Only only : q.only()) {
            c.where.append(ONLY.get(only));
        }
        RequestSearch search = RequestSearch.parse(q.words());
        if (search.findsNothing()) {
            c.where.append(" AND 1 = 0");
        }
        search.number().ifPresent(n -> c.add(" AND number = :searchedNumber", "searchedNumber", n.value()));
        boolean indexed = dialect.looksUpWords();
        boolean looksUp = indexed && q.requester() == null;
        int lookedUp = -1;
        for (int i = 0; i < search.words().size(); i++) {
            String word = search.words().get(i);
            if (looksUp && RequestWords.looksUp(word)
                    && (lookedUp < 0 || word.length() > search.words().get(lookedUp).length())) {
                lookedUp = i;
            }
        }
        for (int i = 0; i < search.words().size(); i++) {
            c.values.put("word" + i, "%" + likeEscaped(search.words().get(i)) + "%");
            c.wordsInRows.append(holdsWord(i));
            if (i == lookedUp) {
                c.source = "(" + holding(i) + ") holding " + dialect.joinInOrder() + " requests"
                        + " ON requests.number = holding.matched";
            } else if (indexed || i > 0 || q.queueOf() == null) {
                c.words.append(holdsWord(i));
            }
        }
        c.newestFirst = !search.words().isEmpty() && q.sort() == RequestSort.NEWEST && q.requester() == null;
        c.searched = search.words().size();
        if (c.newestFirst) {
            search.words().stream().filter(RequestWords::looksUp).distinct()
                    .sorted(Comparator.comparingInt(String::length).reversed()).limit(POSTED_WORDS)
                    .forEach(c.postedWords::add);
            if (q.queueOf() == null) {
                c.postedBranches.add(new Branch("", null, "word", "request_words_newest"));
            }
        }
        if (q.queueOf() != null && search.words().isEmpty()) {
            c.queue(q.queueOf(), q.statuses(), q.sort());
        } else {
            if (q.queueOf() != null) {
                c.queueByWords(q.queueOf(), indexed);
            }
            c.statusIn(q.statuses());
        }
        return c;
    }

    /**
     * A queue read in ranges: its counts one per (group, status) and one per (person, status); its page from the same
     * ranges, but for the whole queue unfiltered in the order of filing (the worklist when no view is chosen), which
     * takes the first rows of one range per group and one of the person's across statuses, instead of one per status.
     */
    private void queue(RequestQuery.QueueOf queue, Set<Status> statuses, RequestSort sort) {
        values.put("queuePerson", queue.person().value());
        List<String> groups = queue.groups().stream().map(GroupCode::value).sorted().toList();
        if (!groups.isEmpty()) {
            lists.put("queueGroups", groups);
        }
        for (int i = 0; i < groups.size(); i++) {
            values.put("queueGroup" + i, groups.get(i));
        }
        boolean wholeByFiling = statuses.isEmpty() && EVERY_ROW.contentEquals(where)
                && (sort == RequestSort.NEWEST || sort == RequestSort.OLDEST);
        if (wholeByFiling) {
            for (int i = 0; i < groups.size(); i++) {
                pageBranches.add(new Branch(" AND assigned_group = :queueGroup" + i, null, "assigned_group",
                        "requests_group_newest"));
            }
            pageBranches.add(new Branch(" AND assignee = :queuePerson", null, "assignee", "requests_assignee_newest"));
        }
        for (Status status : statuses.isEmpty() ? List.of(Status.values()) : statuses.stream().sorted().toList()) {
            String withStatus = " AND status = :status" + status.ordinal();
            values.put("status" + status.ordinal(), status.name());
            for (int i = 0; i < groups.size(); i++) {
                Branch group = new Branch(" AND assigned_group = :queueGroup" + i + withStatus, status,
                        "assigned_group, status", "requests_group_queue" + indexSuffix);
                if (!wholeByFiling) {
                    pageBranches.add(group);
                }
                countBranches.add(group);
            }
            Branch mine = new Branch(" AND assignee = :queuePerson" + withStatus, status, "assignee, status",
                    "requests_assignee_queue" + indexSuffix);
            if (!wholeByFiling) {
                pageBranches.add(mine);
            }
            countBranches.add(groups.isEmpty() ? mine
                    : new Branch(mine.condition() + OUTSIDE_GROUPS, status, mine.leading(), mine.index()));
        }
        if (!statuses.isEmpty()) {
            totalBranches.addAll(countBranches);
            return;
        }
        for (int i = 0; i < groups.size(); i++) {
            totalBranches.add(new Branch(" AND assigned_group = :queueGroup" + i, null, null, null));
        }
        totalBranches.add(new Branch(mineOutside(groups), null, null, null));
    }

    /**
     * A queue searched by words: for the whole list, as one condition, on PostgreSQL pairing each of the queue's keys
     * (its groups, the person) with the first word in each column it is looked for in, which PostgreSQL reads pair by
     * pair from the words' indexes keyed by group and assignee (V27), instead of every request holding the word, as a
     * queue's ranges would be read to their end by a rare word (the word is nowhere else in the list's condition:
     * PostgreSQL, which estimates a name's share of the requests from a sample that may miss it, would read it from the
     * words alone); where the words are looked up in the index of words ({@code indexed}), the queue's keys alone, the
     * requests holding the words being read first; and as one range per group and one for the person's requests
     * outside their groups, across statuses, for {@link #newest}.
     */
    private void queueByWords(RequestQuery.QueueOf queue, boolean indexed) {
        values.put("queuePerson", queue.person().value());
        List<String> groups = queue.groups().stream().map(GroupCode::value).sorted().toList();
        List<String> keys = new ArrayList<>();
        if (!groups.isEmpty()) {
            keys.add("assigned_group IN (<queueGroups>)");
            lists.put("queueGroups", groups);
        }
        keys.add("assignee = :queuePerson");
        queueKeys = keys.stream().collect(Collectors.joining(" OR ", " AND (", ")"));
        scope = indexed ? queueKeys
                : keys.stream().flatMap(key -> WORD_COLUMNS.stream().map(column -> key + " AND " + holds(column,
                        ":word0"))).collect(Collectors.joining(" OR ", " AND (", ")"));
        for (int i = 0; i < groups.size(); i++) {
            scopeValues.put("scopeGroup" + i, groups.get(i));
            scopeBranches.add(new Branch(" AND assigned_group = :scopeGroup" + i, null, "assigned_group",
                    "requests_group_newest"));
        }
        scopeBranches.add(new Branch(mineOutside(groups), null, "assignee", "requests_assignee_newest"));
        for (int i = 0; i < groups.size(); i++) {
            postedBranches.add(new Branch(" AND assigned_group = :scopeGroup" + i, null, "word, assigned_group",
                    "request_words_group"));
        }
        postedBranches.add(new Branch(mineOutside(groups), null, "word, assignee", "request_words_assignee"));
    }

    private void statusIn(Set<Status> statuses) {
        if (!statuses.isEmpty()) {
            where.append(" AND status IN (<statuses>)");
            lists.put("statuses", statuses.stream().map(Status::name).sorted().toList());
        }
        countedStatuses.addAll(statuses.isEmpty() ? List.of(Status.values()) : statuses.stream().sorted().toList());
    }

    /** The query of how many requests match, exact up to {@code cap}, beyond it a lower bound ({@link #aggregated}). */
    Query count(Handle h, long cap) {
        return bind(h.createQuery(countSql(cap)));
    }

    /**
     * The query of at most {@code cap} + 1 matching requests of a list read as one range (a search by words), in no
     * order, each row holding {@link RequestRows#SUMMARY_COLUMNS}: what {@link #count} reads, the rows with it, planned
     * for all of them ({@link Dialect#firstRowsOf}).
     * {@code prefix} ("EXPLAIN " or nothing) comes first.
     */
    Query matches(Handle h, String prefix, long cap) {
        return bind(h.createQuery(prefix + dialect.firstRowsOf("SELECT " + RequestRows.SUMMARY_COLUMNS + " FROM "
                + source + condition(), cap + 1)));
    }

    /**
     * The query of how many requests match in each status ({@code status}, {@code total}), and how many of those are
     * unassigned, await the staff and are assigned to {@code me} (columns of those names), each status read apart,
     * exactly up to {@code cap} and beyond it a lower bound ({@link #aggregated}). Unassigned, mine and reopened are
     * counted among open statuses only, awaiting the staff among all but CLOSED.
     */
    Query countByStatus(Handle h, PersonId me, long cap) {
        List<Branch> branches = !countBranches.isEmpty() ? countBranches : countedStatuses.stream()
                .map(s -> new Branch(" AND status = :status" + s.ordinal(), s, null, null)).toList();
        String table = countBranches.isEmpty() ? source : "requests";
        Map<Status, List<Branch>> byStatus = branches.stream().collect(Collectors.groupingBy(Branch::status,
                () -> new EnumMap<>(Status.class), Collectors.toList()));
        String sql = byStatus.entrySet().stream().map(e -> {
            Counted counted = e.getKey().isOpen() ? COUNT_OPEN : e.getKey() == Status.RESOLVED ? COUNT_RESOLVED
                    : COUNT_CLOSED;
            return "SELECT '" + e.getKey().name() + "' AS status, " + aggregated(counted, e.getValue(), table, cap);
        }).collect(Collectors.joining(" UNION ALL "));
        Query query = bind(h.createQuery(sql)).bind("me", me.value());
        if (countBranches.isEmpty()) {
            countedStatuses.forEach(s -> query.bind("status" + s.ordinal(), s.name()));
        }
        return query;
    }

    /**
     * The aggregates of {@code counted} over the rows of {@code table} that the branches match, then its FROM, each
     * branch read up to {@code cap} + 1 rows, so that the aggregates are exact when the branches hold at most
     * {@code cap} rows in all and lower bounds beyond. PostgreSQL reads the branches' union under one more LIMIT,
     * lazily, and stops at the cap + 1st row across them; no derived table is put around the union, which made each
     * row pass through more plan nodes. H2 and MariaDB read each operand of a union whole into a result of its own,
     * which H2 writes to a file beyond about 10,000 rows under a heap of 256 MB: each branch is aggregated on its own
     * and the branches' aggregates summed (see BENCHMARKS.md, run-34-serving).
     */
    private String aggregated(Counted counted, List<Branch> branches, String table, long cap) {
        String limit = " LIMIT " + (cap + 1);
        List<String> each = branches.stream().map(b -> "SELECT " + counted.columns() + " FROM " + table + condition()
                + b.condition() + limit).toList();
        if (each.size() == 1) {
            return counted.aggregates() + " FROM (" + each.get(0) + ") counted";
        }
        if (dialect == Dialect.POSTGRESQL) {
            return counted.aggregates() + " FROM (" + each.stream().map(b -> "(" + b + ")")
                    .collect(Collectors.joining(" UNION ALL ")) + limit + ") counted";
        }
        return counted.sums() + " FROM (" + each.stream().map(b -> "SELECT " + counted.aggregates() + " FROM (" + b
                + ") counted").collect(Collectors.joining(" UNION ALL ")) + ") branches";
    }

    /** Whether a page and its total are first looked for among the scope's newest rows ({@link #newest}). */
    boolean readsNewestFirst() {
        return newestFirst;
    }

    /**
     * The query of the first {@code cap} + 1 matching requests, newest first, among the {@code window} newest requests
     * of the list's scope (every request, or the queue read from its ranges across statuses), each row holding
     * {@link RequestRows#SUMMARY_COLUMNS}: the newest rows being the first of the list's order, the matches found are
     * the list's first ones. A search by common words finds them after a few hundred rows, whatever the years stored.
     * {@code prefix} ("EXPLAIN " or nothing) comes first.
     */
    Query newest(Handle h, String prefix, long cap, int window) {
        String columns = RequestRows.SUMMARY_COLUMNS + ", search_text, school_text";
        String order = ORDER_BY.get(RequestSort.NEWEST);
        String rows = scopeBranches.isEmpty()
                ? "SELECT " + columns + " FROM " + dialect.requestsInOrderOf("requests_newest") + order + " LIMIT "
                        + window
                : "SELECT " + columns + " FROM (" + scopeBranches.stream()
                        .map(b -> "(SELECT " + columns + " FROM " + dialect.requestsInOrderOf(b.index())
                                + EVERY_ROW + b.condition() + dialect.orderOfEqualRange(b.leading(), order)
                                + " LIMIT " + window + ")")
                        .collect(Collectors.joining(" UNION ALL ")) + ") branches" + order + " LIMIT " + window;
        Query query = bind(h.createQuery(prefix + "SELECT " + RequestRows.SUMMARY_COLUMNS + " FROM (" + rows
                + ") newest" + where + wordsInRows + order + " LIMIT " + (cap + 1)));
        scopeValues.forEach(query::bind);
        return query;
    }

    /**
     * Whether a page and its total are first looked for among the scope's newest holders of a word
     * ({@link #postedNumbers}).
     */
    boolean readsPostedFirst() {
        return !postedWords.isEmpty();
    }

    /**
     * Whether the list is a staff search of words the index of words holds, each once, and nothing else: each of the
     * scope's holders of every word in the index's ranges is a match.
     */
    boolean holdersMatch() {
        return postedWords.size() == searched && EVERY_ROW.contentEquals(where);
    }

    /**
     * The holders of each searched word {@link #postedNumbers} may read, in the order of {@link #postedWords}: the
     * vocabulary's words holding it and the directory's schools whose words hold it, each at most {@link #HOLDERS} + 1.
     */
    List<Holders> holders(Handle h) {
        return postedWords.stream().map(word -> new Holders(vocabulary(h, word), schools(h, word))).toList();
    }

    /** The vocabulary's words holding {@code word}, in order, at most {@link #HOLDERS} + 1 of them. */
    private static List<String> vocabulary(Handle h, String word) {
        return h.createQuery("SELECT word FROM search_words WHERE " + holds("word", ":word") + " ORDER BY word LIMIT "
                + (HOLDERS + 1)).bind("word", "%" + likeEscaped(word) + "%").mapTo(String.class).list();
    }

    /** The directory's schools (UAI) whose words hold {@code word}, in order, at most {@link #HOLDERS} + 1. */
    private static List<String> schools(Handle h, String word) {
        return h.createQuery("SELECT uai FROM establishments WHERE " + holds("search_text", ":word")
                + " ORDER BY uai LIMIT " + (HOLDERS + 1)).bind("word", "%" + likeEscaped(word) + "%")
                .mapTo(String.class).list();
    }

    /**
     * The query of the scope's requests holding a searched word ({@code holders}, a queue or every request), each row
     * its number ({@code matched}) and filing time ({@code matched_at}), the {@code window} newest of each range: read
     * from the index of words by word and by each key of a queue (V30), and from the requests of the schools holding
     * it, each range newest first, in no order across ranges. Their {@code window} newest, a request once, hold every
     * match among the scope's newest holders of the word, so that the matches among them ({@link #postedRows}) are the
     * list's first ones; and all of them when the scope holds fewer than {@code window}. The caller merges the ranges:
     * H2 would sort and deduplicate them three times slower than it reads them (see BENCHMARKS.md, run-37-chunks).
     * {@code prefix} ("EXPLAIN " or nothing) comes first.
     */
    Query postedNumbers(Handle h, String prefix, Holders holders, int window) {
        return bindPosted(h.createQuery(prefix + posted(holders, window, "")), holders);
    }

    /**
     * The query of the scope's requests holding a searched word ({@code holders}) filed at or after {@code since},
     * each row its number ({@code matched}), at most {@code limit} of each range, as {@link #postedNumbers} reads
     * them, each range read down to {@code since}, a request once per range holding it: fewer than {@code limit} rows
     * are all of them. Each range's entries are next to each other, where probing the same requests by number reads
     * the index of words at as many places (see BENCHMARKS.md, run-36-tallies).
     */
    Query postedSince(Handle h, Holders holders, Instant since, int limit) {
        return bindPosted(h.createQuery(posted(holders, limit, " AND submitted_at >= :postedSince")), holders)
                .bind("postedSince", since);
    }

    /**
     * The query of those of {@code numbers} whose postings hold one of the vocabulary's {@code words}, read by number:
     * H2 reads the postings' key by word alone, every posting of a common word (see BENCHMARKS.md, run-37-chunks).
     * {@code prefix} ("EXPLAIN " or nothing) comes first.
     */
    Query holding(Handle h, String prefix, List<String> words, List<Long> numbers) {
        return h.createQuery(prefix + "SELECT number FROM "
                + dialect.inOrderOf("request_words", "request_words_by_number")
                + " WHERE word IN (<words>) AND number IN (<numbers>)").bindList("words", words)
                .bindList("numbers", numbers);
    }

    /**
     * The query of those of {@code numbers} that the list matches, every word compared in their rows, each row holding
     * {@link RequestRows#SUMMARY_COLUMNS}, in no order.
     */
    Query postedRows(Handle h, List<Long> numbers) {
        return bind(h.createQuery("SELECT " + RequestRows.SUMMARY_COLUMNS + " FROM requests" + where
                + " AND number IN (<postedNumbers>)" + wordsInRows + queueKeys)).bindList("postedNumbers", numbers);
    }

    /**
     * The {@code window} newest requests holding the word in each range (numbers {@code matched}, filing times
     * {@code matched_at}): those of each vocabulary word and key of the scope, and of each school of the directory
     * holding it (as {@code school_text} copies the directory), each read newest first; a school's range holds all its
     * requests, the scope kept in the rows.
     */
    private String posted(Holders holders, int window, String since) {
        String order = ORDER_BY.get(RequestSort.NEWEST);
        String columns = "SELECT number AS matched, submitted_at AS matched_at FROM ";
        List<String> ranges = new ArrayList<>();
        for (int w = 0; w < holders.words().size(); w++) {
            for (Branch b : postedBranches) {
                ranges.add("(" + columns + dialect.inOrderOf("request_words", b.index()) + " WHERE word = :heldWord"
                        + w + b.condition() + since + dialect.orderOfEqualRange(b.leading(), order) + " LIMIT "
                        + window + ")");
            }
        }
        for (int i = 0; i < holders.schools().size(); i++) {
            ranges.add("(" + columns + dialect.requestsInOrderOf("requests_by_establishment")
                    + " WHERE establishment = :heldSchool" + i + since
                    + dialect.orderOfEqualRange("establishment", order)
                    + " LIMIT " + window + ")");
        }
        return "SELECT matched, matched_at FROM (" + String.join(" UNION ALL ", ranges) + ") ranges";
    }

    private Query bindPosted(Query query, Holders holders) {
        bind(query);
        scopeValues.forEach(query::bind);
        for (int w = 0; w < holders.words().size(); w++) {
            query.bind("heldWord" + w, holders.words().get(w));
        }
        for (int i = 0; i < holders.schools().size(); i++) {
            query.bind("heldSchool" + i, holders.schools().get(i));
        }
        return query;
    }

    /** The vocabulary's words and the directory's schools (UAI) holding a searched word, each in order. */
    record Holders(List<String> words, List<String> schools) {

        /** Whether nothing holds the word: no request does. */
        boolean none() {
            return words.isEmpty() && schools.isEmpty();
        }

        /** Whether more vocabulary words or schools hold the word than {@link #postedNumbers} reads apart. */
        boolean many() {
            return words.size() > HOLDERS || schools.size() > HOLDERS;
        }
    }

    /** The query of one page of the matching requests, each row holding {@link RequestRows#SUMMARY_COLUMNS}. */
    Query page(Handle h, PageRequest page) {
        return page(h, "", page);
    }

    /**
     * The query of the first {@code limit} matching requests, without their total. {@code prefix} ("EXPLAIN " or
     * nothing) comes first.
     */
    Query first(Handle h, String prefix, int limit) {
        return bind(h.createQuery(prefix + pageSql(limit))).bind("limit", limit).bind("offset", 0L)
                .bind("reach", (long) limit);
    }

    /** The database's plan of {@link #page}, one row per line of its EXPLAIN. */
    Query explain(Handle h, PageRequest page) {
        return page(h, "EXPLAIN ", page);
    }

    private Query page(Handle h, String prefix, PageRequest page) {
        long reach = page.offset() + page.size();
        return bind(h.createQuery(prefix + pageSql(reach)))
                .bind("limit", page.size()).bind("offset", page.offset()).bind("reach", reach);
    }

    /**
     * How many requests match, reading {@code from} (the table, with any index hint), counting at most {@code cap} + 1
     * rows ({@link #aggregated}): beyond {@code cap}, only a lower bound.
     */
    private String countSql(long cap) {
        if (totalBranches.isEmpty()) {
            return "SELECT COUNT(*) FROM (SELECT 1 AS one FROM " + source + condition() + " LIMIT " + (cap + 1)
                    + ") counted";
        }
        return "SELECT " + aggregated(COUNT_ALL, totalBranches, "requests", cap);
    }

    /**
     * One page of the matching requests in {@code orderBy}'s order, reading {@code from}; each branch of a queue
     * gives its first {@code reach} rows in that order (the page's end), among which are all those of the page.
     */
    private String pageSql(long reach) {
        String page = orderBy + " LIMIT :limit OFFSET :offset";
        String columns = RequestRows.SUMMARY_COLUMNS;
        if (pageBranches.isEmpty()) {
            return "SELECT " + columns + " FROM " + source + condition() + page;
        }
        return "SELECT " + columns + " FROM (" + pageBranches.stream()
                .map(b -> "(SELECT " + columns + " FROM " + (fromBound ? dialect.requestsFromBound(b.index())
                        : dialect.requestsThrough(b.index())) + condition()
                        + b.condition() + dialect.orderOfEqualRange(b.leading(), orderBy)
                        + dialect.unionOperandLimit(reach) + ")")
                .collect(Collectors.joining(" UNION ")) + ") branches" + page;
    }

    /**
     * One branch of a queue: its condition, the status it holds, the leading columns it holds equal of the index it
     * reads.
     */
    private record Branch(String condition, Status status, String leading, String index) {
    }

    /**
     * The aggregates a count takes of its rows read, each named, the columns they read, and the sums of several
     * branches' aggregates under the same names.
     */
    private record Counted(String aggregates, String columns, String sums) {

        private static final Pattern NAME = Pattern.compile(" AS (\\w+)");

        static Counted of(String aggregates, String columns) {
            return new Counted(aggregates, columns, NAME.matcher(aggregates).results()
                    .map(m -> "SUM(" + m.group(1) + ") AS " + m.group(1)).collect(Collectors.joining(", ")));
        }
    }

    /** An order's first column, its direction, and the instant of a request it orders by. */
    private record Keyset(String column, boolean descending, Function<RequestSummary, Instant> at) {
    }

    /** The condition of the whole list: its own, its words', its queue's when searched by words. */
    private String condition() {
        return where.toString() + words + scope;
    }

    private void add(String condition, String name, Object value) {
        where.append(condition);
        values.put(name, value);
    }

    private Query bind(Query query) {
        values.forEach(query::bind);
        lists.forEach(query::bindList);
        return query;
    }

    /** The condition keeping the person's requests outside the queue's {@code groups}, all of them when it has none. */
    private static String mineOutside(List<String> groups) {
        return " AND assignee = :queuePerson" + (groups.isEmpty() ? "" : OUTSIDE_GROUPS);
    }

    /** The condition that a request holds word {@code i} of the search, in its own words or its school's. */
    private static String holdsWord(int i) {
        return WORD_COLUMNS.stream().map(column -> holds(column, ":word" + i))
                .collect(Collectors.joining(" OR ", " AND (", ")"));
    }

    /**
     * The numbers ({@code matched}) of the requests holding word {@code i} of the search, read from the index of
     * words: those of the vocabulary's words holding it ({@link RequestWords}), and those of the directory's schools
     * whose words hold it, the directory being what {@code school_text} copies. Read first, then the requests by
     * number ({@link Dialect#joinInOrder}): as {@code number IN}, H2 reads a UNION slowly and may read a status's
     * requests first, MariaDB cannot read a UNION as a semi-join and reads every request.
     */
    private static String holding(int i) {
        return "SELECT p.number AS matched FROM request_words p WHERE p.word IN (SELECT v.word FROM search_words v"
                + " WHERE " + holds("v.word", ":word" + i) + ") UNION SELECT s.number FROM requests s WHERE"
                + " s.establishment IN (SELECT e.uai FROM establishments e WHERE " + holds("e.search_text", ":word" + i)
                + ")";
    }

    /** The condition that {@code column} holds the word bound to {@code word}, a LIKE pattern. */
    private static String holds(String column, String word) {
        return column + " LIKE " + word + " ESCAPE '!'";
    }

    /** {@code text} matched literally by LIKE with '!' as the escape character. */
    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
