package fr.guichet.jdbc;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.Anonymised;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.HistoryEvent;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.port.StatusAge;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The statements of the request repository's anonymisation: each writes the rows of a whole batch of requests at once
 * (a few statements per batch, not per request), as {@code Request#anonymised()} and {@code Request#naming} change the
 * request they read; the requests' own rows, whose search text is each their own, are written once each in one JDBC
 * batch, their words indexed again ({@link RequestWords#replace}), and every row of a table once (one new row
 * version, so that PostgreSQL updates the table's indexes once).
 * Within a statement, a column read by the others is assigned last: MariaDB reads a column assigned earlier in the same
 * SET at its new value.
 */
final class RequestAnonymisation {

    /**
     * Ordered as the index {@code requests_to_anonymise} is (its first two columns are one value here), so that every
     * database reads it rather than the index by status and status_since, which holds the anonymised requests too.
     */
    private static final String CLOSED_BEFORE = """
            SELECT number, status_since FROM requests
            WHERE status = :status AND anonymised_at IS NULL AND status_since < :before<after>
            ORDER BY status, anonymised_at, status_since, number LIMIT :limit""";

    private static final String REQUESTER_OF_ROW = "(SELECT r.requester_id FROM requests r WHERE r.number = %s"
            + ".request_number)";

    private RequestAnonymisation() {
    }

    static List<StatusAge> closedBefore(Handle h, Instant before, StatusAge after, int limit) {
        return closedBefore(h, "", before, after, limit).map((rs, ctx) -> new StatusAge(
                RequestNumber.of(rs.getLong("number")), Database.instant(rs, "status_since"))).list();
    }

    /** The query of {@link #closedBefore}, after {@code prefix} ("EXPLAIN " for its plan). */
    static Query closedBefore(Handle h, String prefix, Instant before, StatusAge after, int limit) {
        Query q = h.createQuery(prefix + CLOSED_BEFORE)
                .define("after", after == null ? "" : " AND (status_since > :afterSince"
                        + " OR (status_since = :afterSince AND number > :afterNumber))")
                .bind("status", Status.CLOSED.name()).bind("before", before).bind("limit", limit);
        if (after != null) {
            q.bind("afterSince", after.since()).bind("afterNumber", after.number().value());
        }
        return q;
    }

    static List<AttachmentId> files(Handle h, Collection<RequestNumber> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT id FROM request_attachments WHERE request_number IN (<numbers>)")
                .bindList("numbers", values(numbers))
                .map((rs, ctx) -> AttachmentId.parse(rs.getString("id"))).list();
    }

    /** Anonymises those of {@code numbers} not anonymised yet; answers how many. */
    static int anonymise(Handle h, Dialect dialect, Collection<RequestNumber> numbers, Instant at) {
        if (numbers.isEmpty()) {
            return 0;
        }
        Map<Long, String> todo = h.createQuery("SELECT number, establishment FROM requests "
                        + "WHERE number IN (<numbers>) AND anonymised_at IS NULL")
                .bindList("numbers", values(numbers))
                .reduceRows(new java.util.TreeMap<Long, String>(), (rows, row) -> {
                    rows.put(row.getColumn("number", Long.class), row.getColumn("establishment", String.class));
                    return rows;
                });
        if (todo.isEmpty()) {
            return 0;
        }
        List<Long> these = List.copyOf(todo.keySet());
        PersonRef placeholder = Anonymised.REQUESTER;
        String requesterOfMessage = String.format(REQUESTER_OF_ROW, "request_messages");
        h.createUpdate("UPDATE request_messages SET body = :text, "
                        + "author_given = CASE WHEN author_id = " + requesterOfMessage + " THEN :given "
                        + "ELSE author_given END, "
                        + "author_family = CASE WHEN author_id = " + requesterOfMessage + " THEN :family "
                        + "ELSE author_family END, "
                        + "author_id = CASE WHEN author_id = " + requesterOfMessage + " THEN :id ELSE author_id END "
                        + "WHERE request_number IN (<numbers>)")
                .bindList("numbers", these).bind("id", placeholder.id().value()).bind("text", Anonymised.TEXT)
                .bind("given", placeholder.name().given()).bind("family", placeholder.name().family()).execute();
        String requesterOfEntry = String.format(REQUESTER_OF_ROW, "request_history");
        h.createUpdate("UPDATE request_history SET "
                        + "from_value = CASE WHEN event IN (<people>) AND from_value = " + requesterOfEntry
                        + " THEN :id ELSE from_value END, "
                        + "to_value = CASE WHEN event IN (<events>) THEN :text WHEN event IN (<people>) "
                        + "AND to_value = " + requesterOfEntry + " THEN :id ELSE to_value END, "
                        + "by_person = CASE WHEN by_person = " + requesterOfEntry
                        + " THEN :id ELSE by_person END WHERE request_number IN (<numbers>)")
                .bindList("numbers", these).bindList("events", events(HistoryEvent.Refers.TEXT))
                .bindList("people", events(HistoryEvent.Refers.PERSON))
                .bind("text", Anonymised.TEXT).bind("id", placeholder.id().value()).execute();
        h.createUpdate("UPDATE request_attachments SET name = '' WHERE request_number IN (<numbers>)")
                .bindList("numbers", these).execute();
        h.createUpdate("UPDATE satisfaction_answers SET comment = NULL WHERE request_number IN (<numbers>)")
                .bindList("numbers", these).execute();
        PreparedBatch requests = h.prepareBatch("UPDATE requests SET last_activity_by = CASE "
                + "WHEN last_activity_by = requester_id THEN :id ELSE last_activity_by END, requester_id = :id, "
                + "requester_given = :given, requester_family = :family, summary = :text, description = :text, "
                + "search_text = :search, idempotency_key = NULL, version = version + 1, anonymised_at = :at "
                + "WHERE number = :number");
        Map<Long, String> searchTexts = new java.util.TreeMap<>();
        todo.forEach((number, establishment) -> searchTexts.put(number, Anonymised.searchText(
                RequestNumber.of(number), establishment == null ? null : Uai.parse(establishment.strip()))));
        searchTexts.forEach((number, search) -> requests.bind("number", number)
                .bind("id", placeholder.id().value()).bind("given", placeholder.name().given())
                .bind("family", placeholder.name().family()).bind("text", Anonymised.TEXT).bind("at", at)
                .bind("search", search).add());
        requests.execute();
        RequestWords.replace(h, dialect, searchTexts);
        return todo.size();
    }

    static boolean refersTo(Handle h, PersonId person) {
        boolean asRequesterOrAssignee = h.createQuery("SELECT COUNT(*) FROM requests "
                        + "WHERE (requester_id = :id OR assignee = :id) AND anonymised_at IS NULL")
                .bind("id", person.value()).mapTo(Long.class).one() > 0;
        return asRequesterOrAssignee || h.createQuery("SELECT COUNT(*) FROM request_messages m "
                        + "JOIN requests r ON r.number = m.request_number "
                        + "WHERE m.author_id = :id AND r.anonymised_at IS NULL")
                .bind("id", person.value()).mapTo(Long.class).one() > 0;
    }

    /**
     * Puts {@code by} in place of {@code person} in every request, message and history line, the postings' assignee
     * and the {@code tallies} with the requests', each request's version raised so that a change read before fails
     * instead of writing the person back.
     */
    static void replacePerson(Handle h, PersonId person, PersonRef by, RequestTallies tallies) {
        String old = person.value();
        String id = by.id().value();
        h.createUpdate("UPDATE requests SET requester_id = :id, requester_given = :given, requester_family = :family, "
                        + "version = version + 1 WHERE requester_id = :old")
                .bind("id", id).bind("given", by.name().given()).bind("family", by.name().family()).bind("old", old)
                .execute();
        tallies.replaceAssignee(h, old, id, () -> h.createUpdate("UPDATE requests SET assignee = :id, "
                + "version = version + 1 WHERE assignee = :old").bind("id", id).bind("old", old).execute());
        h.createUpdate("UPDATE request_words SET assignee = :id WHERE assignee = :old AND number IN "
                + "(SELECT number FROM requests WHERE assignee = :id)").bind("id", id).bind("old", old).execute();
        h.createUpdate("UPDATE requests SET last_activity_by = :id, version = version + 1 "
                + "WHERE last_activity_by = :old").bind("id", id).bind("old", old).execute();
        h.createUpdate("UPDATE request_messages SET author_id = :id, author_given = :given, author_family = :family "
                        + "WHERE author_id = :old")
                .bind("id", id).bind("given", by.name().given()).bind("family", by.name().family()).bind("old", old)
                .execute();
        h.createUpdate("UPDATE request_history SET by_person = :id WHERE by_person = :old").bind("id", id)
                .bind("old", old).execute();
        for (String column : List.of("from_value", "to_value")) {
            h.createUpdate("UPDATE request_history SET " + column + " = :id WHERE " + column
                            + " = :old AND event IN (<events>)")
                    .bind("id", id).bind("old", old).bindList("events", events(HistoryEvent.Refers.PERSON))
                    .execute();
        }
        h.createUpdate("DELETE FROM open_request_counts WHERE person_id = :old").bind("old", old).execute();
    }

    private static List<String> events(HistoryEvent.Refers refers) {
        return Arrays.stream(HistoryEvent.values()).filter(e -> e.refersTo() == refers).map(Enum::name).toList();
    }

    private static List<Long> values(Collection<RequestNumber> numbers) {
        return numbers.stream().map(RequestNumber::value).toList();
    }
}
