package fr.guichet.jdbc;

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
import fr.guichet.core.domain.request.LastActivity;
import fr.guichet.core.domain.request.Message;
import fr.guichet.core.domain.request.MessageBody;
import fr.guichet.core.domain.request.MessageKind;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.ServiceLevel;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.request.Summary;
import fr.guichet.core.domain.request.Visibility;
import fr.guichet.core.domain.subject.SubjectCode;
import fr.guichet.core.port.StatusAge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A request as rows: its row of {@code requests}, with its messages, history and attachment metadata appended to their
 * own tables in order; written from the domain and read back into it, in the caller's transaction.
 */
final class RequestRows {

    /**
     * The columns of {@code requests} a {@link RequestSummary} is read from by {@link #summary}, with the due a list
     * may be ordered by.
     */
    static final String SUMMARY_COLUMNS = """
            number, summary, subject, type, status, visibility, submitted_at, updated_at, establishment, requester_id, \
            requester_given, requester_family, assigned_group, assignee, last_activity_at, last_activity_by, \
            last_activity_staff, reopened, first_answer_at, first_answer_due, resolution_due, due_order""";

    private static final String INSERT = """
            INSERT INTO requests (number, requester_id, requester_given, requester_family, establishment, subject, type,
                summary, description, search_text, visibility, status, assigned_group, assignee, submitted_at,
                updated_at, resolved_at, version, idempotency_key, last_activity_at, last_activity_by,
                last_activity_staff, reopened, parent, status_since, first_answer_at, first_answer_due, resolution_due,
                due_order, school_text)
            VALUES (:number, :requesterId, :requesterGiven, :requesterFamily, :establishment, :subject, :type,
                :summary, :description, :searchText, :visibility, :status, :assignedGroup, :assignee, :submittedAt,
                :updatedAt, :resolvedAt, :version, :key, :lastActivityAt, :lastActivityBy, :lastActivityStaff,
                :reopened, :parent, :statusSince, :firstAnswerAt, :firstAnswerDue, :resolutionDue, :dueOrder,
                COALESCE((SELECT e.search_text FROM establishments e WHERE e.uai = :establishment), ''))""";

    private static final String UPDATE = """
            UPDATE requests SET subject = :subject, type = :type, summary = :summary, description = :description,
                search_text = :searchText, visibility = :visibility, status = :status, assigned_group = :assignedGroup,
                assignee = :assignee, updated_at = :updatedAt, resolved_at = :resolvedAt, version = :version,
                last_activity_at = :lastActivityAt, last_activity_by = :lastActivityBy,
                last_activity_staff = :lastActivityStaff, reopened = :reopened, parent = :parent,
                status_since = :statusSince, first_answer_at = :firstAnswerAt, first_answer_due = :firstAnswerDue,
                resolution_due = :resolutionDue, due_order = :dueOrder
            WHERE number = :number AND version = :expected""";

    private static final String FIND = """
            SELECT <summaryColumns>, description, resolved_at, version, idempotency_key, parent
            FROM requests WHERE number = :number""";

    private static final String IN_STATUS_BEFORE = """
            SELECT number, status_since FROM requests
            WHERE status = :status AND status_since < :before<after>
            ORDER BY status_since, number LIMIT :limit""";

    private static final String CHILDREN = """
            SELECT number FROM requests WHERE parent = :parent ORDER BY number""";

    private static final String MESSAGES = """
            SELECT id, author_id, author_given, author_family, kind, body, at
            FROM request_messages WHERE request_number = :number ORDER BY position""";

    private static final String HISTORY = """
            SELECT at, by_person, event, from_value, to_value
            FROM request_history WHERE request_number = :number ORDER BY position""";

    private static final String ATTACHMENTS = """
            SELECT id, message_id, name, media_type, size, at
            FROM request_attachments WHERE request_number = :number ORDER BY position""";

    /** The position after the last one appended to {@code <table>}, one of the three tables above. */
    private static final String NEXT_POSITION = """
            SELECT COALESCE(MAX(position) + 1, 0) FROM <table> WHERE request_number = :number""";

    private static final String APPEND_MESSAGE = """
            INSERT INTO request_messages (request_number, position, id, author_id, author_given, author_family, kind,
                body, at)
            VALUES (:number, :position, :id, :authorId, :authorGiven, :authorFamily, :kind, :body, :at)""";

    private static final String APPEND_HISTORY = """
            INSERT INTO request_history (request_number, position, at, by_person, event, from_value, to_value)
            VALUES (:number, :position, :at, :by, :event, :from, :to)""";

    private static final String APPEND_ATTACHMENT = """
            INSERT INTO request_attachments (id, request_number, position, message_id, name, media_type, size, at)
            VALUES (:id, :number, :position, :messageId, :name, :mediaType, :size, :at)""";

    /** The key of {@link #attachments} for the files filed with the request rather than with a message. */
    private static final String FILED = "";

    private RequestRows() {
    }

