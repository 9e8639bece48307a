package fr.guichet.jdbc;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.SatisfactionAnswer;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.Count;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestCounts;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.StatusAge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Requests in the {@code requests} table, with their messages, history and attachment metadata appended to their own
 * tables ({@link RequestRows}) and the words of their search text to the index of words ({@link RequestWords}),
 * listed by {@link RequestListing} and counted by assignee in {@link OpenRequestCounts} and by queue in
 * {@link RequestTallies}; numbers come from the database sequence {@code request_number}, shared by every node.
 */
final class JdbiRequestRepository implements RequestRepository {

    /**
     * How many times {@link #posted} a search reads of the holders of another searched word, to keep those of its
     * rarest word that hold it too: for a word ten times commoner.
     */
    private static final int INTERSECTED = 10;

    /** The order of a list newest first, as {@code RequestListing} sorts it: filing time, then number. */
    private static final Comparator<RequestSummary> NEWEST_FIRST = Comparator
            .comparing(RequestSummary::submittedAt).thenComparing(s -> s.number().value()).reversed();

    private final Database db;
    private final OpenRequestCounts openCounts;
    private final RequestTallies tallies;
    private final long cap;
    private final int window;
    private final int posted;

    JdbiRequestRepository(Database db) {
        this(db, Count.CAP, RequestListing.WINDOW, RequestListing.POSTED);
    }

    /**
     * Requests whose lists and counts count up to {@code cap} ({@link Count}), a staff search by words looking first
     * among its scope's {@code posted} newest holders of a word, then among the {@code window} newest requests of its
     * scope.
     */
    JdbiRequestRepository(Database db, long cap, int window, int posted) {
        this.db = db;
        this.openCounts = new OpenRequestCounts(db.dialect());
        this.tallies = new RequestTallies(db.dialect());
        this.cap = cap;
        this.window = window;
        this.posted = posted;
    }

    @Override
    public RequestNumber nextNumber() {
        return db.inTransaction(h -> RequestNumber.of(h.createQuery(db.dialect().nextNumberSql())
                .mapTo(Long.class).one()));
    }

    /**
     * {@inheritDoc} A key taken by a filing committed meanwhile breaks the unique index, which aborts the transaction
     * on PostgreSQL.
     */
    @Override
    public Addition add(Request request) {
        RequestSummary line = request.summaryLine();
        String key = request.idempotencyKey();
        return db.inTransaction(h -> {
            if (key != null && IdempotencyKeys.taken(h, line.requester().id(), key)) {
                return Addition.ALREADY_FILED;
            }
            try {
                RequestRows.insert(h, request);
            } catch (UnableToExecuteStatementException e) {
                if (!Database.isUniqueViolation(e)) {
                    throw e;
                }
                if (key == null) {
                    throw new IllegalStateException("request number already used: " + line.number(), e);
                }
                return Addition.ALREADY_FILED;
            }
            RequestWords.add(h, db.dialect(), line.number().value(), request.searchText());
            tallies.follow(h, Optional.empty(), request);
            openCounts.follow(h, Optional.empty(), request);
            return Addition.ADDED;
        });
    }

    @Override
    public Optional<Request> find(RequestNumber number) {
        return db.inTransaction(h -> RequestRows.find(h, number));
    }

    @Override
    public List<RequestNumber> children(RequestNumber parent) {
        return db.inTransaction(h -> RequestRows.children(h, parent));
    }

    @Override
    public boolean update(RequestChange change) {
        return db.inTransaction(h -> {
            if (!RequestRows.update(h, change)) {
                return false;
            }
            RequestSummary before = change.before().summaryLine();
            RequestSummary after = change.after().summaryLine();
            RequestWords.change(h, db.dialect(), after.number().value(), change.before().searchText(),
                    change.after().searchText());
            if (!before.assignedGroup().equals(after.assignedGroup())
                    || !Objects.equals(before.assignee(), after.assignee())) {
                RequestWords.move(h, after.number().value(), after.assignedGroup().value(),
                        after.assignee() == null ? null : after.assignee().value());
            }
            tallies.follow(h, Optional.of(change.before()), change.after());
            openCounts.follow(h, Optional.of(change.before()), change.after());
            return true;
        });
    }

