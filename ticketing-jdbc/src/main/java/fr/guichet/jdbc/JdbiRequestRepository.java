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
import fr.guichet.core.domain.request.HistoryEntry;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.MessageKind;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.Status;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    private static final List<String> OPEN_STATUSES = Arrays.stream(Status.values()).filter(Status::isOpen)
            .map(Status::name).toList();

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
        db.inTransaction(h -> {
            if (request.idempotencyKey().isPresent() && keyTaken(h, request)) {
                throw idempotencyKeyTaken();
            }
            try {
                h.createUpdate("INSERT INTO requests (number, requester_id, requester_given, requester_family, "
                        + "establishment, subject, type, summary, description, search_text, visibility, status, "
                        + "assigned_group, assignee, submitted_at, updated_at, resolved_at, version, idempotency_key) "
                        + "VALUES (:number, :requesterId, :requesterGiven, :requesterFamily, :establishment, "
                        + ":subject, :type, :summary, :description, :searchText, :visibility, :status, "
                        + ":assignedGroup, :assignee, :submittedAt, :updatedAt, :resolvedAt, :version, :key)")
                        .bind("number", request.number().value())
                        .bind("requesterId", request.requester().id().value())
                        .bind("requesterGiven", request.requester().name().given())
                        .bind("requesterFamily", request.requester().name().family())
                        .bind("establishment", request.establishment().map(Uai::value).orElse(null))
                        .bind("submittedAt", request.submittedAt())
                        .bind("key", request.idempotencyKey().orElse(null))
                        .bind("version", request.version())
                        .bindMap(changingFields(request))
                        .execute();
            } catch (UnableToExecuteStatementException e) {
                if (Database.isUniqueViolation(e)) {
                    if (request.idempotencyKey().isPresent()) {
                        throw idempotencyKeyTaken();
                    }
                    throw new IllegalStateException("request number already used: " + request.number(), e);
                }
                throw e;
            }
            appendMessages(h, request.number(), 0, request.messages());
            appendHistory(h, request.number(), 0, request.history());
            appendAttachments(h, request.number(), 0, request.attachments());
            return null;
        });
    }

    private static boolean keyTaken(Handle h, Request request) {
        return h.createQuery("SELECT COUNT(*) FROM requests WHERE requester_id = :requester AND idempotency_key = :key")
                .bind("requester", request.requester().id().value())
                .bind("key", request.idempotencyKey().orElseThrow())
                .mapTo(Long.class).one() > 0;
    }

    @Override
    public void releaseIdempotencyKey(PersonId requester, String key, Instant filedBefore) {
        db.inTransaction(h -> h.createUpdate("UPDATE requests SET idempotency_key = NULL WHERE requester_id = "
                        + ":requester AND idempotency_key = :key AND submitted_at < :before")
                .bind("requester", requester.value()).bind("key", key).bind("before", filedBefore).execute());
    }

    private static RuntimeException idempotencyKeyTaken() {
        return DomainError.of(ErrorKind.CONFLICT, "request.idempotency_key.taken",
                "Cette demande a déjà été déposée.").exception();
    }

    /** The columns an update may change, by parameter name. */
    private static Map<String, Object> changingFields(Request r) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("subject", r.subject().value());
        fields.put("type", r.type());
        fields.put("summary", r.summary());
        fields.put("description", r.description());
        fields.put("searchText", searchText(r));
        fields.put("visibility", r.visibility().name());
        fields.put("status", r.status().name());
        fields.put("assignedGroup", r.assignedGroup().value());
        fields.put("assignee", r.assignee().map(PersonId::value).orElse(null));
        fields.put("updatedAt", r.updatedAt());
        fields.put("resolvedAt", r.resolvedAt().orElse(null));
        return fields;
    }

    /** What word searches look in: summary and description, lower-cased as the core compares them. */
    private static String searchText(Request r) {
        return (r.summary() + "\n" + r.description()).toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<Request> find(RequestNumber number) {
        return db.inTransaction(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS + ", description, resolved_at, "
                        + "version, idempotency_key FROM requests WHERE number = :number")
                .bind("number", number.value())
                .map((rs, ctx) -> Request.restore().summaryLine(summary(rs, ctx))
                        .description(rs.getString("description"))
                        .resolvedAt(Database.instant(rs, "resolved_at"))
                        .version(rs.getLong("version"))
                        .idempotencyKey(rs.getString("idempotency_key")))
                .findOne()
                .map(b -> b.messages(messages(h, number)).history(history(h, number))
                        .attachments(attachments(h, number)).build()));
    }

    private static List<Message> messages(Handle h, RequestNumber number) {
        return h.createQuery("SELECT id, author_id, author_given, author_family, kind, body, at "
                        + "FROM request_messages WHERE request_number = :number ORDER BY position")
                .bind("number", number.value())
                .map((rs, ctx) -> new Message(UUID.fromString(rs.getString("id")),
                        new PersonRef(PersonId.of(rs.getString("author_id")),
                                new PersonName(rs.getString("author_given"), rs.getString("author_family"))),
                        MessageKind.valueOf(rs.getString("kind")), rs.getString("body"), Database.instant(rs, "at")))
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
    public void update(RequestChange change) {
        Request after = change.after();
        db.inTransaction(h -> {
            int updated = h.createUpdate("UPDATE requests SET subject = :subject, type = :type, summary = :summary, "
                            + "description = :description, search_text = :searchText, visibility = :visibility, "
                            + "status = :status, assigned_group = :assignedGroup, assignee = :assignee, "
                            + "updated_at = :updatedAt, resolved_at = :resolvedAt, version = :version "
                            + "WHERE number = :number AND version = :expected")
                    .bindMap(changingFields(after))
                    .bind("version", after.version())
                    .bind("number", after.number().value())
                    .bind("expected", change.expectedVersion())
                    .execute();
            if (updated != 1) {
                throw DomainError.of(ErrorKind.CONFLICT, "request.version.conflict",
                        "La demande vient d'être modifiée par quelqu'un d'autre : rechargez-la.").exception();
            }
            appendMessages(h, after.number(), nextPosition(h, "request_messages", after.number()),
                    change.newMessages());
            appendHistory(h, after.number(), nextPosition(h, "request_history", after.number()), change.newHistory());
            Set<AttachmentId> known = change.before().attachments().stream().map(Attachment::id)
                    .collect(Collectors.toSet());
            appendAttachments(h, after.number(), nextPosition(h, "request_attachments", after.number()),
                    after.attachments().stream().filter(a -> !known.contains(a.id())).toList());
            return null;
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
                    .bind("kind", m.kind().name()).bind("body", m.body()).bind("at", m.at())
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

    @Override
    public Page<RequestSummary> list(RequestQuery query, PageRequest page) {
        Criteria criteria = Criteria.of(query);
        return db.inTransaction(h -> {
            long total = criteria.bind(h.createQuery("SELECT COUNT(*) FROM requests" + criteria.where))
                    .mapTo(Long.class).one();
            List<RequestSummary> items = pageQuery(h, "", criteria, query.sort(), page)
                    .map(JdbiRequestRepository::summary)
                    .list();
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private static Query pageQuery(Handle h, String prefix, Criteria criteria, RequestSort sort, PageRequest page) {
        return criteria.bind(h.createQuery(prefix + "SELECT " + SUMMARY_COLUMNS + " FROM requests" + criteria.where
                        + ORDER_BY.get(sort) + " LIMIT :limit OFFSET :offset"))
                .bind("limit", page.size()).bind("offset", page.offset());
    }

    /** The database's plan for a page of {@code query}, one line per row of its EXPLAIN; for tests of the indexes. */
    String explain(RequestQuery query, PageRequest page) {
        return db.inTransaction(h -> String.join("\n", pageQuery(h, "EXPLAIN ", Criteria.of(query), query.sort(), page)
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
        return new RequestSummary(RequestNumber.of(rs.getLong("number")), rs.getString("summary"),
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
            h.createQuery("SELECT assignee, COUNT(*) AS open_count FROM requests "
                            + "WHERE assignee IN (<people>) AND status IN (<open>) GROUP BY assignee")
                    .bindList("people", people.stream().map(PersonId::value).distinct().toList())
                    .bindList("open", OPEN_STATUSES)
                    .map((rs, ctx) -> Map.entry(PersonId.of(rs.getString("assignee")), rs.getLong("open_count")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    /** A query's criteria as a WHERE clause of fixed text and the values to bind to it. */
    private static final class Criteria {
        private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
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
            if (!q.statuses().isEmpty()) {
                c.where.append(" AND status IN (<statuses>)");
                c.lists.put("statuses", q.statuses().stream().map(Status::name).sorted().toList());
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
            if (q.queueOf() != null) {
                if (q.queueOf().groups().isEmpty()) {
                    c.add(" AND assignee = :queuePerson", "queuePerson", q.queueOf().person().value());
                } else {
                    c.add(" AND (assigned_group IN (<queueGroups>) OR assignee = :queuePerson)", "queuePerson",
                            q.queueOf().person().value());
                    c.lists.put("queueGroups", q.queueOf().groups().stream().map(GroupCode::value).sorted().toList());
                }
            }
            if (q.words() != null) {
                String[] words = q.words().toLowerCase(Locale.ROOT).split("\\s+");
                for (int i = 0; i < words.length; i++) {
                    c.add(" AND search_text LIKE :word" + i + " ESCAPE '!'", "word" + i,
                            "%" + likeEscaped(words[i]) + "%");
                }
            }
            return c;
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
