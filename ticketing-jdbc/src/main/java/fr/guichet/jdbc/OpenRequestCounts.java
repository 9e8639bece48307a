package fr.guichet.jdbc;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestSummary;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Each person's open requests as assignee, counted in {@code open_request_counts} by the transaction that moves a
 * request, so that routing reads one row a person instead of counting requests.
 */
final class OpenRequestCounts {

    private static final String READ = """
            SELECT person_id, CASE WHEN open_requests < 0 THEN 0 ELSE open_requests END AS open_requests
            FROM open_request_counts WHERE person_id IN (<people>)""";

    private final String addTo;

    OpenRequestCounts(Dialect dialect) {
        this.addTo = dialect.addTo("open_request_counts", Map.of("person_id", "VARCHAR(64)"), "open_requests");
    }

    /**
     * Counts the move of a request that was {@code before} (empty when new) and is now {@code after}; rows are touched
     * in person order, so that two moves never wait on each other crosswise.
     */
    void follow(Handle h, Optional<Request> before, Request after) {
        Map<String, Integer> deltas = new TreeMap<>();
        before.flatMap(OpenRequestCounts::openFor).ifPresent(p -> deltas.merge(p, -1, Integer::sum));
        openFor(after).ifPresent(p -> deltas.merge(p, 1, Integer::sum));
        deltas.forEach((person, delta) -> {
            if (delta != 0) {
                Database.upsertRacingFirstRow(() -> h.createUpdate(addTo)
                        .bind("person_id", person).bind("delta", delta).execute());
            }
        });
    }

    /** The counts of {@code people}, a count that drifted below zero read as zero; absent means zero. */
    static Map<PersonId, Long> of(Handle h, Collection<PersonId> people) {
        if (people.isEmpty()) {
            return Map.of();
        }
        Map<PersonId, Long> counts = new HashMap<>();
        h.createQuery(READ)
                .bindList("people", people.stream().map(PersonId::value).distinct().toList())
                .map((rs, ctx) -> Map.entry(PersonId.of(rs.getString("person_id")), rs.getLong("open_requests")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Whose workload the request counts in: its assignee while it is open. */
    private static Optional<String> openFor(Request r) {
        RequestSummary line = r.summaryLine();
        return line.status().isOpen() ? Optional.ofNullable(line.assignee()).map(PersonId::value) : Optional.empty();
    }
}