    @Override
    public Page<RequestSummary> list(RequestQuery query, PageRequest page) {
        RequestListing listing = RequestListing.of(db.dialect(), query);
        long bound = query.countedUpTo(cap);
        return db.inTransaction(h -> {
            if (listing.readsNewestFirst()) {
                return searched(h, listing, bound, page);
            }
            long total = RequestTallies.hold(query) ? tallies.total(h, query)
                    : listing.count(h, bound).mapTo(Long.class).one();
            List<RequestSummary> items = listing.page(h, page).map(RequestRows::summary).list();
            return new Page<>(items, page.page(), page.size(), Count.upTo(bound, total));
        });
    }

    /**
     * A search by words, newest first. The first {@code bound} + 1 matches among the scope's newest holders of a word
     * give the total (more than {@code bound}) and the page when there are that many, and all of them when the scope
     * holds fewer holders than were read ({@link #posted}). Otherwise, the first {@code bound} + 1 matches among the
     * scope's newest rows do, as for common words; failing that, up to {@code bound} + 1 matches of the whole list are
     * read in any order (on PostgreSQL through the words' indexes), and when they are all of them they give the total
     * and, sorted, the page. Only a list of more than {@code bound} matches whose page the newest rows do not hold is
     * paged by the database.
     */
    private Page<RequestSummary> searched(Handle h, RequestListing listing, long bound, PageRequest page) {
        Optional<Page<RequestSummary>> held = listing.readsPostedFirst() ? posted(h, listing, listing.holders(h),
                bound, page) : Optional.empty();
        if (held.isPresent()) {
            return held.get();
        }
        List<RequestSummary> found = listing.newest(h, "", bound, window).map(RequestRows::summary).list();
        long total = found.size();
        if (found.size() <= bound) {
            List<RequestSummary> matches = listing.matches(h, "", bound).map(RequestRows::summary).list();
            total = matches.size();
            if (matches.size() <= bound) {
                found = matches.stream().sorted(NEWEST_FIRST).toList();
            }
        }
        return paged(h, listing, found, total, bound, page);
    }

    /**
     * The page of a search from the scope's newest holders of its words ({@code words}, each word's holders in the
     * index of words), read {@link #kept} a chunk at a time: first as many as the page's end or {@code bound} + 1,
     * then as many as the share of them kept, or matching when their rows were read, promises to hold {@code bound} + 1
     * matches, at least twice as many, at most {@link #posted}. When every word is read apart and the list has no
     * other condition ({@link RequestListing#holdersMatch}), each holder kept is a match: their number gives the total
     * and the page's rows alone are read. Otherwise the rows of the holders kept are read {@code bound} + 1 at a time
     * in order until that many match. Empty when fewer match and the scope holds more holders than were read, or no
     * word's holders can be read apart.
     */
    private Optional<Page<RequestSummary>> posted(Handle h, RequestListing listing, List<RequestListing.Holders> words,
            long bound, PageRequest page) {
        if (words.stream().anyMatch(RequestListing.Holders::none)) {
            return Optional.of(paged(h, listing, List.of(), 0, bound, page));
        }
        boolean exact = listing.holdersMatch() && words.stream().allMatch(w -> !w.many() && w.schools().isEmpty());
        long reach = page.offset() + page.size();
        int chunk = (int) Math.min(posted, Math.max(bound + 1, exact ? reach : 0));
        List<RequestListing.Holders> rarest = words;
        while (true) {
            Optional<Kept> read = kept(h, listing, words, rarest, chunk);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            List<Long> kept = read.get().numbers();
            boolean whole = read.get().holders() < chunk;
            if (exact && (whole || kept.size() > bound)) {
                return Optional.of(kept.size() >= reach || whole ? shown(h, listing, kept, bound, page)
                        : paged(h, listing, List.of(), kept.size(), bound, page));
            }
            int matched = kept.size();
            if (!exact && (whole || kept.size() > bound || chunk == posted)) {
                List<RequestSummary> first = firstMatches(h, listing, kept, bound);
                if (whole || first.size() > bound) {
                    return Optional.of(paged(h, listing, first, first.size(), bound, page));
                }
                matched = first.size();
            }
            if (chunk == posted) {
                return Optional.empty();
            }
            rarest = List.of(read.get().chosen());
            chunk = (int) Math.min(posted, Math.max(2L * chunk, (bound + 1) * chunk * 5 / (4L * Math.max(1, matched))));
        }
    }

