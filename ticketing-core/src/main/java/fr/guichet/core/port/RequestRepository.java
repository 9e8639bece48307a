package fr.guichet.core.port;

import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.PersonRef;
import fr.guichet.core.domain.request.AttachmentId;
import fr.guichet.core.domain.request.Request;
import fr.guichet.core.domain.request.RequestChange;
import fr.guichet.core.domain.request.RequestNumber;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.SatisfactionAnswer;
import fr.guichet.core.domain.request.Status;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores requests with their messages, attachment metadata and history. Called inside a {@link UnitOfWork}; failures of
 * the store surface as {@code TicketingException} of kind UNAVAILABLE, never as the store's own exceptions.
 *
 * <p>A use case queues its notifications first and stores last ({@link #add}, {@link #update}), throwing when the
 * store refuses so that what it queued is rolled back: storing moves the assignee's open-request count, which an
 * implementation may keep locked until the unit of work ends, so storing last holds it the shortest and takes the
 * locks of every use case in one order.
 */
public interface RequestRepository {

    /** What {@link #add} did with a new request. */
    enum Addition {
        /** The request is stored. */
        ADDED,
        /**
         * Nothing was written: another request of the same requester holds its idempotency key. The unit of work may
         * be unusable (PostgreSQL aborts it), so the caller rolls it back and reads that request in a new one.
         */
        ALREADY_FILED
    }

    /** A number never handed out before, greater than every number handed out before, across all nodes. */
    RequestNumber nextNumber();

    /**
     * Stores a new request (version 1) with its messages, attachments and history, counted in its assignee's open
     * requests; its number must be new. Answers {@link Addition#ALREADY_FILED}, and writes nothing, when its
     * idempotency key is held by another request of its requester.
     */
    Addition add(Request request);

    /** The request with every message, attachment and history entry, or empty when there is no such number. */
    Optional<Request> find(RequestNumber number);

    /**
     * Applies a change if the stored version is still {@link RequestChange#expectedVersion()}: the request's fields
     * (the incident it follows among them) are replaced, the new messages and history entries appended, its open-request counts moved, and it answers true;
     * otherwise (someone changed the request since it was read) nothing is written and it answers false.
     */
    boolean update(RequestChange change);

    /** The numbers of the requests following the incident {@code parent}, in increasing order. */
    List<RequestNumber> children(RequestNumber parent);

    /**
     * A page of matching requests in the query's order, and how many match in all, exact up to
     * {@link RequestQuery#countedUpTo its bound} ({@link Count#CAP}, {@link Count#SEARCH_CAP} for a search by words)
     * and a lower bound beyond ({@link Page#totalExact()}): read one after the other with nothing changed between, the
     * pages of a query hold each of its requests once.
     */
    Page<RequestSummary> list(RequestQuery query, PageRequest page);

    /**
     * At most {@code limit} matching requests in the query's order, those following {@code after} in it (from the first
     * when null), without a total: read from the last one answered, the calls go over every matching request once,
     * each call reading about {@code limit} rows however far it is in the list.
     */
    List<RequestSummary> listAfter(RequestQuery query, RequestSummary after, int limit);

    /**
     * How many requests {@code query} matches, by status, and how many of the open ones are unassigned, reopened and
     * assigned to {@code me}, and of those not closed await the staff; counted by the store up to {@link Count#CAP}
     * as {@link RequestCounts#upTo} says, the query's sort and page playing no part.
     */
    RequestCounts count(RequestQuery query, PersonId me);

    /** The request {@code requester} filed with this idempotency key at or after {@code notBefore}, if any. */
    Optional<RequestNumber> findByIdempotencyKey(PersonId requester, String key, Instant notBefore);

    /** Forgets {@code key} on the requests {@code requester} filed before {@code filedBefore}, so it may serve again. */
    void releaseIdempotencyKey(PersonId requester, String key, Instant filedBefore);

    /**
     * At most {@code limit} requests in {@code status} since before {@code before} (their {@code Request#statusSince()}),
     * ordered by that instant then by number, each after {@code after} in that order (from the first when null): read
     * from the last one answered, the calls go over every such request once. Read from an index, whatever the number
     * of requests in other statuses or since later.
     */
    List<StatusAge> inStatusBefore(Status status, Instant before, StatusAge after, int limit);

    /** How many open (neither resolved nor closed) requests each person is assignee of; absent means zero. */
    Map<PersonId, Long> openRequestCounts(Collection<PersonId> people);

    /**
     * At most {@code limit} CLOSED requests not anonymised yet, closed (their {@code Request#statusSince()}) before
     * {@code before}, in the order and from {@code after} as {@link #inStatusBefore} reads them; read from an index,
     * whatever the number of requests already anonymised.
     */
    List<StatusAge> closedBefore(Instant before, StatusAge after, int limit);

    /** The files of these requests, filed with them or with their messages. */
    List<AttachmentId> files(Collection<RequestNumber> numbers);

    /**
     * Replaces each of these requests not anonymised yet by {@code Request#anonymised()}, marked anonymised at
     * {@code at} so that {@link #closedBefore} no longer reads it; its search text becomes
     * {@code Anonymised#searchText} and the comment of its satisfaction answer is emptied (the score stays). Answers how
     * many it anonymised.
     */
    int anonymise(Collection<RequestNumber> numbers, Instant at);

    /** True when a request not anonymised has {@code person} as its requester or assignee, or as author of a message. */
    boolean refersTo(PersonId person);

    /**
     * Replaces {@code person} by {@code by} in every request that names them ({@code Request#naming}), and forgets their
     * count of open requests.
     */
    void replacePerson(PersonId person, PersonRef by);

    /**
     * Stores {@code answer} to the satisfaction survey of its request, which exists; false, storing nothing, when that
     * request has an answer already (two answers given at once: one is stored), so that the survey is answered once.
     */
    boolean addSatisfaction(SatisfactionAnswer answer);

    /** The answer to the satisfaction survey of request {@code number}, if it has one. */
    Optional<SatisfactionAnswer> satisfaction(RequestNumber number);

}
