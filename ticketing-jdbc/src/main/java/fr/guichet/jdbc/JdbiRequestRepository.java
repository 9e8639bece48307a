package fr.guichet.jdbc;

import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.ErrorKind;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonName;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.Attachment;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.Description;
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.MessageKind;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.Page;
import fr.guichet.core.port.PageRequest;
import fr.guichet.core.port.RequestQuery;
import fr.guichet.core.port.RequestRepository;
import fr.guichet.core.port.RequestSort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Requests in the {@code requests} table, with their messages, history and attachment metadata appended to their own
 * tables; numbers come from the database sequence {@code request_number}, shared by every node.
 */
final class JdbiRequestRepository implements RequestRepository {

    private static final String SUMMARY_COLUMNS = "number, summary, subject, type, status, visibility, submitted_at, "
            + "updated_at, establishment, requester_id, requester_given, requester_family, assigned_group, assignee";

    /** The only orders a list may take: the allow-list from {@link RequestSort} to SQL. */
    private static final Map<RequestSort, String> ORDER_BY = Map.of(
            RequestSort.NEWEST, " ORDER BY submitted_at DESC, number DESC",
            RequestSort.OLDEST, " ORDER BY submitted_at ASC, number ASC",
            RequestSort.UPDATED, " ORDER BY updated_at DESC, number DESC");

    private final Database db;

    JdbiRequestRepository(Database db) {
        this.db = db;
    }

    @Override
    public RequestNumber nextNumber() {
        return db.inTransaction(h -> RequestNumber.of(h.createQuery(db.dialect().nextNumberSql())
                .mapTo(Long.class).one()));
    }

    @Override
    public void add(Request request) {
        RequestSummary line = request.summaryLine();
        db.inTransaction(h -> {
            if (request.idempotencyKey() != null && keyTaken(h, request)) {
                throw idempotencyKeyTaken();
            }
            try {
                h.createUpdate("INSERT INTO requests (number, requester_id, requester_given, requester_family, "
                        + "establishment, subject, type, summary, description, search_text, visibility, status, "
                        + "assigned_group, assignee, submitted_at, updated_at, resolved_at, version, idempotency_key) "
                        + "VALUES (:number, :requesterId, :requesterGiven, :requesterFamily, :establishment, "
                        + ":subject, :type, :summary, :description, :searchText, :visibility, :status, "
                        + ":assignedGroup, :assignee, :submittedAt, :updatedAt, :resolvedAt, :version, :key)")
                        .bind("number", line.number().value())
                        .bind("requesterId", line.requester().id().value())
                        .bind("requesterGiven", line.requester().name().given())
                        .bind("requesterFamily", line.requester().name().family())
                        .bind("establishment", line.establishment() == null ? null : line.establishment().value())
                        .bind("submittedAt", line.submittedAt())
                        .bind("key", request.idempotencyKey())
                        .bind("version", request.version())
                        .bindMap(changingFields(request))
                        .execute();
            } catch (UnableToExecuteStatementException e) {
                if (Database.isUniqueViolation(e)) {
                    if (request.idempotencyKey() != null) {
                        throw idempotencyKeyTaken();
                    }
                    throw new IllegalStateException("request number already used: " + line.number(), e);
                }
                throw e;
            }
            appendMessages(h, line.number(), 0, request.messages());
            appendHistory(h, line.number(), 0, request.history());
            appendAttachments(h, line.number(), 0, request.attachments());
            countOpenRequests(h, Optional.empty(), request);
            return null;
        });
    }

    private static boolean keyTaken(Handle h, Request request) {
        return h.createQuery("SELECT COUNT(*) FROM requests WHERE requester_id = :requester AND idempotency_key = :key")
                .bind("requester", request.summaryLine().requester().id().value())
                .bind("key", request.idempotencyKey())
                .mapTo(Long.class).one() > 0;
    }