    /**
     * Inserts a new request's rows, with the words of its school as the directory holds them (none when it does not
     * know the school); a broken key of {@code requests} fails before anything is written.
     */
    static void insert(Handle h, Request request) {
        RequestSummary line = request.summaryLine();
        h.createUpdate(INSERT)
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
        appendMessages(h, line.number(), 0, request.messages());
        appendHistory(h, line.number(), 0, request.history());
        int position = appendAttachments(h, line.number(), 0, null, request.attachments());
        appendMessageAttachments(h, line.number(), position, request.messages());
    }

    /** Writes {@code change} if the stored version is still the one it expects; answers whether it did. */
    static boolean update(Handle h, RequestChange change) {
        Request after = change.after();
        RequestNumber number = after.summaryLine().number();
        int updated = h.createUpdate(UPDATE)
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
        int position = appendAttachments(h, number, nextPosition(h, "request_attachments", number), null,
                after.attachments().stream().filter(a -> !known.contains(a.id())).toList());
        appendMessageAttachments(h, number, position, change.newMessages());
        return true;
    }

    /** The request read back with everything appended to it, or empty. */
    static Optional<Request> find(Handle h, RequestNumber number) {
        return h.createQuery(FIND)
                .define("summaryColumns", SUMMARY_COLUMNS)
                .bind("number", number.value())
                .map((rs, ctx) -> new Row(summary(rs, ctx), new Description(rs.getString("description")),
                        Database.instant(rs, "resolved_at"), rs.getLong("version"), rs.getString("idempotency_key"),
                        rs.getObject("parent") == null ? null : RequestNumber.of(rs.getLong("parent"))))
                .findOne()
                .map(row -> {
                    Map<String, List<Attachment>> files = attachments(h, number);
                    return Request.restore(row.line(), row.description(), row.resolvedAt(), row.version(),
                            row.idempotencyKey(), row.parent(), messages(h, number, files),
                            files.getOrDefault(FILED, List.of()), history(h, number));
                });
    }

    /** The row of {@code requests} a request is restored from, read before its messages, history and attachments. */
    private record Row(RequestSummary line, Description description, Instant resolvedAt, long version,
            String idempotencyKey, RequestNumber parent) {
    }

    /** The numbers of the requests following the incident {@code parent}, in increasing order. */
    /** The requests in {@code status} since before {@code before}, as the port's {@code inStatusBefore} says. */
    static List<StatusAge> inStatusBefore(Handle h, Status status, Instant before, StatusAge after, int limit) {
        return inStatusBefore(h, "", status, before, after, limit).map((rs, ctx) -> new StatusAge(
                RequestNumber.of(rs.getLong("number")), Database.instant(rs, "status_since"))).list();
    }

    /** The query of {@link #inStatusBefore}, after {@code prefix} ("EXPLAIN " for its plan). */
    static Query inStatusBefore(Handle h, String prefix, Status status, Instant before, StatusAge after, int limit) {
        Query q = h.createQuery(prefix + IN_STATUS_BEFORE)
                .define("after", after == null ? "" : " AND (status_since > :afterSince"
                        + " OR (status_since = :afterSince AND number > :afterNumber))")
                .bind("status", status.name()).bind("before", before).bind("limit", limit);
        if (after != null) {
            q.bind("afterSince", after.since()).bind("afterNumber", after.number().value());
        }
        return q;
    }

    static List<RequestNumber> children(Handle h, RequestNumber parent) {
        return h.createQuery(CHILDREN).bind("parent", parent.value()).map((rs, ctx) -> RequestNumber.of(rs.getLong(1)))
                .list();
    }

    /**
     * The summary in a row holding the {@link #SUMMARY_COLUMNS}; a row a node of an earlier version wrote without its
     * last activity was last acted on by its requester when it was last updated.
     */
    static RequestSummary summary(ResultSet rs, StatementContext ctx) throws SQLException {
        String establishment = rs.getString("establishment");
        String assignee = rs.getString("assignee");
        PersonId requester = PersonId.of(rs.getString("requester_id"));
        Instant updatedAt = Database.instant(rs, "updated_at");
        Instant lastAt = Database.instant(rs, "last_activity_at");
        LastActivity last = lastAt == null ? LastActivity.ofRequester(requester, updatedAt)
                : new LastActivity(lastAt, PersonId.of(rs.getString("last_activity_by")),
                        rs.getBoolean("last_activity_staff"));
        return new RequestSummary(RequestNumber.of(rs.getLong("number")), new Summary(rs.getString("summary")),
                SubjectCode.parse(rs.getString("subject")), rs.getString("type"),
                Status.valueOf(rs.getString("status")), Visibility.valueOf(rs.getString("visibility")),
                Database.instant(rs, "submitted_at"), updatedAt,
                establishment == null ? null : Uai.parse(establishment),
                new PersonRef(requester,
                        new PersonName(rs.getString("requester_given"), rs.getString("requester_family"))),
                GroupCode.of(rs.getString("assigned_group")), assignee == null ? null : PersonId.of(assignee), last,
                rs.getBoolean("reopened"), new ServiceLevel(Database.instant(rs, "first_answer_at"),
                        Database.instant(rs, "first_answer_due"), Database.instant(rs, "resolution_due")));
    }

