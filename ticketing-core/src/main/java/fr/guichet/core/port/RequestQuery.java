package fr.guichet.core.port;

import fr.guichet.core.domain.establishment.Department;
import fr.guichet.core.domain.person.GroupCode;
import fr.guichet.core.domain.person.PersonId;
import fr.guichet.core.domain.person.Uai;
import fr.guichet.core.domain.request.RequestSearch;
import fr.guichet.core.domain.request.RequestSummary;
import fr.guichet.core.domain.request.Status;
import fr.guichet.core.domain.subject.SubjectCode;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Criteria for listing requests; every criterion left null (or empty) matches all. {@code subject} matches that subject
 * and those under it; {@code queueOf} keeps requests assigned to one of the groups or to the person; {@code words},
 * the text a person typed, keeps the requests its {@link fr.guichet.core.domain.request.RequestSearch} finds;
 * {@code only} narrows it further (see {@link Only}); {@code establishment} keeps the requests filed from that
 * establishment, {@code department} those filed from an establishment of that département in the directory of
 * establishments.
 */
public record RequestQuery(PersonId requester, Instant submittedFrom, Instant submittedBefore, Set<Status> statuses,
        SubjectCode subject, GroupCode group, PersonId assignee, QueueOf queueOf, String words, RequestSort sort,
        Set<Only> only, Uai establishment, Department department) {

    public RequestQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sort = sort == null ? RequestSort.NEWEST : sort;
        words = words == null || words.isBlank() ? null : words.strip();
        only = only == null ? Set.of() : Set.copyOf(only);
    }

    /**
     * How far a list of this query counts its matches when the store counts up to {@code cap}: {@code cap}, or at most
     * {@link Count#SEARCH_CAP} when it searches words (a number alone being no word).
     */
    public long countedUpTo(long cap) {
        boolean searchesWords = !RequestSearch.parse(words).words().isEmpty();
        return searchesWords ? Math.min(cap, Count.SEARCH_CAP) : cap;
    }

    /** All requests, newest first; narrow it with the {@code with…} methods. */
    public static RequestQuery all() {
        return new RequestQuery(null, null, null, Set.of(), null, null, null, null, null, RequestSort.NEWEST, Set.of(),
                null, null);
    }

    public RequestQuery withRequester(PersonId value) {
        return new RequestQuery(value, submittedFrom, submittedBefore, statuses, subject, group, assignee, queueOf,
                words, sort, only, establishment, department);
    }

    public RequestQuery withSubmittedBetween(Instant from, Instant before) {
        return new RequestQuery(requester, from, before, statuses, subject, group, assignee, queueOf, words, sort,
                only, establishment, department);
    }

    public RequestQuery withStatuses(Set<Status> value) {
        return new RequestQuery(requester, submittedFrom, submittedBefore, value, subject, group, assignee, queueOf,
                words, sort, only, establishment, department);
    }

    public RequestQuery withSubject(SubjectCode value) {
        return new RequestQuery(requester, submittedFrom, submittedBefore, statuses, value, group, assignee, queueOf,
                words, sort, only, establishment, department);
    }

    public RequestQuery withGroup(GroupCode value) {
        return new RequestQuery(requester, submittedFrom, submittedBefore, statuses, subject, value, assignee, queueOf,
                words, sort, only, establishment, department);
    }

    public RequestQuery withAssignee(PersonId value) {
        return new RequestQuery(requester, submittedFrom, submittedBefore, statuses, subject, group, value, queueOf,
                words, sort, only, establishment, department);
    }

    public RequestQuery withQueueOf(QueueOf value) {
        return new RequestQuery(requester, submittedFrom, submittedBefore, statuses, subject, group, assignee, value,
                words, sort, only, establishment, department);
    }

    public RequestQuery withWords(String value) {
        return new RequestQuery(requester, submittedFrom, submittedBefore, statuses, subject, group, assignee, queueOf,
                value, sort, only, establishment, department);
    }

    public RequestQuery withSort(RequestSort value) {
        return new RequestQuery(requester, submittedFrom, submittedBefore, statuses, subject, group, assignee, queueOf,
                words, value, only, establishment, department);
    }

    /** The same query kept to the requests that are each of {@code value}. */
    public RequestQuery withOnly(Set<Only> value) {
        return new RequestQuery(requester, submittedFrom, submittedBefore, statuses, subject, group, assignee, queueOf,
                words, sort, value, establishment, department);
    }

    /** The same query kept to the requests filed from {@code value} (null: from anywhere). */
    public RequestQuery withEstablishment(Uai value) {
        return new RequestQuery(requester, submittedFrom, submittedBefore, statuses, subject, group, assignee, queueOf,
                words, sort, only, value, department);
    }

    /** The same query kept to the requests filed from an establishment of {@code value} (null: of any). */
    public RequestQuery withDepartment(Department value) {
        return new RequestQuery(requester, submittedFrom, submittedBefore, statuses, subject, group, assignee, queueOf,
                words, sort, only, establishment, value);
    }

    /**
     * What a list may be kept to beyond its criteria: requests without an assignee, those whose requester acted last
     * (see {@link RequestSummary#awaitingStaff()}), those that came back from RESOLVED.
     */
    public enum Only {
        UNASSIGNED, AWAITING_STAFF, REOPENED;

        /** True when this keeps {@code line}. */
        public boolean keeps(RequestSummary line) {
            return switch (this) {
                case UNASSIGNED -> line.assignee() == null;
                case AWAITING_STAFF -> line.awaitingStaff();
                case REOPENED -> line.reopened();
            };
        }
    }

    /** A staff member's queue: requests assigned to one of their groups, or to them. */
    public record QueueOf(PersonId person, Set<GroupCode> groups) {
        public QueueOf {
            Objects.requireNonNull(person, "person");
            groups = Set.copyOf(groups);
        }
    }
}
