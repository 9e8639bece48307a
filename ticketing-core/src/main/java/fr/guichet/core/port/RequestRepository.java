package fr.guichet.core.port;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Stores requests with their messages, attachment metadata and history. Called inside a {@link UnitOfWork}; failures of
 * the store surface as {@code TicketingException} of kind UNAVAILABLE, never as the store's own exceptions.
 */
public interface RequestRepository {

    /** A number never handed out before, greater than every number handed out before, across all nodes. */
    RequestNumber nextNumber();

    /**
     * Stores a new request (version 1) with its messages, attachments and history; its number must be new. It also
     * counts in its assignee's open requests, which an implementation may keep locked until the unit of work ends:
     * a use case stores last.
     */
    void add(Request request);

    /** The request with every message, attachment and history entry, or empty when there is no such number. */
    Optional<Request> find(RequestNumber number);

    /**
     * Applies a change if the stored version is still {@link RequestChange#expectedVersion()}: the request's fields are
     * replaced, the new messages and history entries appended, and it answers true; otherwise (someone changed the
     * request since it was read) nothing is written and it answers false.
     */
    boolean update(RequestChange change);

    /**
     * A page of matching requests in the query's order, and how many match in all: read one after the other with
     * nothing changed between, the pages of a query hold each of its requests once.
     */
    Page<RequestSummary> list(RequestQuery query, PageRequest page);

    /** The request {@code requester} filed with this idempotency key at or after {@code notBefore}, if any. */
    Optional<RequestNumber> findByIdempotencyKey(PersonId requester, String key, Instant notBefore);

    /** Forgets {@code key} on the requests {@code requester} filed before {@code filedBefore}, so it may serve again. */
    void releaseIdempotencyKey(PersonId requester, String key, Instant filedBefore);

    /** How many open (neither resolved nor closed) requests each person is assignee of; absent means zero. */
    Map<PersonId, Long> openRequestCounts(Collection<PersonId> people);
}