    /**
     * The scope's {@code chunk} newest holders of a searched word ({@code words}, each word's holders), newest first,
     * kept by the others: of each word of {@code rarest} the index holds (up to {@link RequestListing#POSTED_WORDS}),
     * those reaching furthest back, all of them when a word has fewer; kept by the other words no school holds, their
     * holders filed since the oldest one kept read from the same ranges (fewer than {@link #INTERSECTED} times as many;
     * probed by number otherwise). Empty when no word's holders can be read apart.
     */
    private static Optional<Kept> kept(Handle h, RequestListing listing, List<RequestListing.Holders> words,
            List<RequestListing.Holders> rarest, int chunk) {
        List<Holder> read = null;
        RequestListing.Holders chosen = null;
        for (RequestListing.Holders word : rarest) {
            if (!word.many() && (read == null || read.size() == chunk)) {
                List<Holder> each = listing.postedNumbers(h, "", word, chunk)
                        .map((rs, ctx) -> new Holder(rs.getLong("matched"), Database.instant(rs, "matched_at")))
                        .stream().distinct().sorted().limit(chunk).toList();
                if (read == null || each.size() < chunk
                        || each.get(each.size() - 1).compareTo(read.get(read.size() - 1)) > 0) {
                    read = each;
                    chosen = word;
                }
            }
        }
        if (read == null) {
            return Optional.empty();
        }
        List<Long> kept = read.stream().map(Holder::number).toList();
        Instant oldest = read.isEmpty() ? null : read.get(read.size() - 1).at();
        for (RequestListing.Holders other : words) {
            if (other != chosen && !other.many() && other.schools().isEmpty() && !kept.isEmpty()) {
                List<Long> since = listing.postedSince(h, other, oldest, INTERSECTED * chunk)
                        .map((rs, ctx) -> rs.getLong("matched")).list();
                Set<Long> holding = new HashSet<>(since.size() < INTERSECTED * chunk ? since
                        : listing.holding(h, "", other.words(), kept).mapTo(Long.class).list());
                kept = kept.stream().filter(holding::contains).toList();
            }
        }
        return Optional.of(new Kept(kept, read.size(), chosen));
    }

    /**
     * The first {@code bound} + 1 of the requests numbered {@code kept} (newest first) that the list matches, their
     * rows read {@code bound} + 1 at a time in order.
     */
    private static List<RequestSummary> firstMatches(Handle h, RequestListing listing, List<Long> kept, long bound) {
        List<RequestSummary> first = new ArrayList<>();
        int batch = (int) bound + 1;
        for (int from = 0; from < kept.size() && first.size() <= bound; from += batch) {
            List<Long> numbers = kept.subList(from, Math.min(kept.size(), from + batch));
            Map<Long, RequestSummary> rows = listing.postedRows(h, numbers).map(RequestRows::summary).stream()
                    .collect(Collectors.toMap(r -> r.number().value(), r -> r));
            numbers.stream().map(rows::get).filter(Objects::nonNull).forEach(first::add);
        }
        return List.copyOf(first.subList(0, (int) Math.min(first.size(), bound + 1)));
    }

    /**
     * The page of a search whose matches, newest first, are the requests numbered {@code matches}: every one of them,
     * or more than {@code bound}. Only the page's rows are read.
     */
    private static Page<RequestSummary> shown(Handle h, RequestListing listing, List<Long> matches, long bound,
            PageRequest page) {
        List<Long> shown = matches.subList((int) Math.min(page.offset(), matches.size()),
                (int) Math.min(page.offset() + page.size(), matches.size()));
        Map<Long, RequestSummary> rows = shown.isEmpty() ? Map.of() : listing.postedRows(h, shown)
                .map(RequestRows::summary).stream().collect(Collectors.toMap(r -> r.number().value(), r -> r));
        List<RequestSummary> items = shown.stream().map(rows::get).filter(Objects::nonNull).toList();
        return new Page<>(items, page.page(), page.size(), Count.upTo(bound, matches.size()));
    }

    /**
     * The holders of a search's chosen word kept by its other words, newest first, how many holders were read, and the
     * word's holders in the index.
     */
    private record Kept(List<Long> numbers, int holders, RequestListing.Holders chosen) {
    }

    /**
     * A request holding a searched word, read from the index of words: its number and filing time, ordered newest
     * first.
     */
    private record Holder(long number, Instant at) implements Comparable<Holder> {

        @Override
        public int compareTo(Holder other) {
            int byTime = other.at.compareTo(at);
            return byTime != 0 ? byTime : Long.compare(other.number, number);
        }
    }