    /** The columns an update may change, by parameter name. */
    private static Map<String, Object> changingFields(Request r) {
        RequestSummary line = r.summaryLine();
        Map<String, Object> fields = new HashMap<>();
        fields.put("subject", line.subject().value());
        fields.put("type", line.type());
        fields.put("summary", line.summary().value());
        fields.put("description", r.description().value());
        fields.put("searchText", r.searchText());
        fields.put("visibility", line.visibility().name());
        fields.put("status", line.status().name());
        fields.put("assignedGroup", line.assignedGroup().value());
        fields.put("assignee", line.assignee() == null ? null : line.assignee().value());
        fields.put("updatedAt", line.updatedAt());
        fields.put("resolvedAt", r.resolvedAt());
        fields.put("lastActivityAt", line.lastActivity().at());
        fields.put("lastActivityBy", line.lastActivity().by().value());
        fields.put("lastActivityStaff", line.lastActivity().staff());
        fields.put("reopened", line.reopened());
        fields.put("parent", r.parent() == null ? null : r.parent().value());
        fields.put("statusSince", r.statusSince());
        ServiceLevel level = line.serviceLevel();
        fields.put("firstAnswerAt", level.firstAnswerAt());
        fields.put("firstAnswerDue", level.firstAnswerDue());
        fields.put("resolutionDue", level.resolutionDue());
        fields.put("dueOrder", level.nextDue(line.status()));
        return fields;
    }

    /** The messages of a request, each with its files out of {@code files} (by message id). */
    private static List<Message> messages(Handle h, RequestNumber number, Map<String, List<Attachment>> files) {
        return h.createQuery(MESSAGES)
                .bind("number", number.value())
                .map((rs, ctx) -> new Message(UUID.fromString(rs.getString("id")),
                        new PersonRef(PersonId.of(rs.getString("author_id")),
                                new PersonName(rs.getString("author_given"), rs.getString("author_family"))),
                        MessageKind.valueOf(rs.getString("kind")), new MessageBody(rs.getString("body")),
                        Database.instant(rs, "at"), files.getOrDefault(rs.getString("id"), List.of())))
                .list();
    }

    private static List<HistoryEntry> history(Handle h, RequestNumber number) {
        return h.createQuery(HISTORY)
                .bind("number", number.value())
                .map((rs, ctx) -> new HistoryEntry(Database.instant(rs, "at"), PersonId.of(rs.getString("by_person")),
                        HistoryEvent.valueOf(rs.getString("event")), rs.getString("from_value"),
                        rs.getString("to_value")))
                .list();
    }

    /** The files of a request in order, by the id of the message they came with, or {@link #FILED}. */
    private static Map<String, List<Attachment>> attachments(Handle h, RequestNumber number) {
        Map<String, List<Attachment>> files = new HashMap<>();
        h.createQuery(ATTACHMENTS)
                .bind("number", number.value())
                .map((rs, ctx) -> Map.entry(Objects.requireNonNullElse(rs.getString("message_id"), FILED),
                        new Attachment(new AttachmentId(UUID.fromString(rs.getString("id"))),
                                rs.getString("name"), rs.getString("media_type"), rs.getLong("size"),
                                Database.instant(rs, "at"))))
                .forEach(e -> files.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return files;
    }

    private static int nextPosition(Handle h, String table, RequestNumber number) {
        return h.createQuery(NEXT_POSITION).define("table", table)
                .bind("number", number.value()).mapTo(Integer.class).one();
    }

    private static void appendMessages(Handle h, RequestNumber number, int from, List<Message> messages) {
        int position = from;
        for (Message m : messages) {
            h.createUpdate(APPEND_MESSAGE)
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
            h.createUpdate(APPEND_HISTORY)
                    .bind("number", number.value()).bind("position", position++)
                    .bind("at", e.at()).bind("by", e.by().value()).bind("event", e.event().name())
                    .bind("from", e.from()).bind("to", e.to())
                    .execute();
        }
    }

    /** Appends the files of {@code messages} from {@code from} on, after the messages themselves. */
    private static void appendMessageAttachments(Handle h, RequestNumber number, int from, List<Message> messages) {
        int position = from;
        for (Message m : messages) {
            position = appendAttachments(h, number, position, m.id(), m.attachments());
        }
    }

    /** Appends the files of the message {@code messageId} (null: of the filing); answers the next position. */
    private static int appendAttachments(Handle h, RequestNumber number, int from, UUID messageId,
            List<Attachment> attachments) {
        int position = from;
        for (Attachment a : attachments) {
            h.createUpdate(APPEND_ATTACHMENT)
                    .bind("id", a.id().toString()).bind("number", number.value()).bind("position", position++)
                    .bind("messageId", messageId == null ? null : messageId.toString())
                    .bind("name", a.name()).bind("mediaType", a.mediaType()).bind("size", a.size())
                    .bind("at", a.at())
                    .execute();
        }
        return position;
    }
}