    /**
     * {@inheritDoc} The requests are found by a plain read and cleared one by one by number, so that a key held by no
     * request locks nothing: a range UPDATE would lock, under MariaDB's REPEATABLE READ, the gap of the requester's
     * index where concurrent filings insert, and two first filings holding it would deadlock.
     */
    @Override
    public void releaseIdempotencyKey(PersonId requester, String key, Instant filedBefore) {
        db.inTransaction(h -> {
            List<Long> holders = h.createQuery("SELECT number FROM requests WHERE requester_id = :requester "
                            + "AND idempotency_key = :key AND submitted_at < :before")
                    .bind("requester", requester.value()).bind("key", key).bind("before", filedBefore)
                    .mapTo(Long.class).list();
            for (long number : holders) {
                h.createUpdate("UPDATE requests SET idempotency_key = NULL WHERE number = :number "
                                + "AND idempotency_key = :key")
                        .bind("number", number).bind("key", key).execute();
            }
            return null;
        });
    }

    private static RuntimeException idempotencyKeyTaken() {
        return DomainError.of(ErrorKind.CONFLICT, "request.idempotency_key.taken",
                "Cette demande a déjà été déposée.").exception();
    }

    /** The columns an update may change, by parameter name. */
    private static Map<String, Object> changingFields(Request r) {
        RequestSummary line = r.summaryLine();
        Map<String, Object> fields = new HashMap<>();
        fields.put("subject", line.subject().value());
        fields.put("type", line.type());
        fields.put("summary", line.summary().value());
        fields.put("description", r.description().value());
        fields.put("searchText", searchText(r));
        fields.put("visibility", line.visibility().name());
        fields.put("status", line.status().name());
        fields.put("assignedGroup", line.assignedGroup().value());
        fields.put("assignee", line.assignee() == null ? null : line.assignee().value());
        fields.put("updatedAt", line.updatedAt());
        fields.put("resolvedAt", r.resolvedAt());
        return fields;
    }

    /** What word searches look in: summary and description, lower-cased as the core compares them. */
    private static String searchText(Request r) {
        return (r.summaryLine().summary().value() + "\n" + r.description().value()).toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<Request> find(RequestNumber number) {
        return db.inTransaction(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS + ", description, resolved_at, "
                        + "version, idempotency_key FROM requests WHERE number = :number")
                .bind("number", number.value())
                .map((rs, ctx) -> new Row(summary(rs, ctx), new Description(rs.getString("description")),
                        Database.instant(rs, "resolved_at"), rs.getLong("version"), rs.getString("idempotency_key")))
                .findOne()
                .map(row -> Request.restore(row.line(), row.description(), row.resolvedAt(), row.version(),
                        row.idempotencyKey(), messages(h, number), attachments(h, number), history(h, number))));
    }

    /** The row of {@code requests} a request is restored from, read before its messages, history and attachments. */
    private record Row(RequestSummary line, Description description, Instant resolvedAt, long version,
            String idempotencyKey) {
    }

    private static List<Message> messages(Handle h, RequestNumber number) {
        return h.createQuery("SELECT id, author_id, author_given, author_family, kind, body, at "
                        + "FROM request_messages WHERE request_number = :number ORDER BY position")
                .bind("number", number.value())
                .map((rs, ctx) -> new Message(UUID.fromString(rs.getString("id")),
                        new PersonRef(PersonId.of(rs.getString("author_id")),
                                new PersonName(rs.getString("author_given"), rs.getString("author_family"))),
                        MessageKind.valueOf(rs.getString("kind")), new MessageBody(rs.getString("body")),
                        Database.instant(rs, "at")))
                .list();
    }

    private static List<HistoryEntry> history(Handle h, RequestNumber number) {
        return h.createQuery("SELECT at, by_person, event, from_value, to_value "
                        + "FROM request_history WHERE request_number = :number ORDER BY position")
                .bind("number", number.value())
                .map((rs, ctx) -> new HistoryEntry(Database.instant(rs, "at"), PersonId.of(rs.getString("by_person")),
                        HistoryEvent.valueOf(rs.getString("event")), rs.getString("from_value"),
                        rs.getString("to_value")))
                .list();
    }

    private static List<Attachment> attachments(Handle h, RequestNumber number) {
        return h.createQuery("SELECT id, name, media_type, size, at "
                        + "FROM request_attachments WHERE request_number = :number ORDER BY position")
                .bind("number", number.value())
                .map((rs, ctx) -> new Attachment(new AttachmentId(UUID.fromString(rs.getString("id"))),
                        rs.getString("name"), rs.getString("media_type"), rs.getLong("size"),
                        Database.instant(rs, "at")))
                .list();
    }