    /**
     * The page of a search of {@code total} matches, {@code found} its first ones in order: from them when they hold
     * it, from the database otherwise.
     */
    private static Page<RequestSummary> paged(Handle h, RequestListing listing, List<RequestSummary> found, long total,
            long bound, PageRequest page) {
        long reach = page.offset() + page.size();
        List<RequestSummary> items;
        if (found.size() >= reach || total <= bound && total == found.size()) {
            items = found.subList((int) Math.min(page.offset(), found.size()), (int) Math.min(reach, found.size()));
        } else {
            items = listing.page(h, page).map(RequestRows::summary).list();
        }
        return new Page<>(List.copyOf(items), page.page(), page.size(), Count.upTo(bound, total));
    }

    @Override
    public List<RequestSummary> listAfter(RequestQuery query, RequestSummary after, int limit) {
        RequestListing listing = RequestListing.after(db.dialect(), query, after);
        return db.inTransaction(h -> listing.first(h, "", limit).map(RequestRows::summary).list());
    }

    @Override
    public RequestCounts count(RequestQuery query, PersonId me) {
        if (RequestTallies.hold(query)) {
            return db.inTransaction(h -> tallies.counts(h, query, me, cap));
        }
        RequestListing listing = RequestListing.of(db.dialect(), query);
        List<StatusCount> rows = db.inTransaction(h -> listing.countByStatus(h, me, cap)
                .map((rs, ctx) -> new StatusCount(Status.valueOf(rs.getString("status")), rs.getLong("total"),
                        rs.getLong("unassigned"), rs.getLong("awaiting_staff"), rs.getLong("mine"),
                        rs.getLong("reopened")))
                .list());
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        rows.forEach(r -> byStatus.merge(r.status(), r.total(), Long::sum));
        return RequestCounts.upTo(cap, byStatus, rows.stream().mapToLong(StatusCount::unassigned).sum(),
                rows.stream().mapToLong(StatusCount::awaitingStaff).sum(),
                rows.stream().mapToLong(StatusCount::mine).sum(), rows.stream().mapToLong(StatusCount::reopened).sum());
    }

    /**
     * One row of the counts: requests read in a status, and how many of them are unassigned, awaiting, the asker's,
     * reopened.
     */
    private record StatusCount(Status status, long total, long unassigned, long awaitingStaff, long mine,
            long reopened) {
    }

    /** The database's plan for a page of {@code query}, one line per row of its EXPLAIN; for tests of the indexes. */
    String explain(RequestQuery query, PageRequest page) {
        return db.inTransaction(h -> plan(RequestListing.of(db.dialect(), query).explain(h, page)));
    }

    /** The database's plan for the tallies a list's counts and total are read from ({@link RequestTallies#hold}). */
    String explainTallies(RequestQuery query) {
        return db.inTransaction(h -> plan(tallies.query(h, "EXPLAIN ", query)));
    }

    /** The database's plan for the statement {@link #listAfter} runs for its arguments. */
    String explainAfter(RequestQuery query, RequestSummary after, int limit) {
        return db.inTransaction(h -> plan(RequestListing.after(db.dialect(), query, after).first(h, "EXPLAIN ",
                limit)));
    }

    /** The database's plan for the first matches of a search by words among its scope's newest requests. */
    String explainNewest(RequestQuery query) {
        return db.inTransaction(h -> plan(RequestListing.of(db.dialect(), query).newest(h, "EXPLAIN ",
                query.countedUpTo(cap), window)));
    }

    /**
     * The database's plan for the numbers of a search's newest holders of its word
     * ({@link RequestListing#postedNumbers}), with what each step read (the statement run).
     */
    String explainPosted(RequestQuery query) {
        RequestListing listing = RequestListing.of(db.dialect(), query);
        String prefix = switch (db.dialect()) {
            case POSTGRESQL -> "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ";
            case MARIADB -> "ANALYZE ";
            case H2 -> "EXPLAIN ANALYZE ";
        };
        return db.inTransaction(h -> plan(listing.postedNumbers(h, prefix, listing.holders(h).get(0), posted)));
    }

    /**
     * The database's plan for the probe of the postings of {@code numbers} for the vocabulary's {@code words}
     * ({@link RequestListing#holding}).
     */
    String explainHolding(List<String> words, List<Long> numbers) {
        return db.inTransaction(h -> plan(RequestListing.of(db.dialect(), RequestQuery.all()).holding(h, "EXPLAIN ",
                words, numbers)));
    }

