package fr.guichet.jdbc;

import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.RequestCounts;
import fr.guichet.core.port.RequestQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * How many requests hold each group, assignee, status and counted flags, in {@code request_tallies} (V31), kept by the
 * transaction that files or changes a request: the counts and total of a queue, or of every request, filtered by
 * status, group, assignee or the narrowings of {@link RequestQuery.Only} alone, read a few rows per group and person
 * instead of counting requests.
 */
final class RequestTallies {

    /** The key columns of a tally, in the primary key's order, with their SQL types. */
    private static final Map<String, String> KEY = keyColumns();

    private static final String COLUMNS = "status, assignee, last_activity_staff, reopened";

    /** The columns a list's counts read of a tally: its key and its count. */
    private static final String TALLIED = "assigned_group, " + COLUMNS + ", requests";

    /** The order rows are touched in, the primary key's, so that two changes never wait on each other crosswise. */
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::group).thenComparing(Key::assignee)
            .thenComparing(Key::status).thenComparing(Key::lastActivityStaff).thenComparing(Key::reopened);

    private final String addTo;
    /** The tallies read through their index by assignee, which MariaDB would pass over for the primary key. */
    private final String byAssignee;

    RequestTallies(Dialect dialect) {
        this.addTo = dialect.addTo("request_tallies", KEY, "requests");
        this.byAssignee = dialect.inOrderOf("request_tallies", "request_tallies_by_assignee");
    }

    /**
     * Counts the move of a request that was {@code before} (empty when new) and is now {@code after}; called before
     * {@link OpenRequestCounts#follow}, so that a transaction moving a request twice and one filing for the same
     * person take the tallies' rows first and never wait on each other crosswise.
     */
    void follow(Handle h, Optional<Request> before, Request after) {
        Map<Key, Integer> deltas = new TreeMap<>(ORDER);
        before.map(Key::of).ifPresent(k -> deltas.merge(k, -1, Integer::sum));
        deltas.merge(Key.of(after), 1, Integer::sum);
        deltas.forEach((key, delta) -> {
            if (delta != 0) {
                add(h, key, delta);
            }
        });
    }

    /**
     * Moves the requests assigned to {@code old} to {@code by} with {@code reassign} (which answers how many it moved),
     * their rows locked first, and their tallies with them; the tallies of {@code old} left empty are deleted. Fails
     * when {@code reassign} moved other requests than those locked.
     */
    void replaceAssignee(Handle h, String old, String by, IntSupplier reassign) {
        List<Key> held = keysOf(h, old, "FROM requests WHERE assignee = :old ORDER BY number FOR UPDATE");
        int moved = reassign.getAsInt();
        if (moved != held.size()) {
            throw new IllegalStateException("requests were assigned to " + old + " while they were moved to " + by
                    + ": " + moved + " moved, " + held.size() + " locked");
        }
        Map<Key, Long> deltas = new TreeMap<>(ORDER);
        for (Key key : held) {
            deltas.merge(key, -1L, Long::sum);
            deltas.merge(new Key(key.group(), by, key.status(), key.lastActivityStaff(), key.reopened()), 1L,
                    Long::sum);
        }
        deltas.forEach((key, delta) -> add(h, key, delta));
        List<Key> empty = keysOf(h, old, "FROM request_tallies WHERE assignee = :old AND requests = 0");
        empty.stream().sorted(ORDER).forEach(key -> key.bind(h.createUpdate("DELETE FROM request_tallies WHERE "
                + String.join(" AND ", KEY.keySet().stream().map(c -> c + " = :" + c).toList())
                + " AND requests = 0")).execute());
    }

    /** The keys of the rows {@code from} reads (a FROM clause and what follows) with {@code old} bound, as theirs. */
    private static List<Key> keysOf(Handle h, String old, String from) {
        return h.createQuery("SELECT assigned_group, status, last_activity_staff, reopened " + from).bind("old", old)
                .map((rs, ctx) -> new Key(rs.getString("assigned_group"), old, rs.getString("status"),
                        rs.getBoolean("last_activity_staff"), rs.getBoolean("reopened")))
                .list();
    }

    private void add(Handle h, Key key, long delta) {
        Database.upsertRacingFirstRow(() -> key.bind(h.createUpdate(addTo)).bind("delta", delta).execute());
    }

    /**
     * Whether the tallies hold the counts of what {@code q} matches: a queue or every request, kept to statuses, a
     * group, an assignee or {@link RequestQuery.Only} alone.
     */
    static boolean hold(RequestQuery q) {
        return q.requester() == null && q.submittedFrom() == null && q.submittedBefore() == null
                && q.subject() == null && q.establishment() == null && q.department() == null && q.words() == null;
    }

    /** The counts of what {@code q} matches, as {@code me} asks, up to {@code cap}; {@code q} as they {@link #hold}. */
    RequestCounts counts(Handle h, RequestQuery q, PersonId me, long cap) {
        return RequestCounts.of(cap, me, tallies(h, q));
    }

    /** How many requests {@code q} matches, exactly; {@code q} as they {@link #hold}. */
    long total(Handle h, RequestQuery q) {
        return tallies(h, q).stream().mapToLong(RequestCounts.Tally::requests).sum();
    }

    /** The tallies of what {@code q} matches, summed by status, assignee and counted flags. */
    private List<RequestCounts.Tally> tallies(Handle h, RequestQuery q) {
        List<RequestCounts.Tally> tallies = new ArrayList<>();
        query(h, "", q).map((rs, ctx) -> new RequestCounts.Tally(Status.valueOf(rs.getString("status")),
                        rs.getString("assignee").isEmpty() ? null : PersonId.of(rs.getString("assignee")),
                        !rs.getBoolean("last_activity_staff"), rs.getBoolean("reopened"),
                        Math.max(0, rs.getLong("requests"))))
                .forEach(tallies::add);
        return tallies;
    }

    /**
     * The query of the tallies of what {@code q} matches, {@code prefix} ("EXPLAIN " or nothing) first. A queue's rows
     * are read as two ranges of the tallies' keys, its groups' and the person's outside them, rather than every row
     * compared to either (as H2 reads an OR of two columns), so that the rows read are the queue's, however many groups
     * and people the other rows tally.
     */
    Query query(Handle h, String prefix, RequestQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, List<String>> lists = new LinkedHashMap<>();
        String from = "request_tallies";
        if (q.queueOf() != null) {
            List<String> groups = q.queueOf().groups().stream().map(GroupCode::value).sorted().toList();
            values.put("queuePerson", q.queueOf().person().value());
            if (groups.isEmpty()) {
                where.append(" AND assignee = :queuePerson");
            } else {
                from = "(SELECT " + TALLIED + " FROM request_tallies WHERE assigned_group IN (<queueGroups>) UNION ALL "
                        + "SELECT " + TALLIED + " FROM " + byAssignee + " WHERE assignee = :queuePerson AND "
                        + "assigned_group NOT IN (<queueGroups>)) queue";
                lists.put("queueGroups", groups);
            }
        }
        if (!q.statuses().isEmpty()) {
            where.append(" AND status IN (<statuses>)");
            lists.put("statuses", q.statuses().stream().map(Status::name).sorted().toList());
        }
        if (q.group() != null) {
            where.append(" AND assigned_group = :group");
            values.put("group", q.group().value());
        }
        if (q.assignee() != null) {
            where.append(" AND assignee = :assignee");
            values.put("assignee", q.assignee().value());
        }
        for (RequestQuery.Only only : q.only()) {
            where.append(switch (only) {
                case UNASSIGNED -> " AND assignee = ''";
                case AWAITING_STAFF -> " AND last_activity_staff = FALSE";
                case REOPENED -> " AND reopened = TRUE";
            });
        }
        Query query = h.createQuery(prefix + "SELECT " + COLUMNS + ", SUM(requests) AS requests FROM " + from + where
                + " GROUP BY " + COLUMNS);
        values.forEach(query::bind);
        lists.forEach(query::bindList);
        return query;
    }

    private static Map<String, String> keyColumns() {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("assigned_group", "VARCHAR(32)");
        key.put("assignee", "VARCHAR(64)");
        key.put("status", "VARCHAR(32)");
        key.put("last_activity_staff", "BOOLEAN");
        key.put("reopened", "BOOLEAN");
        return key;
    }

    /** What a request is tallied under: its group, assignee ('' when none), status and counted flags. */
    private record Key(String group, String assignee, String status, boolean lastActivityStaff, boolean reopened) {

        static Key of(Request r) {
            RequestSummary line = r.summaryLine();
            return new Key(line.assignedGroup().value(), line.assignee() == null ? "" : line.assignee().value(),
                    line.status().name(), line.lastActivity().staff(), line.reopened());
        }

        /** {@code statement} with this key bound under the names of its columns. */
        Update bind(Update statement) {
            return statement.bind("assigned_group", group).bind("assignee", assignee).bind("status", status)
                    .bind("last_activity_staff", lastActivityStaff).bind("reopened", reopened);
        }
    }
}