    @Override
    public boolean update(RequestChange change) {
        Request after = change.after();
        RequestNumber number = after.summaryLine().number();
        return db.inTransaction(h -> {
            int updated = h.createUpdate("UPDATE requests SET subject = :subject, type = :type, summary = :summary, "
                            + "description = :description, search_text = :searchText, visibility = :visibility, "
                            + "status = :status, assigned_group = :assignedGroup, assignee = :assignee, "
                            + "updated_at = :updatedAt, resolved_at = :resolvedAt, version = :version "
                            + "WHERE number = :number AND version = :expected")
                    .bindMap(changingFields(after))
                    .bind("version", after.version())
                    .bind("number", number.value())
                    .bind("expected", change.expectedVersion())
                    .execute();
            if (updated != 1) {
                return false;
            }
            appendMessages(h, number, nextPosition(h, "request_messages", number), change.newMessages());
            appendHistory(h, number, nextPosition(h, "request_history", number), change.newHistory());
            Set<AttachmentId> known = change.before().attachments().stream().map(Attachment::id)
                    .collect(Collectors.toSet());
            appendAttachments(h, number, nextPosition(h, "request_attachments", number),
                    after.attachments().stream().filter(a -> !known.contains(a.id())).toList());
            countOpenRequests(h, Optional.of(change.before()), after);
            return true;
        });
    }

    /** The position after the last one appended to {@code table} for a request; the table name is ours, not input. */
    private static int nextPosition(Handle h, String table, RequestNumber number) {
        return h.createQuery("SELECT COALESCE(MAX(position) + 1, 0) FROM " + table
                        + " WHERE request_number = :number")
                .bind("number", number.value()).mapTo(Integer.class).one();
    }

    private static void appendMessages(Handle h, RequestNumber number, int from, List<Message> messages) {
        int position = from;
        for (Message m : messages) {
            h.createUpdate("INSERT INTO request_messages (request_number, position, id, author_id, author_given, "
                            + "author_family, kind, body, at) VALUES (:number, :position, :id, :authorId, "
                            + ":authorGiven, :authorFamily, :kind, :body, :at)")
                    .bind("number", number.value()).bind("position", position++)
                    .bind("id", m.id().toString())
                    .bind("authorId", m.author().id().value())
                    .bind("authorGiven", m.author().name().given())
                    .bind("authorFamily", m.author().name().family())
                    .bind("kind", m.kind().name()).bind("body", m.body().value()).bind("at", m.at())
                    .execute();
        }
    }

    private static void appendHistory(Handle h, RequestNumber number, int from, List<HistoryEntry> entries) {
        int position = from;
        for (HistoryEntry e : entries) {
            h.createUpdate("INSERT INTO request_history (request_number, position, at, by_person, event, from_value, "
                            + "to_value) VALUES (:number, :position, :at, :by, :event, :from, :to)")
                    .bind("number", number.value()).bind("position", position++)
                    .bind("at", e.at()).bind("by", e.by().value()).bind("event", e.event().name())
                    .bind("from", e.from()).bind("to", e.to())
                    .execute();
        }
    }

    private static void appendAttachments(Handle h, RequestNumber number, int from, List<Attachment> attachments) {
        int position = from;
        for (Attachment a : attachments) {
            h.createUpdate("INSERT INTO request_attachments (id, request_number, position, name, media_type, size, "
                            + "at) VALUES (:id, :number, :position, :name, :mediaType, :size, :at)")
                    .bind("id", a.id().toString()).bind("number", number.value()).bind("position", position++)
                    .bind("name", a.name()).bind("mediaType", a.mediaType()).bind("size", a.size())
                    .bind("at", a.at())
                    .execute();
        }
    }

    /**
     * Keeps {@code open_request_counts} in step with a request that was {@code before} (empty when new) and is now
     * {@code after}; rows are touched in person order, so that two changes never wait on each other crosswise.
     */
    private void countOpenRequests(Handle h, Optional<Request> before, Request after) {
        Map<String, Integer> deltas = new TreeMap<>();
        before.flatMap(JdbiRequestRepository::openFor).ifPresent(p -> deltas.merge(p, -1, Integer::sum));
        openFor(after).ifPresent(p -> deltas.merge(p, 1, Integer::sum));
        deltas.forEach((person, delta) -> {
            if (delta != 0) {
                addToOpenCount(h, person, delta);
            }
        });
    }