    /** The database's plan for the matches of a search by words read in any order, up to the bound it counts to. */
    String explainMatches(RequestQuery query) {
        return db.inTransaction(h -> plan(RequestListing.of(db.dialect(), query).matches(h, "EXPLAIN ",
                query.countedUpTo(cap))));
    }

    /** The database's plan for {@link #inStatusBefore}, as {@link #explain(RequestQuery, PageRequest)}. */
    String explainInStatusBefore(Status status, Instant before, StatusAge after, int limit) {
        return db.inTransaction(h -> plan(RequestRows.inStatusBefore(h, "EXPLAIN ", status, before, after, limit)));
    }

    /** The rows of a plan read by {@code explain}, each a line of its columns. */
    static String plan(Query explain) {
        return String.join("\n", explain.map((rs, ctx) -> {
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                line.append(rs.getString(i)).append(' ');
            }
            return line.toString();
        }).list());
    }

    @Override
    public Optional<RequestNumber> findByIdempotencyKey(PersonId requester, String key, Instant notBefore) {
        return db.inTransaction(h -> IdempotencyKeys.holder(h, requester, key, notBefore));
    }

    @Override
    public void releaseIdempotencyKey(PersonId requester, String key, Instant filedBefore) {
        db.inTransaction(h -> {
            IdempotencyKeys.release(h, requester, key, filedBefore);
            return null;
        });
    }

    @Override
    public List<StatusAge> inStatusBefore(Status status, Instant before, StatusAge after, int limit) {
        return db.inTransaction(h -> RequestRows.inStatusBefore(h, status, before, after, limit));
    }

    @Override
    public List<StatusAge> closedBefore(Instant before, StatusAge after, int limit) {
        return db.inTransaction(h -> RequestAnonymisation.closedBefore(h, before, after, limit));
    }

    /** The database's plan for {@link #closedBefore}, as {@link #explain(RequestQuery, PageRequest)}. */
    String explainClosedBefore(Instant before, StatusAge after, int limit) {
        return db.inTransaction(h -> plan(RequestAnonymisation.closedBefore(h, "EXPLAIN ", before, after, limit)));
    }

    @Override
    public List<AttachmentId> files(Collection<RequestNumber> numbers) {
        return db.inTransaction(h -> RequestAnonymisation.files(h, numbers));
    }

    /**
     * {@inheritDoc} It locks the request's row first, so that two answers given at once are stored one after the other
     * and the second finds the first.
     */
    @Override
    public boolean addSatisfaction(SatisfactionAnswer answer) {
        return db.inTransaction(h -> {
            long number = answer.request().value();
            h.createQuery("SELECT number FROM requests WHERE number = :number" + db.dialect().forUpdate())
                    .bind("number", number).mapTo(Long.class).one();
            if (h.createQuery("SELECT COUNT(*) FROM satisfaction_answers WHERE request_number = :number")
                    .bind("number", number).mapTo(Long.class).one() > 0) {
                return false;
            }
            h.createUpdate("""
                    INSERT INTO satisfaction_answers (request_number, score, comment, answered_at)
                    VALUES (:number, :score, :comment, :at)""")
                    .bind("number", number).bind("score", answer.score()).bind("comment", answer.comment())
                    .bind("at", answer.answeredAt()).execute();
            return true;
        });
    }

    @Override
    public Optional<SatisfactionAnswer> satisfaction(RequestNumber number) {
        return db.read(h -> h.createQuery("""
                        SELECT score, comment, answered_at FROM satisfaction_answers WHERE request_number = :number""")
                .bind("number", number.value())
                .map((rs, ctx) -> new SatisfactionAnswer(number, rs.getInt("score"), rs.getString("comment"),
                        Database.instant(rs, "answered_at")))
                .findOne());
    }

    @Override
    public int anonymise(Collection<RequestNumber> numbers, Instant at) {
        return db.inTransaction(h -> RequestAnonymisation.anonymise(h, db.dialect(), numbers, at));
    }

    @Override
    public boolean refersTo(PersonId person) {
        return db.inTransaction(h -> RequestAnonymisation.refersTo(h, person));
    }

    @Override
    public void replacePerson(PersonId person, PersonRef by) {
        db.inTransaction(h -> {
            RequestAnonymisation.replacePerson(h, person, by, tallies);
            return null;
        });
    }

    @Override
    public Map<PersonId, Long> openRequestCounts(Collection<PersonId> people) {
        return db.inTransaction(h -> OpenRequestCounts.of(h, people));
    }
}