    /**
     * Adds to one person's count. On H2 a merge racing another transaction's first row for the same person fails on
     * the key once that transaction commits; the row then exists and the second attempt adds to it.
     */
    private void addToOpenCount(Handle h, String person, int delta) {
        Runnable add = () -> h.createUpdate(db.dialect().addToOpenCount()).bind("person", person)
                .bind("delta", delta).execute();
        try {
            add.run();
        } catch (UnableToExecuteStatementException e) {
            if (!Database.isUniqueViolation(e)) {
                throw e;
            }
            add.run();
        }
    }

    /** Whose workload the request counts in: its assignee while it is open. */
    private static Optional<String> openFor(Request r) {
        RequestSummary line = r.summaryLine();
        return line.status().isOpen() ? Optional.ofNullable(line.assignee()).map(PersonId::value) : Optional.empty();
    }

    @Override
    public Page<RequestSummary> list(RequestQuery query, PageRequest page) {
        Criteria criteria = Criteria.of(query);
        return db.inTransaction(h -> {
            long total = criteria.bind(h.createQuery(criteria.countSql(from(query)))).mapTo(Long.class).one();
            List<RequestSummary> items = pageQuery(h, "", criteria, query, page)
                    .map(JdbiRequestRepository::summary)
                    .list();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private Query pageQuery(Handle h, String prefix, Criteria criteria, RequestQuery query, PageRequest page) {
        long reach = page.offset() + page.size();
        String sql = criteria.pageSql(db.dialect(), from(query), ORDER_BY.get(query.sort()), reach);
        return criteria.bind(h.createQuery(prefix + sql))
                .bind("limit", page.size()).bind("offset", page.offset()).bind("reach", reach);
    }

    private String from(RequestQuery query) {
        return query.requester() == null ? "requests" : db.dialect().requestsOfOneRequester();
    }

    /** The database's plan for a page of {@code query}, one line per row of its EXPLAIN; for tests of the indexes. */
    String explain(RequestQuery query, PageRequest page) {
        return db.inTransaction(h -> String.join("\n", pageQuery(h, "EXPLAIN ", Criteria.of(query), query, page)
                .map((rs, ctx) -> {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        line.append(rs.getString(i)).append(' ');
                    }
                    return line.toString();
                })
                .list()));
    }

    private static RequestSummary summary(ResultSet rs, StatementContext ctx) throws SQLException {
        String establishment = rs.getString("establishment");
        String assignee = rs.getString("assignee");
        return new RequestSummary(RequestNumber.of(rs.getLong("number")), new Summary(rs.getString("summary")),
                SubjectCode.parse(rs.getString("subject")), rs.getString("type"),
                Status.valueOf(rs.getString("status")), Visibility.valueOf(rs.getString("visibility")),
                Database.instant(rs, "submitted_at"), Database.instant(rs, "updated_at"),
                establishment == null ? null : Uai.parse(establishment),
                new PersonRef(PersonId.of(rs.getString("requester_id")),
                        new PersonName(rs.getString("requester_given"), rs.getString("requester_family"))),
                GroupCode.of(rs.getString("assigned_group")), assignee == null ? null : PersonId.of(assignee));
    }

    @Override
    public Optional<RequestNumber> findByIdempotencyKey(PersonId requester, String key, Instant notBefore) {
        return db.inTransaction(h -> h.createQuery("SELECT number FROM requests WHERE requester_id = :requester "
                        + "AND idempotency_key = :key AND submitted_at >= :notBefore")
                .bind("requester", requester.value()).bind("key", key).bind("notBefore", notBefore)
                .mapTo(Long.class).findOne().map(RequestNumber::of));
    }

    @Override
    public Map<PersonId, Long> openRequestCounts(Collection<PersonId> people) {
        if (people.isEmpty()) {
            return Map.of();
        }
        return db.inTransaction(h -> {
            Map<PersonId, Long> counts = new HashMap<>();
            h.createQuery("SELECT person_id, CASE WHEN open_requests < 0 THEN 0 ELSE open_requests END AS open_requests "
                            + "FROM open_request_counts WHERE person_id IN (<people>)")
                    .bindList("people", people.stream().map(PersonId::value).distinct().toList())
                    .map((rs, ctx) -> Map.entry(PersonId.of(rs.getString("person_id")), rs.getLong("open_requests")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    /**
     * A query's criteria as SQL of fixed text and the values to bind to it. A staff queue is read in branches, one per
     * (group, status) and one per (assignee, status), each an ordered range of an index: a page takes the first rows
     * of every branch, and the total adds up the branches, the assignee's counting only requests outside the groups.
     */
    private static final class Criteria {
        private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        private final List<Branch> pageBranches = new ArrayList<>();
        private final List<Branch> countBranches = new ArrayList<>();
        private final Map<String, Object> values = new HashMap<>();
        private final Map<String, List<String>> lists = new HashMap<>();

        static Criteria of(RequestQuery q) {
            Criteria c = new Criteria();
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
            if (q.words() != null) {
                String[] words = q.words().toLowerCase(Locale.ROOT).split("\\s+");
                for (int i = 0; i < words.length; i++) {
                    c.add(" AND search_text LIKE :word" + i + " ESCAPE '!'", "word" + i,
                            "%" + likeEscaped(words[i]) + "%");
                }
            }
            if (q.queueOf() != null) {
                c.queue(q.queueOf(), q.statuses());
            } else if (!q.statuses().isEmpty()) {
                c.where.append(" AND status IN (<statuses>)");
                c.lists.put("statuses", q.statuses().stream().map(Status::name).sorted().toList());
            }
            return c;
        }

        private void queue(RequestQuery.QueueOf queue, Set<Status> statuses) {
            values.put("queuePerson", queue.person().value());
            List<String> groups = queue.groups().stream().map(GroupCode::value).sorted().toList();
            if (!groups.isEmpty()) {
                lists.put("queueGroups", groups);
            }
            for (int i = 0; i < groups.size(); i++) {
                values.put("queueGroup" + i, groups.get(i));
            }
            for (Status status : statuses.isEmpty() ? List.of(Status.values()) : statuses.stream().sorted().toList()) {
                String withStatus = " AND status = :status" + status.ordinal();
                values.put("status" + status.ordinal(), status.name());
                for (int i = 0; i < groups.size(); i++) {
                    Branch group = new Branch(" AND assigned_group = :queueGroup" + i + withStatus,
                            "assigned_group, status");
                    pageBranches.add(group);
                    countBranches.add(group);
                }
                Branch mine = new Branch(" AND assignee = :queuePerson" + withStatus, "assignee, status");
                pageBranches.add(mine);
                countBranches.add(groups.isEmpty() ? mine
                        : new Branch(mine.condition() + " AND assigned_group NOT IN (<queueGroups>)", mine.leading()));
            }
        }

        /** How many requests match, reading {@code from} (the table, with any index hint). */
        String countSql(String from) {
            if (countBranches.isEmpty()) {
                return "SELECT COUNT(*) FROM " + from + where;
            }
            return "SELECT " + countBranches.stream()
                    .map(b -> "(SELECT COUNT(*) FROM requests" + where + b.condition() + ")")
                    .collect(Collectors.joining(" + "));
        }

        /**
         * One page of the matching requests in {@code orderBy}'s order, reading {@code from}; each branch of a queue
         * gives its first {@code reach} rows in that order (the page's end), among which are all those of the page.
         */
        String pageSql(Dialect dialect, String from, String orderBy, long reach) {
            String page = orderBy + " LIMIT :limit OFFSET :offset";
            if (pageBranches.isEmpty()) {
                return "SELECT " + SUMMARY_COLUMNS + " FROM " + from + where + page;
            }
            return "SELECT " + SUMMARY_COLUMNS + " FROM (" + pageBranches.stream()
                    .map(b -> "(SELECT " + SUMMARY_COLUMNS + " FROM requests" + where + b.condition()
                            + dialect.orderOfEqualRange(b.leading(), orderBy) + dialect.unionOperandLimit(reach) + ")")
                    .collect(Collectors.joining(" UNION ")) + ") branches" + page;
        }

        /** One branch of a queue: its condition, and the leading index columns it holds equal. */
        private record Branch(String condition, String leading) {
        }

        private void add(String condition, String name, Object value) {
            where.append(condition);
            values.put(name, value);
        }

        Query bind(Query query) {
            values.forEach(query::bind);
            lists.forEach(query::bindList);
            return query;
        }

        /** {@code text} matched literally by LIKE with '!' as the escape character. */
        private static String likeEscaped(String text) {
            return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        }
    }
}
